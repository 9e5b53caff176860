// Turns the injected values into the byte patterns the masker looks for: each value's
// UTF-8 bytes plus the encoded forms enabled in the options, deduplicated.

import { base64Encode, embeddedBase64Forms, toUrlSafeBase64, uriComponentEncode, withoutBase64Padding } from './encodings';
import type { MaskedSecret, MaskerOptions } from './types';

export const DEFAULT_MIN_VALUE_BYTES = 4;

/** Embedded base64 forms shorter than this are dropped: they would match random base64. */
export const MIN_EMBEDDED_BASE64_CHARS = 8;

const ESC = 0x1b;

export interface MaskPattern {
  readonly bytes: Uint8Array;
  /** Index of the secret (in the caller's list) this pattern conceals. */
  readonly secretIndex: number;
}

export interface PatternSet {
  readonly patterns: readonly MaskPattern[];
  /** True if some pattern contains an ESC byte (then escapes cannot be skipped over). */
  readonly containsEscape: boolean;
  readonly longestPattern: number;
}

const utf8 = new TextEncoder();

/** `value` rounded down and raised to `min`; `fallback` if it is not a finite number. */
export function wholeNumberAtLeast(min: number, value: number | undefined, fallback: number): number {
  return Math.max(min, Math.floor(value !== undefined && Number.isFinite(value) ? value : fallback));
}

function keyOf(bytes: Uint8Array): string {
  let key = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    // apply takes the typed array as it is (a spread would first copy it into an array).
    key += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  }
  return key;
}

function formsOf(raw: Uint8Array, options: MaskerOptions | undefined, minBytes: number): Uint8Array[] {
  const forms = options?.forms;
  const out: Uint8Array[] = [raw];
  if (forms?.uriComponent !== false) out.push(uriComponentEncode(raw));
  // Each encoded once in the standard alphabet; the url-safe forms differ in two characters.
  if (forms?.base64 !== false) {
    const padded = base64Encode(raw, 'standard', true);
    const urlSafe = toUrlSafeBase64(padded);
    out.push(padded, withoutBase64Padding(padded), urlSafe, withoutBase64Padding(urlSafe));
  }
  if (forms?.base64Embedded !== false) {
    const minChars = Math.max(minBytes, MIN_EMBEDDED_BASE64_CHARS);
    const standard = embeddedBase64Forms(raw, 'standard').filter((form) => form.length >= minChars);
    out.push(...standard, ...standard.map(toUrlSafeBase64));
  }
  return out;
}

/** Patterns of all values of at least `minValueBytes` UTF-8 bytes; the first secret wins a shared pattern. */
export function collectPatterns(secrets: ReadonlyArray<MaskedSecret>, options?: MaskerOptions): PatternSet {
  const minBytes = wholeNumberAtLeast(1, options?.minValueBytes, DEFAULT_MIN_VALUE_BYTES);
  const seen = new Set<string>();
  const patterns: MaskPattern[] = [];
  let containsEscape = false;
  let longestPattern = 0;
  secrets.forEach((secret, secretIndex) => {
    const raw = utf8.encode(secret.value);
    if (raw.length < minBytes) return;
    for (const bytes of formsOf(raw, options, minBytes)) {
      const key = keyOf(bytes);
      if (seen.has(key)) continue;
      seen.add(key);
      patterns.push({ bytes, secretIndex });
      if (bytes.includes(ESC)) containsEscape = true;
      longestPattern = Math.max(longestPattern, bytes.length);
    }
  });
  return { patterns, containsEscape, longestPattern };
}
