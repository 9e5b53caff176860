// Aho-Corasick automaton over bytes, built for a fast scanning loop. States shallower than
// DFA_DEPTH get a full transition row indexed by byte class (a DFA: one table load per
// byte). Deeper states, reached only while output really spells the start of a pattern,
// follow failure links and are made when output first reaches them: building hundreds of
// long patterns' worth of them up front would cost more than a short command runs. States
// are numbered so that one compare tells the fast loop to stop: ids below `plainStates`
// are shallow and complete no pattern.

import { ESC } from './escapes';
import { SortedPatterns } from './sorted-patterns';

export const DFA_DEPTH = 4;

/** Where ESC leads in a row when escapes are skipped: never a state, only a stop for the fast loop. */
const ESCAPE_STATE = 0x7fffffff;

export interface MaskAutomaton {
  /** Byte -> column of a transition row. Column 0: bytes that start no pattern's first DFA_DEPTH. */
  readonly classOf: Uint16Array;
  /** A row is `1 << columnShift` entries wide. */
  readonly columnShift: number;
  /** Rows of the states below `rowCount` (the shallow ones). */
  readonly transitions: Int32Array;
  /** States below this are shallow and end no pattern. */
  readonly plainStates: number;
  readonly rowCount: number;
  /** Where ESC leads in a row when escapes are skipped. */
  readonly escapeState: number;
  readonly skipsEscapes: boolean;
  /** Per state, growing as deep states are made: length of the trie path. */
  readonly depth: number[];
  /**
   * Length of the longest suffix of the state's path that can still grow into a pattern
   * (a proper prefix of some pattern): bytes before it can no longer be part of a match.
   */
  readonly liveDepth: number[];
  /** Length of the longest pattern ending at this state, 0 if none. */
  readonly matchLength: number[];
  /** Index of that pattern, -1 if none. */
  readonly matchPattern: number[];
  /** The plain states' rows again, for the hot loop: see PlainTable. */
  readonly plainTable: PlainTable;
  /** The deep states (depth >= DFA_DEPTH): see DeepStates. */
  readonly deep: DeepStates;
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

/** States from depth DFA_DEPTH on: trie nodes as ranges of the sorted patterns, failure links, children made on first use. */
interface DeepStates {
  readonly patterns: SortedPatterns;
  /** Per state (deep ones only are used): failure state, and the node's range of sorted patterns. */
  readonly fail: number[];
  readonly lo: number[];
  readonly hi: number[];
  /** state * 256 + byte -> child state, -1 for none. */
  readonly children: Map<number, number>;
}

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

/** The trie down to DFA_DEPTH, breadth first: node i has path `patterns[lo[i]]`[0, depth[i]). */
interface ShallowTrie {
  readonly lo: number[];
  readonly hi: number[];
  readonly depth: number[];
  readonly parent: number[];
  readonly byte: number[];
  /** A node's children are the nodes firstChild .. firstChild + childCount - 1. */
  readonly firstChild: number[];
  readonly childCount: number[];
  /** node * 256 + byte -> child node. */
  readonly child: Map<number, number>;
}

function shallowTrie(patterns: SortedPatterns): ShallowTrie {
  const t: ShallowTrie = { lo: [0], hi: [patterns.count], depth: [0], parent: [-1], byte: [-1], firstChild: [], childCount: [], child: new Map() };
  for (let v = 0; v < t.lo.length; v++) {
    const d = t.depth[v] as number;
    t.firstChild.push(t.lo.length);
    t.childCount.push(0);
    if (d >= DFA_DEPTH) continue;
    const hi = t.hi[v] as number;
    let i = t.lo[v] as number;
    while (i < hi && patterns.at(i, d) < 0) i++;
    while (i < hi) {
      const b = patterns.at(i, d);
      let j = i + 1;
      while (j < hi && patterns.at(j, d) === b) j++;
      t.child.set(v * 256 + b, t.lo.length);
      t.lo.push(i);
      t.hi.push(j);
      t.depth.push(d + 1);
      t.parent.push(v);
      t.byte.push(b);
      t.childCount[v] = (t.childCount[v] as number) + 1;
      i = j;
    }
  }
  return t;
}

export function buildAutomaton(patterns: ReadonlyArray<Uint8Array>, skipEscapes: boolean): MaskAutomaton {
  const sorted = new SortedPatterns(patterns);
  const trie = shallowTrie(sorted);
  const n = trie.lo.length;

  // Failure links and match facts, breadth first (a failure state is always shallower).
  const fail = new Int32Array(n);
  const matchLength = new Int32Array(n);
  const matchPattern = new Int32Array(n).fill(-1);
  const liveDepth = new Int32Array(n);
  for (let v = 1; v < n; v++) {
    const d = trie.depth[v] as number;
    const b = trie.byte[v] as number;
    let f = 0;
    if (d > 1) {
      f = fail[trie.parent[v] as number] as number;
      for (;;) {
        const next = trie.child.get(f * 256 + b);
        if (next !== undefined) {
          f = next;
          break;
        }
        if (f === 0) break;
        f = fail[f] as number;
      }
    }
    fail[v] = f;
    const lo = trie.lo[v] as number;
    const ends = sorted.endsPattern(lo, d);
    matchLength[v] = ends ? d : (matchLength[f] as number);
    matchPattern[v] = ends ? (sorted.original[lo] as number) : (matchPattern[f] as number);
    liveDepth[v] = sorted.hasChildren(trie.hi[v] as number, d) ? d : (liveDepth[f] as number);
  }

  // Renumber: shallow plain states, then shallow matching states, then those at DFA_DEPTH.
  const id = new Int32Array(n);
  let next = 0;
  for (let v = 0; v < n; v++) if ((trie.depth[v] as number) < DFA_DEPTH && matchLength[v] === 0) id[v] = next++;
  const plainStates = next;
  for (let v = 0; v < n; v++) if ((trie.depth[v] as number) < DFA_DEPTH && (matchLength[v] as number) > 0) id[v] = next++;
  const rowCount = next;
  for (let v = 0; v < n; v++) if ((trie.depth[v] as number) >= DFA_DEPTH) id[v] = next++;

  // Byte classes: one column per byte among the first DFA_DEPTH of some pattern, column 0
  // for all others (from any shallow state they lead back to the root).
  const classOf = new Uint16Array(256);
  let columns = 1;
  for (let v = 1; v < n; v++) {
    const b = trie.byte[v] as number;
    if (classOf[b] === 0) classOf[b] = columns++;
  }
  if (skipEscapes) classOf[ESC] = columns++;
  let columnShift = 0;
  while (1 << columnShift < columns) columnShift++;

  // Row of a state = row of its failure state (shallower, so already filled), overwritten
  // by its own children. The root's row defaults to the root (all zeros).
  const rowWidth = 1 << columnShift;
  const transitions = new Int32Array(rowCount << columnShift);
  const state = { depth: new Array<number>(n), liveDepth: new Array<number>(n), matchLength: new Array<number>(n), matchPattern: new Array<number>(n) };
  const deep: DeepStates = { patterns: sorted, fail: new Array<number>(n).fill(0), lo: new Array<number>(n).fill(0), hi: new Array<number>(n).fill(0), children: new Map() };
  for (let v = 0; v < n; v++) {
    const s = id[v] as number;
    state.depth[s] = trie.depth[v] as number;
    state.liveDepth[s] = liveDepth[v] as number;
    state.matchLength[s] = matchLength[v] as number;
    state.matchPattern[s] = matchPattern[v] as number;
    if ((trie.depth[v] as number) >= DFA_DEPTH) {
      deep.fail[s] = id[fail[v] as number] as number;
      deep.lo[s] = trie.lo[v] as number;
      deep.hi[s] = trie.hi[v] as number;
      continue;
    }
    const row = s << columnShift;
    if (v !== 0) {
      const failRow = (id[fail[v] as number] as number) << columnShift;
      transitions.copyWithin(row, failRow, failRow + rowWidth);
    }
    const first = trie.firstChild[v] as number;
    for (let c = first; c < first + (trie.childCount[v] as number); c++) {
      transitions[row + (classOf[trie.byte[c] as number] as number)] = id[c] as number;
    }
    if (skipEscapes) transitions[row + (classOf[ESC] as number)] = ESCAPE_STATE;
  }

  const plainTable = buildPlainTable(transitions, columnShift, columns, plainStates, classOf);
  return {
    plainTable, classOf, columnShift, transitions, plainStates, rowCount, escapeState: ESCAPE_STATE, skipsEscapes: skipEscapes,
    depth: state.depth, liveDepth: state.liveDepth, matchLength: state.matchLength, matchPattern: state.matchPattern, deep,
  };
}

/** The child of deep state `s` for `byte`, made on first use; -1 if there is none. */
function deepChild(a: MaskAutomaton, s: number, byte: number): number {
  const deep = a.deep;
  const key = s * 256 + byte;
  const known = deep.children.get(key);
  if (known !== undefined) return known;
  const d = a.depth[s] as number;
  const range = deep.patterns.childRange(deep.lo[s] as number, deep.hi[s] as number, d, byte);
  let child = -1;
  if (range !== null) {
    const [lo, hi] = range;
    // Its failure state: where the failure state of `s` goes with `byte` (shallower, so this ends).
    const f = nextState(a, deep.fail[s] as number, byte);
    const ends = deep.patterns.endsPattern(lo, d + 1);
    child = a.depth.length;
    a.depth.push(d + 1);
    a.matchLength.push(ends ? d + 1 : (a.matchLength[f] as number));
    a.matchPattern.push(ends ? (deep.patterns.original[lo] as number) : (a.matchPattern[f] as number));
    a.liveDepth.push(deep.patterns.hasChildren(hi, d + 1) ? d + 1 : (a.liveDepth[f] as number));
    deep.fail.push(f);
    deep.lo.push(lo);
    deep.hi.push(hi);
  }
  deep.children.set(key, child);
  return child;
}

/** The state after `byte` from any state (not for ESC when escapes are skipped). */
export function nextState(a: MaskAutomaton, state: number, byte: number): number {
  let s = state;
  while (s >= a.rowCount) {
    const child = deepChild(a, s, byte);
    if (child >= 0) return child;
    s = a.deep.fail[s] as number;
  }
  return a.transitions[(s << a.columnShift) | (a.classOf[byte] as number)] as number;
}
