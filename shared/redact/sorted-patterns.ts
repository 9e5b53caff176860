// The patterns in byte order: every trie node is then a range of them (those sharing its
// path), and a node's children are sub-ranges found by binary search. The masker's
// automaton builds its shallow states from this at once and its deep ones only when
// output reaches them, so a masker for hundreds of long patterns is ready in no time.

/** `bytes` as a string of char codes 0-255: sorts like the bytes (a prefix first). */
function byteKey(bytes: Uint8Array): string {
  let key = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    key += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  }
  return key;
}

export class SortedPatterns {
  /** The patterns in byte order; equal ones keep their original order. */
  readonly bytes: readonly Uint8Array[];
  /** Original index of each sorted pattern. */
  readonly original: Int32Array;

  constructor(patterns: ReadonlyArray<Uint8Array>) {
    const keys = patterns.map(byteKey);
    const order = patterns.map((_, i) => i);
    order.sort((x, y) => {
      const a = keys[x] as string;
      const b = keys[y] as string;
      return a < b ? -1 : a > b ? 1 : x - y;
    });
    this.bytes = order.map((i) => patterns[i] as Uint8Array);
    this.original = Int32Array.from(order);
  }

  get count(): number {
    return this.bytes.length;
  }

  /** Byte `depth` of sorted pattern `i`; -1 if the pattern ends before. */
  at(i: number, depth: number): number {
    const p = this.bytes[i] as Uint8Array;
    return depth < p.length ? (p[depth] as number) : -1;
  }

  /** Whether the node [lo, hi) at `depth` is where a pattern ends. */
  endsPattern(lo: number, depth: number): boolean {
    return (this.bytes[lo] as Uint8Array).length === depth;
  }

  /** Whether a pattern of the node [lo, hi) at `depth` goes on past it. */
  hasChildren(hi: number, depth: number): boolean {
    return (this.bytes[hi - 1] as Uint8Array).length > depth;
  }

  /** First index in [lo, hi) whose byte at `depth` is at least `byte` (the bytes there ascend). */
  private lowerBound(lo: number, hi: number, depth: number, byte: number): number {
    let a = lo;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.at(mid, depth) < byte) a = mid + 1;
      else b = mid;
    }
    return a;
  }

  /** The child of node [lo, hi) at `depth` for `byte` as [lo, hi), or null if it has none. */
  childRange(lo: number, hi: number, depth: number, byte: number): [number, number] | null {
    const from = this.lowerBound(lo, hi, depth, byte);
    if (from >= hi || this.at(from, depth) !== byte) return null;
    return [from, this.lowerBound(from, hi, depth, byte + 1)];
  }
}
