// Exact matcher for values the broker holds (personal tokens, lease values, issued stubs)
// without plaintext: the broker supplies keyed hashes of the values and the hash function;
// the engine hashes only candidate substrings whose length is one of the known lengths.

export type KnownValueKind = 'personal' | 'lease' | 'stub';

export interface KnownValue {
  /** Name shown to the person, e.g. `github-work`. Never the value. */
  readonly label: string;
  readonly kind: KnownValueKind;
  /** Length of the value in UTF-16 code units. */
  readonly length: number;
}

export interface KnownValueIndex {
  /** Keyed hash of each value -> what it is. */
  readonly values: ReadonlyMap<string, KnownValue>;
  /** The keyed hash the map was built with (the broker uses HMAC-SHA256). */
  readonly hash: (candidate: string) => string;
}

export interface KnownValueHit {
  readonly start: number;
  readonly end: number;
  readonly secret: string;
  readonly value: KnownValue;
}

/** Values shorter than this are not matched (too many candidates, too many chance hits). */
export const MIN_KNOWN_VALUE_LENGTH = 6;

/** Distinct candidates remembered per scan (bounds memory on huge inputs). */
const MEMO_LIMIT = 1 << 16;

/** Segment characters: anything but spaces, control characters, quotes, brackets, `,` `;` `\\`. */
const SEGMENT_CHARS = '[^\\x00-\\x20\\x7f"\'`<>()\\[\\]{},;\\\\]';
/** What may precede a value: a segment delimiter, `=` `:` `/` `@`, or an escape like `\\n`. */
const START_AFTER = '[\\x00-\\x20\\x7f"\'`<>()\\[\\]{},;\\\\=:/@]|\\\\[A-Za-z0-9]';

function isSegmentChar(c: number): boolean {
  return !(
    c <= 32 || c === 127 || c === 34 || c === 39 || c === 96 || c === 60 || c === 62 || c === 40 || c === 41 ||
    c === 91 || c === 93 || c === 123 || c === 125 || c === 44 || c === 59 || c === 92 || Number.isNaN(c)
  );
}

export function knownLengths(index: KnownValueIndex): number[] {
  const lengths = new Set<number>();
  for (const value of index.values.values()) {
    if (value.length >= MIN_KNOWN_VALUE_LENGTH) lengths.add(value.length);
  }
  return [...lengths].sort((a, b) => a - b);
}

/** Where a value may end inside a segment: before `@`, `:`, `/`, `&`, `?`, `#` or `.`. */
function endsBefore(c: number): boolean {
  return c === 64 || c === 58 || c === 47 || c === 38 || c === 63 || c === 35 || c === 46;
}

/**
 * Finds known values in `text`. Candidates are substrings of a known length inside a segment
 * (a run of characters without spaces, quotes, brackets, commas, semicolons or backslashes)
 * that start at the segment start, after `=` `:` `/` `@` or just after an escape such as `\n`,
 * and end at the segment end or before `@` `:` `/` `&` `?` `#` `.`. So `KEY=value`,
 * `"value"`, `user:value@host`, `Bearer value` are found, while the inside of identifiers
 * like `a.b_c-d` is not hashed at all. Each distinct candidate is hashed once per scan.
 */
export function findKnownValues(text: string, index: KnownValueIndex, lengths = knownLengths(index)): KnownValueHit[] {
  const hits: KnownValueHit[] = [];
  if (lengths.length === 0) return hits;
  const minLength = lengths[0] as number;
  const memo = new Map<string, KnownValue | null>();

  const maxLength = lengths[lengths.length - 1] as number;
  // Start points, found by the regex engine: a segment start, just after `=` `:` `/` `@`, or
  // just after an escape such as `\n`, with at least `minLength` segment characters ahead.
  const starts = new RegExp(`(?:^|(?<=${START_AFTER}))(?=${SEGMENT_CHARS}{${minLength}})`, 'g');
  for (let match = starts.exec(text); match !== null; match = starts.exec(text)) {
    const b = match.index;
    starts.lastIndex = b + 1;
    // Walk the segment only as far as the longest known value needs.
    let segEnd = b;
    const limit = Math.min(text.length, b + maxLength);
    while (segEnd < limit && isSegmentChar(text.charCodeAt(segEnd))) segEnd++;
    const segmentEndsThere = !isSegmentChar(text.charCodeAt(segEnd));
    for (const length of lengths) {
      const end = b + length;
      if (end > segEnd) break;
      if (!((end === segEnd && segmentEndsThere) || endsBefore(text.charCodeAt(end)))) continue;
      const candidate = text.slice(b, end);
      // Repetitive text yields the same candidate again and again: hash each one once.
      let value = memo.get(candidate);
      if (value === undefined) {
        const found = index.values.get(index.hash(candidate));
        value = found !== undefined && found.length === length ? found : null;
        if (memo.size < MEMO_LIMIT) memo.set(candidate, value);
      }
      if (value !== null) hits.push({ start: b, end, secret: candidate, value });
    }
  }
  return hits;
}
