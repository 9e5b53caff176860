// Raw calls to a hub for tests that must send what HubClient never would: forged signatures,
// replayed nonces, stale timestamps, oversized bodies, unsigned WebSocket upgrades.

import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { expect } from 'vitest';
import WebSocket from 'ws';
import { sha256Hex, signRequest } from '../../electron/hub/crypto/signing';
import { HubError } from '../../electron/hub/service-types';

export interface RawKey {
  privateKeyPem: string;
  publicKey: string;
}

export interface RawAnswer {
  status: number;
  body: unknown;
}

export function freshNonce(): string {
  return randomBytes(18).toString('base64url');
}

export function signed(key: RawKey, method: string, path: string, body: Buffer, over: { timestampMs?: number; nonce?: string } = {}): Record<string, string> {
  const proof = signRequest(key.privateKeyPem, { method, path, timestampMs: over.timestampMs ?? Date.now(), nonce: over.nonce ?? freshNonce(), bodySha256: sha256Hex(body) });
  return { 'Latch-Key': proof.keyId, 'Latch-Timestamp': String(proof.timestampMs), 'Latch-Nonce': proof.nonce, 'Latch-Signature': proof.signature };
}

export function rawCall(base: string, ca: string | undefined, method: string, path: string, headers: Record<string, string>, body: Buffer = Buffer.alloc(0)): Promise<RawAnswer> {
  const url = new URL(path, base);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method, headers: { ...(body.length > 0 ? { 'Content-Type': 'application/json' } : {}), ...headers }, ...(ca ? { ca } : {}), agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A signed (or not) call with a JSON body: what a client sends, for tests that then tamper. */
export function signedCall(base: string, ca: string | undefined, key: RawKey, method: string, path: string, json?: unknown, over: { timestampMs?: number; nonce?: string } = {}): Promise<RawAnswer> {
  const body = json === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(json));
  return rawCall(base, ca, method, path, signed(key, method, path, body, over), body);
}

export function errorCode(answer: RawAnswer): string | undefined {
  return (answer.body as { error?: { code?: string } } | undefined)?.error?.code;
}

/** Try a WebSocket upgrade; resolves with the refusal's status and code, or 101 when it opened. */
export function tryUpgrade(base: string, ca: string | undefined, headers: Record<string, string>): Promise<{ status: number; code?: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(base.replace(/^http/, 'ws') + '/v1/events', { headers, ...(ca ? { ca } : {}) });
    ws.on('open', () => {
      ws.close();
      resolve({ status: 101 });
    });
    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        let code: string | undefined;
        try {
          code = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: { code?: string } }).error?.code;
        } catch {
          code = undefined;
        }
        resolve({ status: res.statusCode ?? 0, ...(code ? { code } : {}) });
      });
    });
    ws.on('error', (error) => reject(error));
  });
}

/** The HubError a client call was refused with (fails the test if it succeeded or threw anything else). */
export async function refusal(promise: Promise<unknown>): Promise<HubError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HubError);
  return error as HubError;
}
