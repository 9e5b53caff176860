// Signed JSON calls to a hub over one keep-alive agent. Every call gets a fresh nonce and the
// current time; the body bytes signed are the bytes sent.

import { randomBytes } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { sha256Hex, signRequest } from '../crypto/signing';
import { HubError, type HubErrorCode } from '../service-types';
import { transportError, type HubEndpoint } from './hub-endpoint';

export interface SigningKey {
  privateKeyPem: string;
  /** base64url raw Ed25519 public key. */
  publicKey: string;
}

const TIMEOUT_MS = 30_000;
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

/** The four Latch-* headers for one call. */
export function signedHeaders(signingKey: SigningKey, method: string, path: string, body: Buffer): Record<string, string> {
  const proof = signRequest(signingKey.privateKeyPem, { method, path, timestampMs: Date.now(), nonce: newNonce(), bodySha256: sha256Hex(body) });
  return { 'Latch-Key': proof.keyId, 'Latch-Timestamp': String(proof.timestampMs), 'Latch-Nonce': proof.nonce, 'Latch-Signature': proof.signature };
}

class StaleSocketError extends Error {}

export class SignedHttp {
  private readonly agent: HttpAgent;

  constructor(
    readonly endpoint: HubEndpoint,
    private readonly signingKey: SigningKey | null,
    options: { maxSockets?: number; rejectUnauthorized?: boolean } = {},
  ) {
    // Idle sockets are dropped after 30 s, well before the hub's 65 s keep-alive timeout.
    const common = { keepAlive: true, maxSockets: options.maxSockets ?? 16, keepAliveMsecs: 30_000, timeout: TIMEOUT_MS };
    this.agent = endpoint.secure
      ? new HttpsAgent({
          ...common,
          ...(endpoint.caCertPem ? { ca: endpoint.caCertPem } : {}),
          rejectUnauthorized: options.rejectUnauthorized ?? true,
          minVersion: 'TLSv1.2',
        })
      : new HttpAgent(common);
  }

  /** A signed call (or an unsigned one when this has no key); resolves with the parsed 2xx JSON. */
  async call<T>(method: 'GET' | 'POST', path: string, body?: unknown, signWith: SigningKey | null = this.signingKey): Promise<T> {
    const { status, text, contentType } = await this.send(method, path, body, signWith);
    let parsed: unknown;
    try {
      parsed = /json/i.test(contentType) && text !== '' ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (status >= 200 && status < 300) {
      if (parsed === undefined) throw new HubError('INTERNAL', `the hub answered HTTP ${status} without JSON`, status);
      return parsed as T;
    }
    const error = (parsed as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    if (error && typeof error.code === 'string' && typeof error.message === 'string') throw new HubError(error.code as HubErrorCode, error.message, status);
    throw new HubError('INTERNAL', `the hub answered HTTP ${status}`, status);
  }

  /** An unsigned GET returning text (e.g. /v1/ca.pem). */
  async getText(path: string): Promise<string> {
    const { status, text } = await this.send('GET', path, undefined, null);
    if (status !== 200) throw new HubError('INTERNAL', `the hub answered HTTP ${status} for ${path}`, status);
    return text;
  }

  private async send(method: string, path: string, body: unknown, signWith: SigningKey | null): Promise<{ status: number; text: string; contentType: string }> {
    try {
      return await this.sendOnce(method, path, body, signWith);
    } catch (error) {
      // The hub closed a kept-alive connection just as it was reused: the call never reached
      // it. Once more on a fresh connection, freshly signed (a new nonce).
      if (error instanceof StaleSocketError) return this.sendOnce(method, path, body, signWith);
      throw error;
    }
  }

  private sendOnce(method: string, path: string, body: unknown, signWith: SigningKey | null): Promise<{ status: number; text: string; contentType: string }> {
    const bytes = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body), 'utf8');
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (bytes.length > 0) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(bytes.length);
    }
    if (signWith) Object.assign(headers, signedHeaders(signWith, method, path, bytes));
    const url = new URL(path, this.endpoint.origin);
    const request = this.endpoint.secure ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(url, { method, headers, agent: this.agent, timeout: TIMEOUT_MS }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            req.destroy(new HubError('INTERNAL', 'the hub’s answer is too large', res.statusCode ?? 0));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), contentType: String(res.headers['content-type'] ?? '') }));
        res.on('error', (error) => reject(transportError(error, this.endpoint.origin)));
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
      req.on('error', (error) => {
        const code = (error as { code?: unknown }).code;
        reject(req.reusedSocket && code === 'ECONNRESET' ? new StaleSocketError() : transportError(error, this.endpoint.origin));
      });
      req.end(bytes);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
