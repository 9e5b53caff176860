import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSkipTable, MIN_SKIP_WINDOW, skipAhead } from '../../../shared/redact/skip-table';
import { utf8 } from './bytes';

/** Does the first `window` bytes of some pattern occur in `buf` at `at`? */
function windowStartsAt(patterns: readonly Uint8Array[], window: number, buf: Uint8Array, at: number): boolean {
  return patterns.some((p) => {
    for (let k = 0; k < window; k++) if (buf[at + k] !== p[k]) return false;
    return true;
  });
}

// A small alphabet, so that windows, blocks and hash collisions meet often.
const ALPHABET = [...'abcAB01 =/\n'].map((c) => c.charCodeAt(0));
const bytesArb = (min: number, max: number): fc.Arbitrary<Uint8Array> =>
  fc.array(fc.constantFrom(...ALPHABET), { minLength: min, maxLength: max }).map((b) => Uint8Array.from(b));

describe('skip table', () => {
  it('is not built when the shortest pattern is too short to pay off', () => {
    expect(buildSkipTable([])).toBeNull();
    expect(buildSkipTable([utf8('long enough value'), utf8('abc')])).toBeNull();
    expect(buildSkipTable([utf8('x'.repeat(MIN_SKIP_WINDOW))])?.window).toBe(MIN_SKIP_WINDOW);
  });

  it('never skips a position where a pattern can start, and stops at each candidate or near the limit', () => {
    fc.assert(
      fc.property(
        fc.array(bytesArb(MIN_SKIP_WINDOW, 30), { minLength: 1, maxLength: 8 }),
        bytesArb(0, 400),
        fc.nat({ max: 400 }),
        (patterns, buf, limitArb) => {
          const table = buildSkipTable(patterns);
          if (table === null) return;
          const limit = Math.min(buf.length, limitArb);
          let from = 0;
          while (from + table.window <= limit) {
            const p = skipAhead(table, buf, from, limit);
            expect(p).toBeGreaterThanOrEqual(from);
            expect(p).toBeLessThan(Math.max(limit, from + 1));
            for (let q = from; q < p && q + table.window <= limit; q++) expect(windowStartsAt(patterns, table.window, buf, q)).toBe(false);
            // A prefix of a pattern running into the limit is never skipped either.
            for (let q = Math.max(from, limit - table.window + 1); q < p; q++) {
              const tail = buf.subarray(q, limit);
              expect(patterns.some((pat) => tail.every((b, k) => pat[k] === b))).toBe(false);
            }
            from = p + 1;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
