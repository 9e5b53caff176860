// Sealing a credential to its requester: only the holder of the X25519 private key (the
// requester's broker) can open it; the hub keeps and serves nothing but the sealed box.
//
//   ephemeral X25519 key pair (fresh per box)
//   shared  = X25519(ephemeral private, recipient public)          (all-zero result refused)
//   key     = HKDF-SHA256(ikm = shared, salt = ephemeral public ‖ recipient public,
//                         info = "latch-hub-seal-v1", 32 bytes)
//   box     = ChaCha20-Poly1305(key, random 12-byte nonce, AAD = context, JSON of the values)
//
// `context` (the request id) is authenticated, so a box moved to another request fails to
// open. The salt binds both public keys, so a swapped ephemeral key fails as well. Errors name
// the problem, never a value.

import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import type { SealedBox } from '../service-types';

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

const INFO = 'latch-hub-seal-v1';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

function decodeBase64url(text: unknown, field: string): Buffer {
  if (typeof text !== 'string' || !BASE64URL.test(text)) throw new SealError(`sealed box: ${field} is not base64url`);
  return Buffer.from(text, 'base64url');
}

function rawX25519Public(key: KeyObject): Buffer {
  const x = key.export({ format: 'jwk' }).x;
  if (typeof x !== 'string') throw new SealError('X25519 key: cannot export the public key');
  return Buffer.from(x, 'base64url');
}

/** Checks and imports a base64url raw 32-byte X25519 public key. */
export function importSealingPublicKey(publicKey: string): KeyObject {
  const raw = decodeBase64url(publicKey, 'sealing key');
  if (raw.length !== KEY_BYTES) throw new SealError(`sealing key: expected 32 bytes, got ${raw.length}`);
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
  } catch {
    throw new SealError('sealing key: not a valid X25519 public key');
  }
}

export function generateSealingKeyPair(): { publicKey: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: rawX25519Public(publicKey).toString('base64url'),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

function deriveKey(privateKey: KeyObject, publicKey: KeyObject, ephemeralRaw: Buffer, recipientRaw: Buffer): Buffer {
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey, publicKey });
  } catch {
    // OpenSSL refuses low-order points itself (an all-zero result).
    throw new SealError('sealed box: the key agreement failed (invalid public key)');
  }
  try {
    if (shared.every((byte) => byte === 0)) throw new SealError('sealed box: the key agreement gave an all-zero secret (invalid public key)');
    return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralRaw, recipientRaw]), INFO, KEY_BYTES));
  } finally {
    shared.fill(0);
  }
}

function checkValues(values: unknown): Record<string, string> {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) throw new SealError('sealed box: the content is not a set of named values');
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string') throw new SealError(`sealed box: the value of ${JSON.stringify(name)} is not a string`);
    result[name] = value;
  }
  return result;
}

/** Seals `values` (env var name → value) to the recipient's X25519 key, bound to `context`. */
export function sealValues(recipientPublicKey: string, values: Record<string, string>, context: string): SealedBox {
  const recipient = importSealingPublicKey(recipientPublicKey);
  const recipientRaw = rawX25519Public(recipient);
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = rawX25519Public(ephemeral.publicKey);
  const key = deriveKey(ephemeral.privateKey, recipient, ephemeralRaw, recipientRaw);
  const nonce = randomBytes(NONCE_BYTES);
  const plaintext = Buffer.from(JSON.stringify(checkValues(values)), 'utf8');
  try {
    const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'), { plaintextLength: plaintext.length });
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return { v: 1, ephemeralKey: ephemeralRaw.toString('base64url'), nonce: nonce.toString('base64url'), ciphertext: ciphertext.toString('base64url') };
  } finally {
    key.fill(0);
    plaintext.fill(0);
  }
}

/** Opens a box sealed by sealValues; throws SealError if it was altered, or the key or context differ. */
export function openSealedValues(privateKeyPem: string, box: SealedBox, context: string): Record<string, string> {
  if (typeof box !== 'object' || box === null || box.v !== 1) throw new SealError('sealed box: unknown format (expected v 1)');
  const ephemeralRaw = decodeBase64url(box.ephemeralKey, 'ephemeralKey');
  const nonce = decodeBase64url(box.nonce, 'nonce');
  const sealed = decodeBase64url(box.ciphertext, 'ciphertext');
  if (nonce.length !== NONCE_BYTES) throw new SealError(`sealed box: nonce must be ${NONCE_BYTES} bytes`);
  if (sealed.length < TAG_BYTES) throw new SealError('sealed box: ciphertext is too short');

  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(privateKeyPem);
  } catch {
    throw new SealError('sealing private key: not a valid PEM private key');
  }
  if (privateKey.asymmetricKeyType !== 'x25519') throw new SealError('sealing private key: not an X25519 key');
  const ephemeral = importSealingPublicKey(box.ephemeralKey);
  const recipientRaw = rawX25519Public(createPublicKey(privateKey));
  const key = deriveKey(privateKey, ephemeral, ephemeralRaw, recipientRaw);

  const ciphertext = sealed.subarray(0, sealed.length - TAG_BYTES);
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'), { plaintextLength: ciphertext.length });
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new SealError('sealed box: authentication failed (altered, sealed to another key, or for another request)');
  } finally {
    key.fill(0);
  }
  try {
    let parsed: unknown;
    try {
      parsed = JSON.parse(plaintext.toString('utf8'));
    } catch {
      throw new SealError('sealed box: the content is not JSON');
    }
    return checkValues(parsed);
  } finally {
    plaintext.fill(0);
  }
}
