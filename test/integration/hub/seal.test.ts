import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSealingKeyPair, openSealedValues, SealError, sealValues } from '../../../electron/hub/crypto/seal';
import type { SealedBox } from '../../../electron/hub/service-types';

const VALUES = { DATABASE_URL: 'postgresql://latch_x:s3cr3t-p4ss@db:5432/app', EXTRA: 'é ✓ \n "quoted"' };

function flipByte(text: string, index: number): string {
  const bytes = Buffer.from(text, 'base64url');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
}

function openError(open: () => unknown): SealError {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(SealError);
    return error as SealError;
  }
  throw new Error('expected the box not to open');
}

describe('sealed credentials (X25519 + HKDF-SHA256 + ChaCha20-Poly1305)', () => {
  it('generates raw 32-byte public keys and PKCS#8 private keys', () => {
    const pair = generateSealingKeyPair();
    expect(Buffer.from(pair.publicKey, 'base64url')).toHaveLength(32);
    expect(pair.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createPrivateKey(pair.privateKeyPem).asymmetricKeyType).toBe('x25519');
  });

  it('round-trips the values for the recipient, and hides them in the box', () => {
    const pair = generateSealingKeyPair();
    const box = sealValues(pair.publicKey, VALUES, 'request-1');
    expect(box.v).toBe(1);
    expect(Buffer.from(box.nonce, 'base64url')).toHaveLength(12);
    expect(Buffer.from(box.ephemeralKey, 'base64url')).toHaveLength(32);
    expect(JSON.stringify(box)).not.toContain('s3cr3t');
    expect(openSealedValues(pair.privateKeyPem, box, 'request-1')).toEqual(VALUES);
  });

  it('uses a fresh ephemeral key and nonce every time', () => {
    const pair = generateSealingKeyPair();
    const a = sealValues(pair.publicKey, VALUES, 'r');
    const b = sealValues(pair.publicKey, VALUES, 'r');
    expect(a.ephemeralKey).not.toBe(b.ephemeralKey);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('refuses an altered ciphertext, tag, nonce or ephemeral key', () => {
    const pair = generateSealingKeyPair();
    const box = sealValues(pair.publicKey, VALUES, 'request-1');
    const lastByte = Buffer.from(box.ciphertext, 'base64url').length - 1;
    const altered: SealedBox[] = [
      { ...box, ciphertext: flipByte(box.ciphertext, 0) },
      { ...box, ciphertext: flipByte(box.ciphertext, lastByte) },
      { ...box, nonce: flipByte(box.nonce, 3) },
      { ...box, ephemeralKey: flipByte(box.ephemeralKey, 5) },
      { ...box, ephemeralKey: generateSealingKeyPair().publicKey },
      { ...box, ciphertext: Buffer.from(box.ciphertext, 'base64url').subarray(0, lastByte).toString('base64url') },
    ];
    for (const tampered of altered) {
      const error = openError(() => openSealedValues(pair.privateKeyPem, tampered, 'request-1'));
      expect(error.message).toMatch(/authentication failed|invalid public key/);
      expect(error.message).not.toContain('s3cr3t');
    }
  });

  it('refuses another request id (context) and another key', () => {
    const pair = generateSealingKeyPair();
    const box = sealValues(pair.publicKey, VALUES, 'request-1');
    expect(openError(() => openSealedValues(pair.privateKeyPem, box, 'request-2')).message).toMatch(/authentication failed/);
    expect(openError(() => openSealedValues(generateSealingKeyPair().privateKeyPem, box, 'request-1')).message).toMatch(/authentication failed/);
  });

  it('explains malformed input without quoting it', () => {
    const pair = generateSealingKeyPair();
    const box = sealValues(pair.publicKey, VALUES, 'c');
    expect(openError(() => openSealedValues(pair.privateKeyPem, { ...box, v: 2 as 1 }, 'c')).message).toMatch(/unknown format/);
    expect(openError(() => openSealedValues(pair.privateKeyPem, { ...box, nonce: 'AAAA' }, 'c')).message).toMatch(/nonce must be 12 bytes/);
    expect(openError(() => openSealedValues(pair.privateKeyPem, { ...box, ciphertext: 'not base64!' }, 'c')).message).toMatch(/not base64url/);
    const ed25519 = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(openError(() => openSealedValues(ed25519, box, 'c')).message).toMatch(/not an X25519 key/);
    expect(openError(() => openSealedValues('garbage', box, 'c')).message).toMatch(/not a valid PEM/);
    expect(() => sealValues('short', VALUES, 'c')).toThrow(/expected 32 bytes/);
    // An all-zero (low-order) recipient key gives an all-zero shared secret: refused.
    expect(() => sealValues(Buffer.alloc(32).toString('base64url'), VALUES, 'c')).toThrow(SealError);
  });
});
