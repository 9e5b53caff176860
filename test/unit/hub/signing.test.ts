import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalRequest,
  EMPTY_BODY_SHA256,
  generateSigningKeyPair,
  isSigningPublicKey,
  keyIdOf,
  sha256Hex,
  signRequest,
  verifyProof,
  type SignedParts,
} from '../../../electron/hub/crypto/signing';
import type { RequestProof } from '../../../electron/hub/service-types';

const parts: SignedParts = { method: 'post', path: '/v1/requests?x=1', timestampMs: 1_700_000_000_000, nonce: 'AAAAAAAAAAAAAAAAAAAAAAAA', bodySha256: sha256Hex('{"a":1}') };

describe('hub request signing', () => {
  it('makes raw 32-byte base64url public keys and PKCS#8 PEM private keys', () => {
    const pair = generateSigningKeyPair();
    expect(pair.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(pair.publicKey, 'base64url')).toHaveLength(32);
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(isSigningPublicKey(pair.publicKey)).toBe(true);
  });

  it('derives the key id as base64url(SHA-256(raw key)) cut to 22 characters', () => {
    const pair = generateSigningKeyPair();
    const expected = createHash('sha256').update(Buffer.from(pair.publicKey, 'base64url')).digest('base64url').slice(0, 22);
    expect(keyIdOf(pair.publicKey)).toBe(expected);
    expect(keyIdOf(pair.publicKey)).toHaveLength(22);
  });

  it('builds the canonical string exactly', () => {
    expect(canonicalRequest(parts)).toBe(`latch-hub-v1\nPOST\n/v1/requests?x=1\n1700000000000\nAAAAAAAAAAAAAAAAAAAAAAAA\n${sha256Hex('{"a":1}')}`);
    expect(sha256Hex('')).toBe(EMPTY_BODY_SHA256);
  });

  it('signs and verifies; the proof carries the key id and every signed part', () => {
    const pair = generateSigningKeyPair();
    const proof = signRequest(pair.privateKeyPem, parts);
    expect(proof).toMatchObject({ keyId: keyIdOf(pair.publicKey), method: 'POST', path: parts.path, timestampMs: parts.timestampMs, nonce: parts.nonce, bodySha256: parts.bodySha256 });
    expect(Buffer.from(proof.signature, 'base64url')).toHaveLength(64);
    expect(verifyProof(proof, pair.publicKey)).toBe(true);
  });

  it('is an ordinary Ed25519 signature over the canonical string (interoperable)', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'jwk' }).x as string;
    const signature = sign(null, Buffer.from(canonicalRequest(parts)), privateKey).toString('base64url');
    const proof: RequestProof = { ...parts, method: 'POST', keyId: keyIdOf(raw), signature };
    expect(verifyProof(proof, raw)).toBe(true);
  });

  it('refuses any change to a signed part, another key, or another key id', () => {
    const pair = generateSigningKeyPair();
    const other = generateSigningKeyPair();
    const proof = signRequest(pair.privateKeyPem, parts);
    const changed: Partial<RequestProof>[] = [
      { method: 'GET' },
      { path: '/v1/requests?x=2' },
      { timestampMs: parts.timestampMs + 1 },
      { nonce: 'BAAAAAAAAAAAAAAAAAAAAAAA' },
      { bodySha256: sha256Hex('{"a":2}') },
    ];
    for (const change of changed) expect(verifyProof({ ...proof, ...change }, pair.publicKey)).toBe(false);
    expect(verifyProof(proof, other.publicKey)).toBe(false);
    expect(verifyProof({ ...proof, keyId: keyIdOf(other.publicKey) }, pair.publicKey)).toBe(false);
  });

  it('never throws on garbage: returns false', () => {
    const pair = generateSigningKeyPair();
    const proof = signRequest(pair.privateKeyPem, parts);
    const garbage: unknown[] = [
      { ...proof, signature: '' },
      { ...proof, signature: '!!!' },
      { ...proof, signature: proof.signature.slice(0, 40) },
      { ...proof, signature: null },
      { ...proof, timestampMs: Number.NaN },
      { ...proof, path: 42 },
      {},
      null,
    ];
    for (const item of garbage) expect(verifyProof(item as RequestProof, pair.publicKey)).toBe(false);
    for (const key of ['', 'x', 'A'.repeat(43) + '=', 'A'.repeat(44), '%%%', Buffer.alloc(31).toString('base64url')]) {
      expect(verifyProof(proof, key)).toBe(false);
      expect(isSigningPublicKey(key)).toBe(false);
    }
    expect(verifyProof(proof, null as unknown as string)).toBe(false);
  });

  it('refuses a private key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => signRequest(rsa, parts)).toThrow(/Ed25519/);
  });

  it('verifies fast enough for the hub hot path (cached key objects)', () => {
    const pair = generateSigningKeyPair();
    const proofs = Array.from({ length: 500 }, (_, i) => signRequest(pair.privateKeyPem, { ...parts, nonce: `nonce-${String(i).padStart(12, '0')}` }));
    const started = performance.now();
    for (const proof of proofs) expect(verifyProof(proof, pair.publicKey)).toBe(true);
    const perVerifyMs = (performance.now() - started) / proofs.length;
    expect(perVerifyMs).toBeLessThan(1);
  });
});
