// Stable finding fingerprints. The default is FNV-1a 64-bit (non-cryptographic, pure JS) over
// the UTF-8 of fingerprintInput(); the broker can hash the same input with a keyed HMAC instead
// (createScanner({ fingerprint })) so that weak secrets cannot be recovered from stored ids.

const encoder = new TextEncoder();

/** FNV-1a 64-bit over the UTF-8 bytes of `text`, as 16 hex digits (two 32-bit halves, no BigInt). */
export function fnv1a64Hex(text: string): string {
  // offset basis 0xcbf29ce484222325, prime 0x100000001b3 = 2^40 + 0x1b3
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (const byte of encoder.encode(text)) {
    lo ^= byte;
    const loProduct = (lo >>> 0) * 0x1b3;
    const carry = Math.floor(loProduct / 0x100000000);
    hi = (Math.imul(hi, 0x1b3) + Math.imul(lo, 0x100) + carry) >>> 0;
    lo = loProduct >>> 0;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** The canonical string a fingerprint is computed from: rule id, path and value, NUL-separated. */
export function fingerprintInput(ruleId: string, path: string | undefined, secret: string): string {
  return `${ruleId}\u0000${path ?? ''}\u0000${secret}`;
}

export type FingerprintFunction = (input: string) => string;

export function defaultFingerprint(ruleId: string, path: string | undefined, secret: string): string {
  return fnv1a64Hex(fingerprintInput(ruleId, path, secret));
}
