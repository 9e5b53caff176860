// The stub marker: how a Latch stub says "I am fake" inside a well-formed value.
//
//   LATCHSTUB / latchstub   letter charsets: the random body begins with it
//   528247882               digit/hex-only charsets: "LATCHSTUB" typed on a phone keypad
//   52824788-2…             UUID-shaped values (the keypad marker across the first dash)
//   LATCHSTU8               bech32 (age keys): the charset has no 'b', '8' stands in
//   LATCHSTUBKEY            binary formats shown as base64 (PEM, OpenSSH, macaroons): the
//                           bytes at a 3-byte-aligned offset are chosen so the base64
//                           text shows these 12 characters
//   latch_stub / *.latchstub.invalid   user names and hosts in URLs (RFC 6761 .invalid
//                           never resolves)
//   eyJpc3MiOiJsYXRjaC1zdHVi  JWTs: the claims segment begins {"iss":"latch-stub"

import { asciiBytes, fromBase64, toBase64Url } from './encoding/bytes';

export const STUB_MARKER = 'LATCHSTUB';
export const STUB_MARKER_LOWER = 'latchstub';
export const STUB_MARKER_DIGITS = '528247882';
export const STUB_MARKER_BECH32 = 'LATCHSTU8';
export const STUB_MARKER_BASE64_BLOCK = 'LATCHSTUBKEY';
export const STUB_USER = 'latch_stub';
export const STUB_HOST_DOMAIN = 'latchstub.invalid';

/** Stub JWT claims start with this; its base64url is fixed because the segment starts aligned. */
export const STUB_JWT_CLAIMS_START = '{"iss":"latch-stub"';
/** base64url of STUB_JWT_CLAIMS_START's first 18 bytes: what a stub JWT's claims segment begins with. */
export const STUB_JWT_CLAIMS_MARKER = toBase64Url(asciiBytes(STUB_JWT_CLAIMS_START.slice(0, 18)));

const MARKER_BLOCK_BYTES = fromBase64(STUB_MARKER_BASE64_BLOCK) as Uint8Array;

/**
 * Overwrites 9 bytes of `target` at `offset` so that, when `target` is base64-encoded
 * from its start, the text shows STUB_MARKER_BASE64_BLOCK. `offset` must be a
 * multiple of 3 (a base64 quantum boundary).
 */
export function embedBase64Marker(target: Uint8Array, offset: number): void {
  if (offset % 3 !== 0) throw new RangeError(`base64 marker offset must be a multiple of 3, got ${offset}`);
  if (offset + MARKER_BLOCK_BYTES.length > target.length) throw new RangeError('base64 marker does not fit');
  target.set(MARKER_BLOCK_BYTES, offset);
}

const ANY_MARKER = /latch[_-]?stub|latchstu8|528247882|52824788-2/i;

/**
 * True when `value` carries a Latch stub marker. Used by the scanner so issued stubs
 * are not reported as leaks. (The broker also knows every stub it issued exactly; this
 * is the cheap, stateless check.)
 */
export function isStubValue(value: string): boolean {
  return ANY_MARKER.test(value) || value.includes(STUB_JWT_CLAIMS_MARKER);
}
