// Invite strings: `lh1_` + base64url(JSON {u: hub URL, c: one-time code, f: CA SHA-256 hex}).
// One string to paste; the fingerprint lets `join` pin the hub's CA before sending anything.

import { HubError } from '../service-types';

export const INVITE_PREFIX = 'lh1_';

export interface Invite {
  /** The hub's base URL, e.g. https://hub.example.com:8443 */
  url: string;
  /** The one-time invite code. */
  code: string;
  /** SHA-256 of the hub CA certificate (DER), lowercase hex. */
  caFingerprint: string;
}

export function encodeInvite(invite: Invite): string {
  return INVITE_PREFIX + Buffer.from(JSON.stringify({ u: invite.url, c: invite.code, f: invite.caFingerprint }), 'utf8').toString('base64url');
}

const invalid = (message: string): HubError => new HubError('INVALID_INVITE', message, 0);

/** Throws INVALID_INVITE with what is wrong (never quoting the code). */
export function decodeInvite(text: string): Invite {
  const trimmed = text.trim();
  if (!trimmed.startsWith(INVITE_PREFIX)) throw invalid(`not a Latch hub invite (it starts with "${INVITE_PREFIX}")`);
  const payload = trimmed.slice(INVITE_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) throw invalid('the invite is damaged (not base64url): copy it whole');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid('the invite is damaged (not JSON inside): copy it whole');
  }
  const { u, c, f } = (parsed ?? {}) as { u?: unknown; c?: unknown; f?: unknown };
  if (typeof u !== 'string' || typeof c !== 'string' || c === '' || typeof f !== 'string') throw invalid('the invite is incomplete (url, code and CA fingerprint needed)');
  let url: URL;
  try {
    url = new URL(u);
  } catch {
    throw invalid('the invite names no valid hub URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('the invite’s hub URL must be https://');
  if (!/^[0-9a-f]{64}$/.test(f)) throw invalid('the invite’s CA fingerprint is not a SHA-256 hex digest');
  return { url: url.origin, code: c, caFingerprint: f };
}
