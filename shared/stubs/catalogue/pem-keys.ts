// PEM private keys: PKCS#1 RSA (RFC 8017 A.1.2) and SEC1 EC (RFC 5915).
//
// Decision: the DER is structurally exact (tags, minimal lengths, field sizes of a
// 2048-bit RSA key / a P-256 key) so PEM/DER parsers accept it, but the RSA numbers are
// random, not a real key pair (generating primes in pure JS would cost ~100 ms a key).
// The EC key is a random scalar below the P-256 order and omits the optional public
// key, which loaders (OpenSSL) recompute, so it loads as a genuine, useless, key.
// Armour: BEGIN/END lines, base64 wrapped at 64 columns, '\n', no trailing newline.

import { armourPattern, pemDecode, pemEncode } from '../encoding/pem';
import {
  DER_TAG,
  derConstructed,
  derEncode,
  derPrimitive,
  derSequence,
  derSmallInteger,
  derUnsignedInteger,
  isDerUnsignedInteger,
  readDerChildren,
  readDerElement,
} from '../encoding/der';
import { embedBase64Marker } from '../marker';
import type { StubRandom } from '../random';
import { defineShape, type StubShape } from '../shape';

const RSA_LABEL = 'RSA PRIVATE KEY';
const EC_LABEL = 'EC PRIVATE KEY';
/** 1.2.840.10045.3.1.7 (prime256v1 / secp256r1). */
const P256_OID = Uint8Array.of(0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07);
const CONTEXT_0 = 0xa0;
const CONTEXT_1 = 0xa1;

/** Sets the top two bits and the low bit, like a full-width prime. */
function makeOddFullWidth(bytes: Uint8Array): Uint8Array {
  bytes[0] = (bytes[0] as number) | 0xc0;
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) | 1;
  return bytes;
}

function generateRsaPem(random: StubRandom): string {
  // One draw, sliced in field order: n 256, d 256, then p, q, dp, dq, qinv 128 each.
  const pool = random.bytes(256 + 256 + 5 * 128);
  const field = (start: number, length: number) => pool.subarray(start, start + length);
  const der = derEncode(
    derSequence([
      derSmallInteger(0),
      derUnsignedInteger(makeOddFullWidth(field(0, 256))), // modulus n
      derSmallInteger(65537), // public exponent e
      derUnsignedInteger(field(256, 256)), // private exponent d
      derUnsignedInteger(makeOddFullWidth(field(512, 128))), // prime p
      derUnsignedInteger(makeOddFullWidth(field(640, 128))), // prime q
      derUnsignedInteger(field(768, 128)), // d mod (p-1)
      derUnsignedInteger(field(896, 128)), // d mod (q-1)
      derUnsignedInteger(field(1024, 128)), // q^-1 mod p
    ]),
  );
  // Modulus content starts at byte 12 (30 82 LL LL | 02 01 00 | 02 82 01 01 00); skip its
  // first byte (keeps the top bit) and mark from the next 3-byte boundary, byte 15: the
  // first base64 line then reads MIIE…AKCAQEA????LATCHSTUBKEY…
  embedBase64Marker(der, 15);
  return pemEncode(RSA_LABEL, der);
}

function generateEcPem(random: StubRandom): string {
  const scalar = random.bytes(32);
  // Below the P-256 group order (0xFFFFFFFF00000000…): a first byte under 0xFF suffices.
  scalar[0] = (scalar[0] as number) % 0xff;
  const der = derEncode(
    derSequence([
      derSmallInteger(1),
      derPrimitive(DER_TAG.octetString, scalar),
      derConstructed(CONTEXT_0, [derPrimitive(DER_TAG.objectIdentifier, P256_OID)]),
    ]),
  );
  // Scalar bytes start at 7 (30 31 | 02 01 01 | 04 20); mark at 9: base64 chars 12-23.
  embedBase64Marker(der, 9);
  return pemEncode(EC_LABEL, der);
}

/** Parses the single top-level SEQUENCE of `der`, which must span every byte. */
function topLevelChildren(der: Uint8Array) {
  const top = readDerElement(der, 0);
  if (top === undefined || top.tag !== DER_TAG.sequence || top.end !== der.length) return undefined;
  return readDerChildren(der, top);
}

export function isWellFormedRsaPem(value: string): boolean {
  const der = pemDecode(value, RSA_LABEL);
  if (der === undefined) return false;
  const fields = topLevelChildren(der);
  if (fields === undefined || fields.length !== 9) return false;
  if (!fields.every((node) => isDerUnsignedInteger(der, node))) return false;
  const version = fields[0];
  return version !== undefined && version.end - version.contentStart === 1 && der[version.contentStart] === 0;
}

function bytesEqual(der: Uint8Array, start: number, end: number, expected: Uint8Array): boolean {
  if (end - start !== expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (der[start + i] !== expected[i]) return false;
  return true;
}

export function isWellFormedEcPem(value: string): boolean {
  const der = pemDecode(value, EC_LABEL);
  if (der === undefined) return false;
  const fields = topLevelChildren(der);
  if (fields === undefined || fields.length < 3 || fields.length > 4) return false;
  const [version, privateKey, parameters, publicKey] = fields;
  if (version === undefined || privateKey === undefined || parameters === undefined) return false;
  if (!isDerUnsignedInteger(der, version) || version.end - version.contentStart !== 1 || der[version.contentStart] !== 1) {
    return false;
  }
  if (privateKey.tag !== DER_TAG.octetString || privateKey.end - privateKey.contentStart !== 32) return false;
  if (parameters.tag !== CONTEXT_0) return false;
  const oid = readDerChildren(der, parameters);
  const curve = oid?.[0];
  if (oid?.length !== 1 || curve === undefined || curve.tag !== DER_TAG.objectIdentifier) return false;
  if (!bytesEqual(der, curve.contentStart, curve.end, P256_OID)) return false;
  return publicKey === undefined || publicKey.tag === CONTEXT_1;
}

export const PEM_KEY_SHAPES: readonly StubShape[] = [
  defineShape({
    id: 'rsa-private-key-pem',
    provider: 'PEM / PKCS#1',
    summary:
      'RSA private key, PKCS#1 DER in PEM armour (-----BEGIN RSA PRIVATE KEY-----, 64-column base64). ' +
      'Structurally a 2048-bit key (9 INTEGERs, version 0, e = 65537); the numbers are random, not a key pair.',
    pattern: armourPattern(RSA_LABEL),
    marker: 'modulus bytes chosen so the first base64 line shows LATCHSTUBKEY.',
    markerPattern: /^-----BEGIN RSA PRIVATE KEY-----\n[A-Za-z0-9+/]{20}LATCHSTUBKEY/,
    checksum: { kind: 'der-structure', isValid: isWellFormedRsaPem },
    generate: generateRsaPem,
  }),
  defineShape({
    id: 'ec-private-key-pem',
    provider: 'PEM / SEC1',
    summary:
      'EC private key, SEC1 DER in PEM armour (-----BEGIN EC PRIVATE KEY-----, 64-column base64): ' +
      'version 1, a 32-byte P-256 scalar, the prime256v1 OID; the optional public key is omitted (loaders derive it).',
    pattern: armourPattern(EC_LABEL),
    marker: 'scalar bytes chosen so the first base64 line shows LATCHSTUBKEY.',
    markerPattern: /^-----BEGIN EC PRIVATE KEY-----\n[A-Za-z0-9+/]{12}LATCHSTUBKEY/,
    checksum: { kind: 'der-structure', isValid: isWellFormedEcPem },
    generate: generateEcPem,
  }),
];
