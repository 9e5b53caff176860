// Byte <-> text encodings (UTF-8, hex, base64, base64url) without TextEncoder/Buffer,
// so shared/ stays free of platform globals.

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX_DIGITS = '0123456789abcdef';

const BASE64_VALUES: Int16Array = (() => {
  const values = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) {
    values[BASE64_ALPHABET.charCodeAt(i)] = i;
    values[BASE64URL_ALPHABET.charCodeAt(i)] = i;
  }
  return values;
})();

/** UTF-8 bytes of `text` (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else {
      out.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      );
    }
  }
  return Uint8Array.from(out);
}

/** Bytes of an ASCII string (callers guarantee every code unit < 0x80). */
export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** ASCII string of bytes (for decoded binary that is known to be text). */
export function bytesToAscii(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += (HEX_DIGITS[byte >> 4] as string) + (HEX_DIGITS[byte & 15] as string);
  return out;
}

const BASE64_CODES = asciiBytes(BASE64_ALPHABET);
const BASE64URL_CODES = asciiBytes(BASE64URL_ALPHABET);
const EQUALS = 0x3d;

/** Base64 of `bytes` as ASCII codes (no intermediate strings: the PEM shapes encode ~1.6 KB). */
export function base64Codes(bytes: Uint8Array, url = false, pad = !url): Uint8Array {
  const alphabet = url ? BASE64URL_CODES : BASE64_CODES;
  const whole = bytes.length - (bytes.length % 3);
  const rest = bytes.length - whole;
  const outLength = (whole / 3) * 4 + (rest === 0 ? 0 : pad ? 4 : rest + 1);
  const out = new Uint8Array(outLength);
  let at = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out[at++] = alphabet[n >> 18] as number;
    out[at++] = alphabet[(n >> 12) & 63] as number;
    out[at++] = alphabet[(n >> 6) & 63] as number;
    out[at++] = alphabet[n & 63] as number;
  }
  if (rest > 0) {
    const n = ((bytes[whole] as number) << 16) | (rest === 2 ? (bytes[whole + 1] as number) << 8 : 0);
    out[at++] = alphabet[n >> 18] as number;
    out[at++] = alphabet[(n >> 12) & 63] as number;
    if (rest === 2) out[at++] = alphabet[(n >> 6) & 63] as number;
    while (pad && at < outLength) out[at++] = EQUALS;
  }
  return out;
}

/** The string of ASCII `codes` (chunked: argument lists have engine limits). */
export function codesToString(codes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) {
    // apply() takes the typed array as an array-like directly; spreading it would go
    // through the iterator protocol and is several times slower.
    out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(i + 8192, codes.length)) as unknown as number[]);
  }
  return out;
}

function encode64(bytes: Uint8Array, url: boolean, pad: boolean): string {
  return codesToString(base64Codes(bytes, url, pad));
}

/** Standard base64 (RFC 4648 §4) with '=' padding. */
export function toBase64(bytes: Uint8Array): string {
  return encode64(bytes, false, true);
}

/** base64url (RFC 4648 §5) without padding, as JWTs and macaroons use it. */
export function toBase64Url(bytes: Uint8Array): string {
  return encode64(bytes, true, false);
}

/**
 * Decodes base64 or base64url, padded or not. Returns undefined for anything that is
 * not canonical (bad characters, impossible length, non-zero trailing bits).
 */
export function fromBase64(text: string): Uint8Array | undefined {
  const body = text.endsWith('==') ? text.slice(0, -2) : text.endsWith('=') ? text.slice(0, -1) : text;
  if (body.length % 4 === 1) return undefined;
  if (body.length !== text.length && text.length % 4 !== 0) return undefined;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let bitCount = 0;
  let at = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    const value = code < 128 ? (BASE64_VALUES[code] as number) : -1;
    if (value < 0) return undefined;
    bits = (bits << 6) | value;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      out[at++] = (bits >> bitCount) & 0xff;
    }
  }
  if ((bits & ((1 << bitCount) - 1)) !== 0) return undefined;
  return out;
}
