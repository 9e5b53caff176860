// The four headers every signed call carries, read and checked for shape (not yet verified).

import type { IncomingHttpHeaders } from 'node:http';
import { HubError } from '../service-types';
import { unauthenticated } from './respond';

export const HEADER_KEY = 'latch-key';
export const HEADER_TIMESTAMP = 'latch-timestamp';
export const HEADER_NONCE = 'latch-nonce';
export const HEADER_SIGNATURE = 'latch-signature';

/** A call's timestamp may be this far from the hub's clock, either way. */
export const TIMESTAMP_WINDOW_MS = 60_000;

const KEY_ID = /^[A-Za-z0-9_-]{22}$/;
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;
const TIMESTAMP = /^\d{1,16}$/;

export interface SignedHeaders {
  keyId: string;
  timestampMs: number;
  nonce: string;
  signature: string;
}

function single(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

/** Throws UNAUTHENTICATED (missing/malformed) or STALE_TIMESTAMP; never echoes header values. */
export function readSignedHeaders(headers: IncomingHttpHeaders, nowMs: number): SignedHeaders {
  const keyId = single(headers, HEADER_KEY);
  const timestamp = single(headers, HEADER_TIMESTAMP);
  const nonce = single(headers, HEADER_NONCE);
  const signature = single(headers, HEADER_SIGNATURE);
  const missing = [
    [keyId, 'Latch-Key'],
    [timestamp, 'Latch-Timestamp'],
    [nonce, 'Latch-Nonce'],
    [signature, 'Latch-Signature'],
  ]
    .filter(([value]) => value === undefined || value === '')
    .map(([, name]) => name);
  if (missing.length > 0) throw unauthenticated(`unsigned call: missing ${missing.join(', ')} (every call but /v1/health must be signed)`);
  if (!KEY_ID.test(keyId as string)) throw unauthenticated('Latch-Key must be a 22-character key id (base64url)');
  if (!TIMESTAMP.test(timestamp as string)) throw unauthenticated('Latch-Timestamp must be unix time in milliseconds');
  if (!NONCE.test(nonce as string)) throw unauthenticated('Latch-Nonce must be 16 to 64 base64url characters');
  if (!SIGNATURE.test(signature as string)) throw new HubError('BAD_SIGNATURE', 'Latch-Signature must be a base64url Ed25519 signature', 401);
  const timestampMs = Number(timestamp);
  if (Math.abs(nowMs - timestampMs) > TIMESTAMP_WINDOW_MS) {
    throw new HubError('STALE_TIMESTAMP', `Latch-Timestamp is more than ${TIMESTAMP_WINDOW_MS / 1000} s from the hub's clock (check this machine's time)`, 401);
  }
  return { keyId: keyId as string, timestampMs, nonce: nonce as string, signature: signature as string };
}
