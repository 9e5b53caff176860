// Aho-Corasick automaton over bytes, built for a fast scanning loop. States shallower than
// DFA_DEPTH get a full transition row indexed by byte class (a DFA: one table load per
// byte); deeper states, reached only while output really spells the start of a pattern,
// keep their children and follow failure links. States are numbered so that one compare
// tells the fast loop to stop: ids below `plainStates` are shallow and complete no pattern.

import { ESC } from './escapes';

export const DFA_DEPTH = 4;

export interface MaskAutomaton {
  /** Byte -> column of a transition row. Column 0: bytes in no pattern. */
  readonly classOf: Uint16Array;
  /** A row is `1 << columnShift` entries wide. */
  readonly columnShift: number;
  /** Rows of the states below `rowCount` (the shallow ones). */
  readonly transitions: Int32Array;
  /** States below this are shallow and end no pattern. */
  readonly plainStates: number;
  readonly rowCount: number;
  /** Where ESC leads in a row when escapes are skipped: a pseudo-state past the last one. */
  readonly escapeState: number;
  readonly skipsEscapes: boolean;
  /** Length of the trie path of each state. */
  readonly depth: Int32Array;
  /**
   * Length of the longest suffix of the state's path that can still grow into a pattern
   * (a proper prefix of some pattern): bytes before it can no longer be part of a match.
   */
  readonly liveDepth: Int32Array;
  /** Length of the longest pattern ending at this state, 0 if none. */
  readonly matchLength: Int32Array;
  /** Index of that pattern, -1 if none. */
  readonly matchPattern: Int32Array;
  readonly fail: Int32Array;
  readonly childStart: Int32Array;
  readonly childCount: Int32Array;
  readonly childByte: Uint8Array;
  readonly childState: Int32Array;
  /** The plain states' rows again, for the hot loop: see PlainTable. */
  readonly plainTable: PlainTable;
}

/**
 * Transitions among plain states only, in the form the hot loop reads fastest: entries
 * are row offsets (state * width) so no multiply sits on the loop-carried dependency,
 * and any transition out of the plain states is the largest value of the entry type
 * (PLAIN_EXIT_U16 / PLAIN_EXIT_I32). 16-bit entries while they fit (half the cache
 * footprint), 32-bit otherwise.
 */
export type PlainTable =
  | { readonly kind: 'u16'; readonly entries: Uint16Array; readonly width: number; readonly classOf: Uint16Array }
  | { readonly kind: 'i32'; readonly entries: Int32Array; readonly width: number; readonly classOf: Uint16Array };

export const PLAIN_EXIT_U16 = 0xffff;
export const PLAIN_EXIT_I32 = 0x7fffffff;

function buildPlainTable(transitions: Int32Array, columnShift: number, columns: number, plainStates: number, classOf: Uint16Array): PlainTable {
  const width = columns;
  const fits16 = plainStates * width <= PLAIN_EXIT_U16;
  const exit = fits16 ? PLAIN_EXIT_U16 : PLAIN_EXIT_I32;
  const entries = fits16 ? new Uint16Array(plainStates * width) : new Int32Array(plainStates * width);
  for (let s = 0; s < plainStates; s++) {
    for (let c = 0; c < width; c++) {
      const target = transitions[(s << columnShift) | c] as number;
      entries[s * width + c] = target < plainStates ? target * width : exit;
    }
  }
  return entries instanceof Uint16Array
    ? { kind: 'u16', entries, width, classOf }
    : { kind: 'i32', entries, width, classOf };
}

/** A byte trie in flat arrays: children as sibling lists, plus a direct table at the root. */
interface Trie {
  readonly byte: number[];
  readonly firstChild: number[];
  readonly nextSibling: number[];
  readonly depth: number[];
  /** Index of the pattern ending at the node, -1 if none. */
  readonly terminal: number[];
  readonly rootChild: Int32Array;
}

function childOf(trie: Trie, node: number, byte: number): number {
  if (node === 0) return trie.rootChild[byte] as number;
  for (let c = trie.firstChild[node] as number; c !== -1; c = trie.nextSibling[c] as number) {
    if (trie.byte[c] === byte) return c;
  }
  return -1;
}

function buildTrie(patterns: ReadonlyArray<Uint8Array>): Trie {
  const trie: Trie = {
    byte: [-1],
    firstChild: [-1],
    nextSibling: [-1],
    depth: [0],
    terminal: [-1],
    rootChild: new Int32Array(256).fill(-1),
  };
  patterns.forEach((bytes, index) => {
    let node = 0;
    for (const b of bytes) {
      let next = childOf(trie, node, b);
      if (next === -1) {
        next = trie.byte.length;
        trie.byte.push(b);
        trie.firstChild.push(-1);
        trie.nextSibling.push(trie.firstChild[node] as number);
        trie.depth.push((trie.depth[node] as number) + 1);
        trie.terminal.push(-1);
        trie.firstChild[node] = next;
        if (node === 0) trie.rootChild[b] = next;
      }
      node = next;
    }
    if (node !== 0 && trie.terminal[node] === -1) trie.terminal[node] = index;
  });
  return trie;
}

