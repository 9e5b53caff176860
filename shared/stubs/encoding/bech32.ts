// Bech32 (BIP-173) checksum, as used by age keys (AGE-SECRET-KEY-1…, age1…).

export const BECH32_ALPHABET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: readonly number[]): number {
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = (((checksum & 0x1ffffff) << 5) ^ value) >>> 0;
    for (let i = 0; i < 5; i++) {
      if ((top >>> i) & 1) checksum = (checksum ^ (GENERATOR[i] as number)) >>> 0;
    }
  }
  return checksum;
}

function expandHrp(hrp: string): number[] {
  const high: number[] = [];
  const low: number[] = [];
  for (let i = 0; i < hrp.length; i++) {
    const code = hrp.charCodeAt(i);
    high.push(code >> 5);
    low.push(code & 31);
  }
  return [...high, 0, ...low];
}

/** The six 5-bit checksum groups for a lower-case `hrp` and 5-bit `data` groups. */
export function bech32Checksum(hrp: string, data: readonly number[]): number[] {
  const mod = polymod([...expandHrp(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const out: number[] = [];
  for (let i = 0; i < 6; i++) out.push((mod >>> (5 * (5 - i))) & 31);
  return out;
}

/** Encodes to lower-case bech32: hrp + '1' + data + checksum. */
export function bech32Encode(hrp: string, data: readonly number[]): string {
  let out = `${hrp}1`;
  for (const group of [...data, ...bech32Checksum(hrp, data)]) out += BECH32_ALPHABET[group];
  return out;
}

/** True when `text` (all upper or all lower case) is a bech32 string with a valid checksum. */
export function hasValidBech32Checksum(text: string): boolean {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return false;
  const lower = text.toLowerCase();
  const separator = lower.lastIndexOf('1');
  if (separator < 1 || separator + 7 > lower.length) return false;
  const hrp = lower.slice(0, separator);
  for (let i = 0; i < hrp.length; i++) {
    const code = hrp.charCodeAt(i);
    if (code < 33 || code > 126) return false;
  }
  const data: number[] = [];
  for (const char of lower.slice(separator + 1)) {
    const value = BECH32_ALPHABET.indexOf(char);
    if (value < 0) return false;
    data.push(value);
  }
  return polymod([...expandHrp(hrp), ...data]) === 1;
}
