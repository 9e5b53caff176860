import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMasker, type MaskedSecret, type MaskerOptions } from '../../../shared/redact/index';
import { ESC, INCOMPLETE, invisibleEscapeEnd } from '../../../shared/redact/escapes';
import { collectPatterns } from '../../../shared/redact/patterns';
import { concatBytes, indexOfBytes, maskChunks, oneByteChunks, runChunks, splitAt, utf8 } from './bytes';
import { markerFor, referenceMask } from './reference-masker';

// Characters values and filler are drawn from: ASCII (base64 and URL-special ones
// included), multibyte UTF-8, and none of ESC, '<', '>' (so markers stand out).
const CHARS = [...'abcdefghAB012345+/=_-.%&?: \n\t', 'é', 'ß', '€', '日', '😀'];
const charString = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...CHARS), { minLength: min, maxLength: max }).map((cs) => cs.join(''));

const secretsArb: fc.Arbitrary<MaskedSecret[]> = fc
  .array(charString(4, 14), { minLength: 1, maxLength: 4 })
  .map((values) => values.map((value, i) => ({ name: `S${i}`, value })));

const ESCAPES = ['\x1b[31m', '\x1b', '\x1b[3', '\x1bP1$r\x1b\\', '\x1b[0m', '\x1b[1;38;5;196m', '\x1b[K', '\x1b(B', '\x1b]0;title\x07', '\x1b]8;;u\x1b\\', '\x1b7'];

/** One piece of output, built from the secrets: a value in some form, filler or an escape. */
function segmentArb(secrets: MaskedSecret[]): fc.Arbitrary<Uint8Array> {
  const value = fc.constantFrom(...secrets.map((s) => s.value));
  return fc.oneof(
    charString(0, 12).map(utf8),
    value.map(utf8),
    fc.constantFrom(...ESCAPES).map(utf8),
    fc.uint8Array({ maxLength: 6 }).map((b) => b.map((x) => (x === ESC ? 0 : x))),
    fc.tuple(value, fc.nat()).map(([v, n]) => {
      const chars = [...v];
      return utf8(chars.slice(0, 1 + (n % chars.length)).join('')); // a prefix
    }),
    fc.tuple(value, fc.nat(), fc.constantFrom(...ESCAPES)).map(([v, n, esc]) => {
      const chars = [...v];
      const at = n % (chars.length + 1);
      return utf8(chars.slice(0, at).join('') + esc + chars.slice(at).join('')); // interrupted
    }),
    fc.tuple(value, fc.constantFrom('base64', 'base64url')).map(([v, enc]) => utf8(Buffer.from(v).toString(enc))),
    fc.tuple(value, charString(0, 5), charString(0, 5)).map(([v, a, b]) =>
      utf8(Buffer.from(a + v + b).toString('base64')),
    ),
    value.map((v) => utf8(encodeURIComponent(v))),
  );
}

const caseArb = secretsArb.chain((secrets) =>
  fc.record({
    secrets: fc.constant(secrets),
    input: fc.array(segmentArb(secrets), { maxLength: 14 }).map(concatBytes),
    cuts: fc.array(fc.nat({ max: 400 }), { maxLength: 12 }),
  }),
);

/** The forms a reader would recognise a value by. */
function recognisableForms(value: string): Uint8Array[] {
  const raw = Buffer.from(value);
  return [raw, Buffer.from(raw.toString('base64')), Buffer.from(raw.toString('base64url')), utf8(encodeURIComponent(value))];
}

/** Output with every marker cut out and escape sequences dropped: the pieces a reader sees. */
function visiblePieces(output: Uint8Array, secrets: MaskedSecret[]): Uint8Array[] {
  let pieces = [output];
  for (const s of secrets) {
    const marker = markerFor(s.name);
    pieces = pieces.flatMap((piece) => {
      const out: Uint8Array[] = [];
      let from = 0;
      for (let at = indexOfBytes(piece, marker); at >= 0; at = indexOfBytes(piece, marker, from)) {
        out.push(piece.subarray(from, at));
        from = at + marker.length;
      }
      out.push(piece.subarray(from));
      return out;
    });
  }
  return pieces.map((piece) => {
    const kept: number[] = [];
    for (let i = 0; i < piece.length; ) {
      if (piece[i] === ESC) {
        const end = invisibleEscapeEnd(piece, i, piece.length);
        if (end !== INCOMPLETE && end > i) {
          i = end;
          continue;
        }
      }
      kept.push(piece[i] as number);
      i++;
    }
    return Uint8Array.from(kept);
  });
}

