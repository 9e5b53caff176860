// Small pure decoders (no Buffer, no atob) used by structural validators.

const BASE64_VALUES: Int16Array = (() => {
  const table = new Int16Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  table[43] = 62; // +
  table[47] = 63; // /
  table[45] = 62; // - (base64url)
  table[95] = 63; // _ (base64url)
  return table;
})();

/** Decodes standard or URL-safe base64 (padding optional) to bytes; undefined if malformed. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    const v = c < 128 ? (BASE64_VALUES[c] as number) : -1;
    if (v < 0) return undefined;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

/** Decodes base64 to a Latin-1 string (each byte one char); undefined if malformed. */
export function decodeBase64ToText(text: string): string | undefined {
  const bytes = decodeBase64(text);
  if (!bytes) return undefined;
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i] as number);
  return out;
}

/** True when every character is printable ASCII (space to tilde). */
export function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126) return false;
  }
  return true;
}