/** Breadth-first order of the trie, with failure links. */
function linkFailures(trie: Trie): { order: number[]; fail: Int32Array } {
  const fail = new Int32Array(trie.byte.length);
  const order: number[] = [0];
  for (let q = 0; q < order.length; q++) {
    const u = order[q] as number;
    for (let v = trie.firstChild[u] as number; v !== -1; v = trie.nextSibling[v] as number) {
      order.push(v);
      if (u === 0) continue;
      const b = trie.byte[v] as number;
      let f = fail[u] as number;
      let g = childOf(trie, f, b);
      while (g === -1 && f !== 0) {
        f = fail[f] as number;
        g = childOf(trie, f, b);
      }
      fail[v] = g === -1 ? 0 : g;
    }
  }
  return { order, fail };
}

export function buildAutomaton(patterns: ReadonlyArray<Uint8Array>, skipEscapes: boolean): MaskAutomaton {
  const trie = buildTrie(patterns);
  const { terminal, firstChild } = trie;
  const trieDepth = trie.depth;
  const { order, fail: trieFail } = linkFailures(trie);
  const n = trie.byte.length;

  const trieMatchLength = new Int32Array(n);
  const trieMatchPattern = new Int32Array(n).fill(-1);
  const trieLiveDepth = new Int32Array(n);
  for (const v of order) {
    if (v === 0) continue;
    const f = trieFail[v] as number;
    const t = terminal[v] as number;
    trieMatchLength[v] = t >= 0 ? (trieDepth[v] as number) : (trieMatchLength[f] as number);
    trieMatchPattern[v] = t >= 0 ? t : (trieMatchPattern[f] as number);
    trieLiveDepth[v] = firstChild[v] !== -1 ? (trieDepth[v] as number) : (trieLiveDepth[f] as number);
  }

  // Renumber: shallow plain states, then shallow matching states, then deep states.
  const isShallow = (v: number): boolean => (trieDepth[v] as number) < DFA_DEPTH;
  const id = new Int32Array(n);
  let next = 0;
  for (const v of order) if (isShallow(v) && trieMatchLength[v] === 0) id[v] = next++;
  const plainStates = next;
  for (const v of order) if (isShallow(v) && (trieMatchLength[v] as number) > 0) id[v] = next++;
  const rowCount = next;
  for (const v of order) if (!isShallow(v)) id[v] = next++;

  // Byte classes: one column per byte used by some pattern, column 0 for all others.
  const classOf = new Uint16Array(256);
  let columns = 1;
  for (const bytes of patterns) {
    for (const b of bytes) if (classOf[b] === 0) classOf[b] = columns++;
  }
  const escapeState = n;
  if (skipEscapes) classOf[ESC] = columns++;
  let columnShift = 0;
  while (1 << columnShift < columns) columnShift++;

  // Row of a state = row of its failure state (shallower, so already filled), overwritten
  // by its own children. The root's row defaults to the root (all zeros).
  const rowWidth = 1 << columnShift;
  const transitions = new Int32Array(rowCount << columnShift);
  for (const v of order) {
    if (!isShallow(v)) continue;
    const row = (id[v] as number) << columnShift;
    if (v !== 0) {
      const failRow = (id[trieFail[v] as number] as number) << columnShift;
      transitions.copyWithin(row, failRow, failRow + rowWidth);
    }
    for (let child = firstChild[v] as number; child !== -1; child = trie.nextSibling[child] as number) {
      transitions[row + (classOf[trie.byte[child] as number] as number)] = id[child] as number;
    }
    if (skipEscapes) transitions[row + (classOf[ESC] as number)] = escapeState;
  }

  const depth = new Int32Array(n);
  const liveDepth = new Int32Array(n);
  const matchLength = new Int32Array(n);
  const matchPattern = new Int32Array(n);
  const fail = new Int32Array(n);
  const childStart = new Int32Array(n);
  const childCount = new Int32Array(n);
  const childByte = new Uint8Array(Math.max(0, n - 1));
  const childState = new Int32Array(Math.max(0, n - 1));
  let slot = 0;
  for (const v of order) {
    const s = id[v] as number;
    depth[s] = trieDepth[v] as number;
    liveDepth[s] = trieLiveDepth[v] as number;
    matchLength[s] = trieMatchLength[v] as number;
    matchPattern[s] = trieMatchPattern[v] as number;
    fail[s] = id[trieFail[v] as number] as number;
    childStart[s] = slot;
    for (let child = firstChild[v] as number; child !== -1; child = trie.nextSibling[child] as number) {
      childByte[slot] = trie.byte[child] as number;
      childState[slot++] = id[child] as number;
    }
    childCount[s] = slot - (childStart[s] as number);
  }

  const plainTable = buildPlainTable(transitions, columnShift, columns, plainStates, classOf);
  return {
    plainTable, classOf, columnShift, transitions, plainStates, rowCount, escapeState, skipsEscapes: skipEscapes,
    depth, liveDepth, matchLength, matchPattern, fail, childStart, childCount, childByte, childState,
  };
}

/** The state after `byte` from any state (not for ESC when escapes are skipped). */
export function nextState(a: MaskAutomaton, state: number, byte: number): number {
  let s = state;
  while (s >= a.rowCount) {
    const start = a.childStart[s] as number;
    const stop = start + (a.childCount[s] as number);
    for (let k = start; k < stop; k++) {
      if (a.childByte[k] === byte) return a.childState[k] as number;
    }
    s = a.fail[s] as number;
  }
  return a.transitions[(s << a.columnShift) | (a.classOf[byte] as number)] as number;
}