describe('createMasker properties', () => {
  it('masks every value however the output is cut, exactly as the reference does', () => {
    fc.assert(
      fc.property(caseArb, ({ secrets, input, cuts }) => {
        const expected = referenceMask(input, secrets);
        const chunked = maskChunks(createMasker(secrets), splitAt(input, cuts));
        expect(chunked).toEqual(expected);
        for (const piece of visiblePieces(chunked, secrets)) {
          for (const s of secrets) {
            for (const form of recognisableForms(s.value)) expect(indexOfBytes(piece, form)).toBe(-1);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('matches the reference under any options', () => {
    const optionsArb: fc.Arbitrary<MaskerOptions> = fc.record({
      throughEscapes: fc.boolean(),
      minValueBytes: fc.constantFrom(1, 2, 4, 6, 9),
      maxHeldEscapeBytes: fc.constantFrom(2, 8, 4096),
      forms: fc.record({ base64: fc.boolean(), base64Embedded: fc.boolean(), uriComponent: fc.boolean() }),
    });
    fc.assert(
      fc.property(caseArb, optionsArb, ({ secrets, input, cuts }, options) => {
        const chunked = maskChunks(createMasker(secrets, options), splitAt(input, cuts));
        expect(chunked).toEqual(referenceMask(input, secrets, options));
      }),
      { numRuns: 300 },
    );
  });

  it('matches the reference with long values, where output is skipped in strides', () => {
    // Values of 8+ characters: the masker then jumps over filler that cannot hold a value.
    const longSecretsArb: fc.Arbitrary<MaskedSecret[]> = fc
      .array(charString(8, 40), { minLength: 1, maxLength: 4 })
      .map((values) => values.map((value, i) => ({ name: `L${i}`, value })));
    const longCaseArb = longSecretsArb.chain((secrets) =>
      fc.record({
        secrets: fc.constant(secrets),
        input: fc.array(fc.oneof(segmentArb(secrets), charString(20, 120).map(utf8)), { maxLength: 16 }).map(concatBytes),
        cuts: fc.array(fc.nat({ max: 1500 }), { maxLength: 12 }),
        throughEscapes: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(longCaseArb, ({ secrets, input, cuts, throughEscapes }) => {
        const chunked = maskChunks(createMasker(secrets, { throughEscapes }), splitAt(input, cuts));
        expect(chunked).toEqual(referenceMask(input, secrets, { throughEscapes }));
      }),
      { numRuns: 400 },
    );
  });

  it('pushParts gives the same output as push', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.nat({ max: 2000 }), { maxLength: 6 }), ({ secrets, input, cuts }, padding) => {
        // Long plain runs between the pieces, so that held bytes meet large chunks.
        const padded = concatBytes([input, ...padding.map((n) => utf8('.'.repeat(n)))]);
        const chunks = splitAt(padded, cuts.map((c) => c * 5));
        const masker = createMasker(secrets);
        const viaParts = concatBytes([...chunks.flatMap((chunk) => masker.pushParts(chunk)), masker.flush()]);
        expect(viaParts).toEqual(maskChunks(createMasker(secrets), chunks));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same output for 1-byte writes as for one write', () => {
    fc.assert(
      fc.property(caseArb, ({ secrets, input }) => {
        const whole = maskChunks(createMasker(secrets), [input]);
        expect(maskChunks(createMasker(secrets), oneByteChunks(input))).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('passes output holding no value through byte-identical, holding back only a possible start', () => {
    fc.assert(
      fc.property(
        secretsArb,
        fc.uint8Array({ maxLength: 300 }).map((b) => b.map((x) => (x === ESC ? 0 : x))),
        fc.array(fc.nat({ max: 300 }), { maxLength: 8 }),
        (secrets, input, cuts) => {
          fc.pre(referenceMask(input, secrets).length === input.length);
          const masker = createMasker(secrets);
          const pieces = runChunks(masker, splitAt(input, cuts));
          const flushed = pieces.pop() as Uint8Array;
          const pushed = concatBytes(pieces);
          expect(concatBytes([pushed, flushed])).toEqual(input);
          expect(flushed.length).toBe(expectedHold(input, secrets));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('holds nothing back after output that cannot start a value', () => {
    fc.assert(
      fc.property(secretsArb, charString(0, 40), (secrets, filler) => {
        const input = utf8(`${filler}\u0000`); // NUL is in no value
        const masker = createMasker(secrets);
        fc.pre(referenceMask(input, secrets).length === input.length);
        expect(masker.push(input)).toEqual(input);
        expect(masker.heldBytes).toBe(0);
      }),
    );
  });
});

/**
 * What the masker may hold at the end of `input` (no ESC, no value in it): the longest
 * suffix that is a proper prefix of some pattern, widened to a whole UTF-8 character.
 */
function expectedHold(input: Uint8Array, secrets: MaskedSecret[]): number {
  const patterns = collectPatterns(secrets).patterns.map((p) => p.bytes);
  let hold = 0;
  for (const p of patterns) {
    for (let len = Math.min(p.length - 1, input.length); len > hold; len--) {
      if (indexOfBytes(input.subarray(input.length - len), p.subarray(0, len)) === 0) {
        hold = len;
        break;
      }
    }
  }
  let cut = input.length - hold;
  for (let k = 1; k <= 3 && cut - k >= 0; k++) {
    const b = input[cut - k] as number;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 1;
    if (need > k && (cut === input.length || ((input[cut] as number) & 0xc0) === 0x80)) cut -= k;
    break;
  }
  return input.length - cut;
}
