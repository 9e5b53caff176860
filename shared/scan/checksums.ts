// Checksums used by real credential formats. Pure: shared by the scanner (to reject
// look-alikes) and the stub generator (to make well-formed fakes).

const CRC32_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3) of the string's code units (callers pass ASCII). */
export function crc32Ascii(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = (CRC32_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Base62 of a non-negative integer, left-padded with '0' to `width`. */
export function base62(value: number, width: number): string {
  let n = Math.floor(value);
  let out = '';
  do {
    out = BASE62_ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out.padStart(width, '0');
}

/**
 * GitHub (ghp_, gho_, ghu_, ghs_, ghr_) and npm (npm_) tokens: 30 random base62 chars
 * followed by the 6-char base62 CRC-32 of those 30 chars.
 */
export function crc32Base62Tail(body: string): string {
  return base62(crc32Ascii(body), 6);
}

export function hasValidCrc32Base62Tail(bodyWithTail: string): boolean {
  if (bodyWithTail.length < 7) return false;
  const body = bodyWithTail.slice(0, -6);
  return crc32Base62Tail(body) === bodyWithTail.slice(-6);
}

/** Bech32 (BIP-173) character set; its index is the 5-bit value. */
export const BECH32_ALPHABET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

const BECH32_GENERATORS = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3] as const;

function bech32Polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i++) {
      if ((top >>> i) & 1) chk = (chk ^ (BECH32_GENERATORS[i] as number)) >>> 0;
    }
  }
  return chk;
}

function bech32HrpExpand(hrp: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) >>> 5);
  out.push(0);
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) & 31);
  return out;
}

/** The six 5-bit checksum values Bech32 appends to `data` under `hrp` (lowercase). */
export function bech32Checksum(hrp: string, data: readonly number[]): number[] {
  const mod = bech32Polymod([...bech32HrpExpand(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const out: number[] = [];
  for (let i = 0; i < 6; i++) out.push((mod >>> (5 * (5 - i))) & 31);
  return out;
}

/**
 * Verifies a Bech32 string such as an age secret key (`AGE-SECRET-KEY-1…`). Case-insensitive
 * but not mixed-case, per BIP-173.
 */
export function isValidBech32(text: string): boolean {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return false;
  const lower = text.toLowerCase();
  const sep = lower.lastIndexOf('1');
  if (sep < 1 || sep + 7 > lower.length) return false;
  const hrp = lower.slice(0, sep);
  const data: number[] = [];
  for (let i = sep + 1; i < lower.length; i++) {
    const v = BECH32_ALPHABET.indexOf(lower[i] as string);
    if (v < 0) return false;
    data.push(v);
  }
  return bech32Polymod([...bech32HrpExpand(hrp), ...data]) === 1;
}
