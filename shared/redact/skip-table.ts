// Skipping over output in which no pattern can start (Wu-Manber style shifts over 3-byte
// blocks). With `window` = the shortest pattern's length, look at the last 3 bytes of the
// window [p, p + window): if that block is not among the first `window` bytes of any
// pattern within the last `shift` positions, no pattern can start at p .. p + shift - 1.
// Output with few pattern bytes in it (logs, prose, JSON) is then passed in strides of up
// to `window - 2` bytes instead of one automaton step per byte.
//
// Blocks are hashed to 16 bits; colliding blocks share the smallest shift, so a collision
// only costs speed, never a match.

/** Shortest window the skip is used for: below it, strides are too short to pay off. */
export const MIN_SKIP_WINDOW = 6;

const BLOCK = 3;
const HASH_BITS = 16;
/** Largest stored shift: a Uint8Array entry. */
const MAX_SHIFT = 255;

export interface SkipTable {
  /** Length of the shortest pattern: only the first `window` bytes of each are looked at. */
  readonly window: number;
  /** Safe shift per hashed block (the block ending the window). 0: a pattern may start here. */
  readonly shift: Uint8Array;
}

function blockHash(b0: number, b1: number, b2: number): number {
  return Math.imul((b0 << 16) | (b1 << 8) | b2, 0x9e3779b1) >>> (32 - HASH_BITS);
}

/** The skip table of `patterns`, or null when the shortest one is too short for it to pay. */
export function buildSkipTable(patterns: ReadonlyArray<Uint8Array>): SkipTable | null {
  if (patterns.length === 0) return null;
  let window = Infinity;
  for (const p of patterns) window = Math.min(window, p.length);
  if (window < MIN_SKIP_WINDOW) return null;
  const shift = new Uint8Array(1 << HASH_BITS).fill(Math.min(MAX_SHIFT, window - BLOCK + 1));
  for (const p of patterns) {
    // q: index of a block's last byte inside the window; the window may move on by window - 1 - q.
    for (let q = BLOCK - 1; q < window; q++) {
      const h = blockHash(p[q - 2] as number, p[q - 1] as number, p[q] as number);
      const s = window - 1 - q;
      if (s < (shift[h] as number)) shift[h] = s;
    }
  }
  return { window, shift };
}

/**
 * The first position p >= `from` at which a pattern may start, judged by windows that end
 * at or before `limit`: no pattern starts in [from, p). Returns a p with p + window > limit
 * when no candidate lies before that (p stays below `limit`).
 */
export function skipAhead(table: SkipTable, buf: Uint8Array, from: number, limit: number): number {
  const { shift, window } = table;
  let last = from + window - 1;
  while (last < limit) {
    const s = shift[blockHash(buf[last - 2] as number, buf[last - 1] as number, buf[last] as number)] as number;
    if (s === 0) break;
    last += s;
  }
  return last - window + 1;
}
