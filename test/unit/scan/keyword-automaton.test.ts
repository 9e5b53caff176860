import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeywordAutomaton } from '../../../shared/scan/keyword-automaton';

function naiveEnds(text: string, keyword: string): number[] {
  const lower = text.toLowerCase();
  const ends: number[] = [];
  for (let i = lower.indexOf(keyword); i >= 0; i = lower.indexOf(keyword, i + 1)) ends.push(i + keyword.length);
  return ends;
}

describe('createKeywordAutomaton', () => {
  it('finds keywords case-insensitively, overlapping and nested', () => {
    const keywords = ['ghp_', 'hp_', 'abab', 'bab', '-----begin'];
    const automaton = createKeywordAutomaton(keywords);
    const hits = automaton.scan('x GHP_123 ababab\n-----BEGIN RSA', Uint8Array.from([1, 1, 1, 1, 1]));
    expect([...hits.seen]).toEqual([1, 1, 1, 1, 1]);
    expect(hits.positions[0]).toEqual([6]);
    expect(hits.positions[1]).toEqual([6]);
    expect(hits.positions[2]).toEqual([14, 16]);
    expect(hits.positions[3]).toEqual([14, 16]);
  });

  it('reports absent keywords as unseen and ignores non-ASCII text', () => {
    const automaton = createKeywordAutomaton(['token', 'akia']);
    const hits = automaton.scan('トークン ünïcödé tok en', Uint8Array.from([1, 1]));
    expect([...hits.seen]).toEqual([0, 0]);
    expect(hits.positions[0]).toBeUndefined();
  });

  it('agrees with a naive search on random texts (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[ab_-]{1,4}$/), { minLength: 1, maxLength: 6 }),
        fc.stringMatching(/^[abAB_\- x]{0,80}$/),
        (keywords, text) => {
          const automaton = createKeywordAutomaton(keywords);
          const hits = automaton.scan(text, new Uint8Array(keywords.length).fill(1));
          keywords.forEach((keyword, k) => {
            const ends = naiveEnds(text, keyword);
            expect(hits.seen[k]).toBe(ends.length > 0 ? 1 : 0);
            expect(hits.positions[k] ?? []).toEqual(ends);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects empty and non-ASCII keywords', () => {
    expect(() => createKeywordAutomaton([''])).toThrow();
    expect(() => createKeywordAutomaton(['tōken'])).toThrow();
  });
});
