// Character sets shared by the built-in shapes and custom shapes.

export const DIGITS = '0123456789';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const HEX_LOWER = '0123456789abcdef';
export const HEX_UPPER = '0123456789ABCDEF';
export const BASE62 = DIGITS + UPPER + LOWER;
export const ALNUM_UPPER = UPPER + DIGITS;
export const ALNUM_LOWER = LOWER + DIGITS;
export const BASE64_CHARS = `${UPPER}${LOWER}${DIGITS}+/`;
export const BASE64URL_CHARS = `${UPPER}${LOWER}${DIGITS}-_`;
/** RFC 4648 base32 alphabet, as AWS access key ids use it. */
export const BASE32_UPPER = `${UPPER}234567`;

/**
 * Named charsets for custom shapes. Both vocabularies are accepted: the template's
 * (shared/manifest CHARSET_IDS: alphanumeric, lower-alphanumeric, upper-alphanumeric,
 * hex, upper-hex, digits, base64, base64url) and the short forms base62, alnum-lower,
 * alnum-upper. Character order is part of stub stability: never reorder a set.
 */
export const NAMED_CHARSETS = {
  alphanumeric: BASE62,
  base62: BASE62,
  'lower-alphanumeric': ALNUM_LOWER,
  'alnum-lower': ALNUM_LOWER,
  'upper-alphanumeric': ALNUM_UPPER,
  'alnum-upper': ALNUM_UPPER,
  hex: HEX_LOWER,
  'upper-hex': HEX_UPPER,
  digits: DIGITS,
  base64: BASE64_CHARS,
  base64url: BASE64URL_CHARS,
} as const;

export type NamedCharset = keyof typeof NAMED_CHARSETS;

export function isNamedCharset(name: string): name is NamedCharset {
  return Object.prototype.hasOwnProperty.call(NAMED_CHARSETS, name);
}

/** A named charset's characters, or the string itself as a literal set of characters. */
export function resolveCharset(charset: string): string {
  return isNamedCharset(charset) ? NAMED_CHARSETS[charset] : charset;
}

/** True when every character of `text` is in `alphabet`. */
export function isWithin(text: string, alphabet: string): boolean {
  for (const char of text) if (!alphabet.includes(char)) return false;
  return true;
}

/** A RegExp character class matching exactly the characters of `alphabet`. */
export function charClass(alphabet: string): string {
  let out = '';
  for (const char of alphabet) out += /[\\\]^-]/.test(char) ? `\\${char}` : char;
  return `[${out}]`;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
