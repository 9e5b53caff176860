// One-pass multi-keyword search (Aho-Corasick compiled to a dense DFA over a small alphabet).
// ASCII letters are folded to lowercase on the fly, so the text is never copied or lowercased.

export interface KeywordHits {
  /**
   * seen[k] is 1 when keyword k occurs. The array is reused by the next scan of the same
   * automaton: read it before scanning again.
   */
  readonly seen: Uint8Array;
  /** End offsets (exclusive) of every occurrence, for keywords scanned with positions. */
  readonly positions: ReadonlyArray<readonly number[] | undefined>;
}

export interface KeywordAutomaton {
  readonly keywords: readonly string[];
  /** Finds keywords in one pass; `withPositions[k]` asks for every end offset of keyword k. */
  scan(text: string, withPositions: Uint8Array): KeywordHits;
}

export function createKeywordAutomaton(keywordList: readonly string[]): KeywordAutomaton {
  const keywords = keywordList.map((k) => k.toLowerCase());
  for (const k of keywords) {
    if (k.length === 0) throw new Error('empty keyword');
    for (let i = 0; i < k.length; i++) {
      if (k.charCodeAt(i) > 127) throw new Error('keywords must be ASCII');
    }
  }

  // Alphabet: one class per distinct keyword character; class 0 is "any other character".
  const classOf = new Uint8Array(128);
  let classCount = 1;
  for (const k of keywords) {
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (classOf[c] === 0) classOf[c] = classCount++;
    }
  }
  for (let c = 65; c <= 90; c++) classOf[c] = classOf[c + 32] as number;

  // Trie.
  const gotoRows: Int32Array[] = [new Int32Array(classCount).fill(-1)];
  const own: number[][] = [[]];
  keywords.forEach((k, id) => {
    let s = 0;
    for (let i = 0; i < k.length; i++) {
      const cls = classOf[k.charCodeAt(i)] as number;
      const row = gotoRows[s] as Int32Array;
      let next = row[cls] as number;
      if (next < 0) {
        next = gotoRows.length;
        row[cls] = next;
        gotoRows.push(new Int32Array(classCount).fill(-1));
        own.push([]);
      }
      s = next;
    }
    (own[s] as number[]).push(id);
  });

  // Renumber states breadth-first so the shallow states, where the automaton spends nearly all
  // its time, share a few cache lines at the start of the table.
  const order: number[] = [0];
  for (let q = 0; q < order.length; q++) {
    const row = gotoRows[order[q] as number] as Int32Array;
    for (let cls = 0; cls < classCount; cls++) if ((row[cls] as number) > 0) order.push(row[cls] as number);
  }
  const renumber = new Int32Array(order.length);
  order.forEach((old, index) => {
    renumber[old] = index;
  });
  const trie: Int32Array[] = order.map((old) => (gotoRows[old] as Int32Array).map((next) => (next < 0 ? -1 : (renumber[next] as number))));
  const ownOutputs: number[][] = order.map((old) => [...(own[old] as number[])]);

  // Failure links (BFS) folded into a complete transition table of state indexes (Uint16 when
  // possible, to stay in cache). The hot loop is one dependent load per character.
  const stateCount = trie.length;
  const width = classCount;
  const delta = stateCount < 65536 ? new Uint16Array(stateCount * width) : new Uint32Array(stateCount * width);
  const fail = new Int32Array(stateCount);
  const outputs: number[][] = ownOutputs;
  const queue: number[] = [];
  const root = trie[0] as Int32Array;
  for (let cls = 0; cls < classCount; cls++) {
    const next = root[cls] as number;
    if (next > 0) {
      fail[next] = 0;
      delta[cls] = next;
      queue.push(next);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q] as number;
    const row = trie[s] as Int32Array;
    const f = fail[s] as number;
    for (let cls = 0; cls < classCount; cls++) {
      const next = row[cls] as number;
      if (next >= 0) {
        fail[next] = delta[f * width + cls] as number;
        (outputs[next] as number[]).push(...(outputs[fail[next] as number] as number[]));
        delta[s * width + cls] = next;
        queue.push(next);
      } else {
        delta[s * width + cls] = delta[f * width + cls] as number;
      }
    }
  }
  // Flat output lists: outputs of state s are outList[outStart[s] .. outStart[s + 1]).
  const outStart = new Int32Array(stateCount + 1);
  const flat: number[] = [];
  outputs.forEach((o, s) => {
    outStart[s] = flat.length;
    flat.push(...new Set(o));
  });
  outStart[stateCount] = flat.length;
  const outList = Int32Array.from(flat);
  const hasOutput = new Uint8Array(stateCount);
  for (let s = 0; s < stateCount; s++) hasOutput[s] = outStart[s + 1] !== outStart[s] ? 1 : 0;
  // Class of every UTF-16 code unit (non-keyword characters are class 0): no branch per char.
  const classOfUnit = new Uint8Array(65536);
  classOfUnit.set(classOf);

  // Scratch reused across scans (scans are synchronous, so never concurrent).
  const seen = new Uint8Array(keywords.length);
  const watch = new Uint8Array(stateCount);

  function scan(text: string, withPositions: Uint8Array): KeywordHits {
    seen.fill(0);
    const positions: (number[] | undefined)[] = [];
    // States whose keywords are all seen and need no positions stop being checked.
    watch.set(hasOutput);
    const n = text.length;
    let s = 0;
    for (let i = 0; i < n; i++) {
      s = delta[s * width + (classOfUnit[text.charCodeAt(i)] as number)] as number;
      if (watch[s] !== 0) {
        let keep = 0;
        const end = outStart[s + 1] as number;
        for (let j = outStart[s] as number; j < end; j++) {
          const k = outList[j] as number;
          seen[k] = 1;
          if (withPositions[k] === 1) {
            keep = 1;
            const list = positions[k];
            if (list) list.push(i + 1);
            else positions[k] = [i + 1];
          }
        }
        watch[s] = keep;
      }
    }
    return { seen, positions };
  }

  return { keywords, scan };
}
