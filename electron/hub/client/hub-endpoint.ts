// Where a hub is and how to trust it: its origin, and for https the pinned CA certificate.
// Plain http is accepted only for loopback hubs (tests, benchmarks, a local TLS proxy).

import { HubError } from '../service-types';

export interface HubEndpoint {
  /** The hub's origin, e.g. https://hub.example.com:8443 (no path). */
  origin: string;
  secure: boolean;
  /** PEM of the hub CA; the only certificate authority trusted for this hub. */
  caCertPem?: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function hubEndpoint(url: string, caCertPem: string | undefined): HubEndpoint {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError('HubClient: url must be an absolute https:// URL');
  }
  if (parsed.pathname !== '/' || parsed.search !== '' || parsed.hash !== '') throw new TypeError('HubClient: url must be the hub’s origin, without a path');
  if (parsed.protocol === 'https:') {
    if (!caCertPem) throw new TypeError('HubClient: caCertPem (the hub CA to pin) is required for https');
    return { origin: parsed.origin, secure: true, caCertPem };
  }
  if (parsed.protocol === 'http:') {
    if (!LOOPBACK.has(parsed.hostname)) throw new TypeError('HubClient: plain http is allowed only for a hub on this machine (loopback); use https');
    return { origin: parsed.origin, secure: false, ...(caCertPem ? { caCertPem } : {}) };
  }
  throw new TypeError('HubClient: url must start with https://');
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_|SIGNATURE_FAILURE|ALTNAME|ERR_SSL|ERR_TLS/;

/** A failure with no answer from the hub, as a HubError (status 0). Never includes a secret. */
export function transportError(error: unknown, origin: string): HubError {
  if (error instanceof HubError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const codeText = typeof code === 'string' ? code : error instanceof Error ? error.name : 'error';
  if (TLS_CODES.test(codeText)) {
    return new HubError('UNTRUSTED_HUB', `the hub at ${origin} presented a certificate that does not chain to the pinned hub CA or does not name this host (${codeText}); not sending anything`, 0);
  }
  return new HubError('UNREACHABLE', `cannot reach the hub at ${origin} (${codeText})`, 0);
}
