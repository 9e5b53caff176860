// Shannon entropy and character-class helpers used to gate generic and low-structure rules.

const asciiCounts = new Int32Array(128);

/** Shannon entropy of the string's characters, in bits per character. */
export function shannonEntropy(text: string): number {
  const n = text.length;
  if (n === 0) return 0;
  let others: Map<number, number> | undefined;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) asciiCounts[c] = (asciiCounts[c] as number) + 1;
    else (others ??= new Map()).set(c, (others.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) continue;
    const count = asciiCounts[c] as number;
    if (count === 0) continue;
    const p = count / n;
    bits -= p * Math.log2(p);
    asciiCounts[c] = 0; // count each character once, and leave the scratch table clean
  }
  if (others) {
    for (const count of others.values()) {
      const p = count / n;
      bits -= p * Math.log2(p);
    }
  }
  return bits;
}

export interface CharClasses {
  readonly lower: boolean;
  readonly upper: boolean;
  readonly digit: boolean;
  readonly symbol: boolean;
}

export function charClasses(text: string): CharClasses {
  let lower = false;
  let upper = false;
  let digit = false;
  let symbol = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 48 && c <= 57) digit = true;
    else symbol = true;
  }
  return { lower, upper, digit, symbol };
}

export function countCharClasses(text: string): number {
  const k = charClasses(text);
  return Number(k.lower) + Number(k.upper) + Number(k.digit) + Number(k.symbol);
}

const HEX = /^[0-9a-fA-F]+$/;

export function isHex(text: string): boolean {
  return HEX.test(text);
}

/** Length of the longest run of one repeated character. */
export function longestRun(text: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    run = i > 0 && text.charCodeAt(i) === text.charCodeAt(i - 1) ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/** Rough alphabet size a random string of this shape was drawn from (hex, base36, letters, base62/64). */
export function alphabetSize(text: string): number {
  if (isHex(text)) return 16;
  const k = charClasses(text);
  if (k.symbol) return 64;
  if (k.digit && (k.lower !== k.upper)) return 36;
  if (!k.digit) return k.lower && k.upper ? 52 : 26;
  return 62;
}

/**
 * The entropy a random string of this length and alphabet almost always exceeds: short random
 * strings cannot reach log2(alphabet), so a rule's threshold is capped at this floor.
 */
export function randomEntropyFloor(text: string): number {
  return 0.65 * Math.log2(Math.max(2, Math.min(text.length, alphabetSize(text))));
}
