// Byte-level encodings under which an injected value may show up in output: base64
// (standard and url-safe alphabets, padded or not, standalone or embedded inside a larger
// base64 text) and percent-encoding as produced by encodeURIComponent. Pure: no Buffer.

const STANDARD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export type Base64Alphabet = 'standard' | 'url-safe';

const ENCODE_TABLES: Readonly<Record<Base64Alphabet, Uint8Array>> = {
  standard: asciiBytes(STANDARD_ALPHABET),
  'url-safe': asciiBytes(URL_SAFE_ALPHABET),
};

const PAD = 0x3d; // '='

function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Base64 of `bytes` as ASCII bytes; `padded` appends '=' to a multiple of 4 chars. */
export function base64Encode(bytes: Uint8Array, alphabet: Base64Alphabet, padded: boolean): Uint8Array {
  const table = ENCODE_TABLES[alphabet];
  const n = bytes.length;
  const fullChars = Math.floor(n / 3) * 4;
  const rest = n % 3;
  const length = fullChars + (rest === 0 ? 0 : padded ? 4 : rest + 1);
  const out = new Uint8Array(length);
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out[o++] = table[(v >>> 18) & 63] as number;
    out[o++] = table[(v >>> 12) & 63] as number;
    out[o++] = table[(v >>> 6) & 63] as number;
    out[o++] = table[v & 63] as number;
  }
  if (rest > 0) {
    const v = ((bytes[i] as number) << 16) | (rest === 2 ? (bytes[i + 1] as number) << 8 : 0);
    out[o++] = table[(v >>> 18) & 63] as number;
    out[o++] = table[(v >>> 12) & 63] as number;
    if (rest === 2) out[o++] = table[(v >>> 6) & 63] as number;
    while (o < length) out[o++] = PAD;
  }
  return out;
}

/**
 * The base64 characters that stay the same wherever `bytes` sits inside a larger byte
 * string encoded as one base64 text. A value starting at byte offset p of the encoded
 * data lands at one of 3 bit alignments (p mod 3); for each, only the characters whose 6
 * bits all come from the value are fixed — the first and last may mix in neighbouring
 * bytes and are left out. Returns the 3 alignments (0, 1, 2), in that order.
 */
export function embeddedBase64Forms(bytes: Uint8Array, alphabet: Base64Alphabet): Uint8Array[] {
  const table = ENCODE_TABLES[alphabet];
  const n = bytes.length;
  const forms: Uint8Array[] = [];
  for (let offset = 0; offset < 3; offset++) {
    // Characters k whose bits [6k, 6k + 6) of the encoded data all lie in the value's bits
    // [8 * offset, 8 * (offset + n)); read straight from `bytes`.
    const firstChar = Math.ceil((8 * offset) / 6);
    const endChar = Math.max(firstChar, Math.floor((8 * (offset + n)) / 6));
    const form = new Uint8Array(endChar - firstChar);
    for (let k = firstChar; k < endChar; k++) {
      const bit = 6 * k - 8 * offset;
      const at = bit >> 3;
      const pair = ((bytes[at] as number) << 8) | (at + 1 < n ? (bytes[at + 1] as number) : 0);
      form[k - firstChar] = table[(pair >> (10 - (bit & 7))) & 63] as number;
    }
    forms.push(form);
  }
  return forms;
}

/** Base64 text in the standard alphabet turned url-safe ('+' to '-', '/' to '_'); the same array if it has neither. */
export function toUrlSafeBase64(encoded: Uint8Array): Uint8Array {
  if (!encoded.includes(0x2b) && !encoded.includes(0x2f)) return encoded;
  return encoded.map((c) => (c === 0x2b ? 0x2d : c === 0x2f ? 0x5f : c));
}

/** Base64 text without its '=' padding (a view). */
export function withoutBase64Padding(encoded: Uint8Array): Uint8Array {
  let end = encoded.length;
  while (end > 0 && encoded[end - 1] === PAD) end--;
  return encoded.subarray(0, end);
}

// Bytes encodeURIComponent leaves as they are: A-Z a-z 0-9 - _ . ! ~ * ' ( )
const URI_COMPONENT_UNRESERVED: Uint8Array = (() => {
  const table = new Uint8Array(256);
  for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()") {
    table[ch.charCodeAt(0)] = 1;
  }
  return table;
})();

const HEX_UPPER = asciiBytes('0123456789ABCDEF');

/**
 * Percent-encoding of UTF-8 bytes exactly as encodeURIComponent writes it (uppercase hex),
 * but on bytes, so it never throws on text that was not well-formed UTF-16.
 */
export function uriComponentEncode(bytes: Uint8Array): Uint8Array {
  let length = 0;
  for (const b of bytes) length += URI_COMPONENT_UNRESERVED[b] === 1 ? 1 : 3;
  const out = new Uint8Array(length);
  let o = 0;
  for (const b of bytes) {
    if (URI_COMPONENT_UNRESERVED[b] === 1) {
      out[o++] = b;
    } else {
      out[o++] = 0x25; // '%'
      out[o++] = HEX_UPPER[b >>> 4] as number;
      out[o++] = HEX_UPPER[b & 15] as number;
    }
  }
  return out;
}
