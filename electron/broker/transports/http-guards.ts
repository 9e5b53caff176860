import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * DNS-rebinding defence: the Host header must name a loopback address (with our port).
 * A page on evil.example that rebinds its name to 127.0.0.1 still sends Host: evil.example.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  if (!match) return false;
  const name = match[1] as string;
  const hostPort = match[2] === undefined ? 80 : Number(match[2]);
  return LOOPBACK_NAMES.has(name) && hostPort === port;
}

/** The WebSocket's Origin must be this very server (same scheme, host and port). */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined || host === undefined) return false;
  return origin.toLowerCase() === `http://${host.toLowerCase()}`;
}

export function readCookie(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time membership test (hashing first makes lengths equal). */
export function matchesAny(candidate: string | undefined, secrets: Iterable<string>): string | null {
  if (candidate === undefined || candidate === '') return null;
  const want = digest(candidate);
  let found: string | null = null;
  for (const secret of secrets) {
    if (timingSafeEqual(want, digest(secret))) found = secret;
  }
  return found;
}
