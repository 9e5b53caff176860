// Ed25519 request signing for the team hub. A member's broker signs every call
// (canonicalRequest below); the hub verifies it with the member's recorded public key.
// Keys travel as base64url of the raw 32-byte key; signatures as base64url of 64 bytes.
// Verification is the hub's hot path: KeyObjects are built once per key and cached.

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { RequestProof } from '../service-types';

/** What a signature covers besides the key id. */
export interface SignedParts {
  method: string;
  /** Path and query exactly as sent, e.g. "/v1/requests?scope=mine". */
  path: string;
  timestampMs: number;
  nonce: string;
  /** hex SHA-256 of the body bytes (of the empty string when there is none). */
  bodySha256: string;
}

export const SIGNING_VERSION = 'latch-hub-v1';
/** hex SHA-256 of zero bytes: the bodySha256 of a call without a body. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const CACHE_LIMIT = 50_000;

export function generateSigningKeyPair(): { publicKey: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: rawPublicKey(publicKey), privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
}

/** base64url(SHA-256(raw public key)), first 22 characters (132 bits): sent as Latch-Key. */
export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('base64url').slice(0, 22);
}

export function canonicalRequest(parts: SignedParts): string {
  return `${SIGNING_VERSION}\n${parts.method.toUpperCase()}\n${parts.path}\n${parts.timestampMs}\n${parts.nonce}\n${parts.bodySha256}`;
}

export function sha256Hex(body: Uint8Array | string): string {
  return createHash('sha256').update(body).digest('hex');
}

interface PrivateEntry {
  key: KeyObject;
  keyId: string;
}
const privateKeys = new Map<string, PrivateEntry>();

function privateEntry(privateKeyPem: string): PrivateEntry {
  let entry = privateKeys.get(privateKeyPem);
  if (!entry) {
    const key = createPrivateKey(privateKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') throw new TypeError('the signing key is not an Ed25519 private key');
    entry = { key, keyId: keyIdOf(rawPublicKey(createPublicKey(key))) };
    remember(privateKeys, privateKeyPem, entry);
  }
  return entry;
}

/** Sign one call. Throws only when the private key is not an Ed25519 PEM. */
export function signRequest(privateKeyPem: string, parts: SignedParts): RequestProof {
  const { key, keyId } = privateEntry(privateKeyPem);
  const signature = sign(null, Buffer.from(canonicalRequest(parts), 'utf8'), key).toString('base64url');
  return { keyId, method: parts.method.toUpperCase(), path: parts.path, timestampMs: parts.timestampMs, nonce: parts.nonce, bodySha256: parts.bodySha256, signature };
}

interface PublicEntry {
  key: KeyObject;
  keyId: string;
}
const publicKeys = new Map<string, PublicEntry>();

function publicEntry(publicKey: string): PublicEntry | null {
  const cached = publicKeys.get(publicKey);
  if (cached) return cached;
  let entry: PublicEntry | null = null;
  if (typeof publicKey === 'string' && BASE64URL.test(publicKey)) {
    const raw = Buffer.from(publicKey, 'base64url');
    if (raw.length === 32 && raw.toString('base64url') === publicKey) {
      try {
        entry = { key: createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' }), keyId: keyIdOf(publicKey) };
      } catch {
        entry = null;
      }
    }
  }
  // Only good keys are cached: garbage sent to /v1/join must not evict members' keys.
  if (entry) remember(publicKeys, publicKey, entry);
  return entry;
}

/** True when `proof` is a valid signature by `publicKey` (and names its key id). Never throws. */
export function verifyProof(proof: RequestProof, publicKey: string): boolean {
  try {
    const entry = publicEntry(publicKey);
    if (!entry || proof.keyId !== entry.keyId) return false;
    if (typeof proof.signature !== 'string' || !BASE64URL.test(proof.signature)) return false;
    const signature = Buffer.from(proof.signature, 'base64url');
    if (signature.length !== 64) return false;
    if (typeof proof.method !== 'string' || typeof proof.path !== 'string' || typeof proof.nonce !== 'string') return false;
    if (!Number.isSafeInteger(proof.timestampMs) || typeof proof.bodySha256 !== 'string') return false;
    return verify(null, Buffer.from(canonicalRequest(proof), 'utf8'), entry.key, signature);
  } catch {
    return false;
  }
}

/** True when `publicKey` is a well-formed base64url raw Ed25519 public key. */
export function isSigningPublicKey(publicKey: string): boolean {
  return publicEntry(publicKey) !== null;
}

function rawPublicKey(key: KeyObject): string {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32).toString('base64url');
}

/** Bounded cache: drop the oldest entry (Map keeps insertion order) once full. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= CACHE_LIMIT) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}
