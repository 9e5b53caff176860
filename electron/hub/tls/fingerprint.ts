// The SHA-256 fingerprint of a certificate, as invites carry it: lowercase hex of the DER bytes.

import { X509Certificate } from 'node:crypto';

/** Throws when `pem` holds no certificate. Only the first certificate counts. */
export function certificateFingerprint(pem: string): string {
  return new X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase();
}
