// Secret makers: for each rule, how to produce a realistic, well-formed value (from the
// provider's published format) and look-alikes that must not be reported. Shared by the
// unit tests (positives / negatives) and the planted-corpus generator (secrets / decoys).

import type { Rng } from '../rng';

/** Where a value can be planted: assigned to the maker's variable name, bare in prose/logs, or as its own block. */
export type PlantContext = 'assign' | 'bare' | 'block';

export interface PlantedValue {
  /** The text to plant (a value to assign, or a block). */
  readonly text: string;
  /** The part of `text` the rule reports (its finding span). */
  readonly secret: string;
  /** Other findings the same text legitimately produces (e.g. the PEM inside a service-account JSON). */
  readonly also?: readonly { readonly ruleId: string; readonly secret: string }[];
}

export interface Lookalike {
  readonly text: string;
  /** Why it is not a secret (for test names). */
  readonly why: string;
  /**
   * True when no rule at all may report it in the maker's context: usable as a corpus decoy.
   * False for shape look-alikes that a generic rule may legitimately still report.
   */
  readonly decoy: boolean;
}

export interface SecretMaker {
  /** Variable name used in the `assign` context. */
  readonly name: string;
  readonly contexts: readonly PlantContext[];
  make(rng: Rng): PlantedValue;
  lookalikes(rng: Rng): readonly Lookalike[];
}

/** A literal part, or a random part: [charset, length, minimum length the format allows]. */
export type Segment = string | readonly [charset: string, length: number, min?: number];

export interface ShapedOptions {
  readonly contexts?: readonly PlantContext[];
  /** The reported secret starts at this literal (e.g. a URL host) instead of at the start. */
  readonly secretFrom?: string;
  /** Add the glued-to-a-letter look-alike (default true). */
  readonly leftGlue?: boolean;
  /** Add the repeated-character placeholder look-alike (default true). */
  readonly placeholder?: boolean;
  /** Add the broken-by-a-foreign-character look-alike (default true). */
  readonly broken?: boolean;
  readonly extra?: (rng: Rng) => readonly Lookalike[];
}

function render(rng: Rng, segments: readonly Segment[], override?: (index: number, charset: string, length: number) => string): string {
  return segments
    .map((segment, index) => {
      if (typeof segment === 'string') return segment;
      const [charset, length] = segment;
      return override ? override(index, charset, length) : rng.string(charset, length);
    })
    .join('');
}

function placeholderChar(charset: string): string {
  if (charset.includes('x')) return 'x';
  if (charset.includes('X')) return 'X';
  return charset[0] as string;
}

function randomIndexes(segments: readonly Segment[]): number[] {
  return segments.flatMap((s, i) => (typeof s === 'string' ? [] : [i]));
}

/** A token built from literal and random segments, with automatic look-alikes. */
export function shaped(name: string, segments: readonly Segment[], options: ShapedOptions = {}): SecretMaker {
  const contexts = options.contexts ?? ['assign', 'bare'];
  const randoms = randomIndexes(segments);
  const last = randoms[randoms.length - 1] as number;
  const longest = randoms.reduce((a, b) => ((segments[b] as readonly [string, number])[1] > (segments[a] as readonly [string, number])[1] ? b : a));
  const secretOf = (text: string): string => (options.secretFrom ? text.slice(text.indexOf(options.secretFrom)) : text);

  return {
    name,
    contexts,
    make: (rng) => {
      const text = render(rng, segments);
      return { text, secret: secretOf(text) };
    },
    lookalikes: (rng) => {
      // Shape look-alikes are decoys when they stand bare; assigned to a secret-like name a
      // generic rule may rightly still report a high-entropy value.
      const decoy = contexts.includes('bare');
      const out: Lookalike[] = [];
      const [, lastLength, lastMin] = segments[last] as readonly [string, number, number?];
      const min = lastMin ?? lastLength;
      if (min >= 4) {
        out.push({
          text: render(rng, segments, (i, cs, n) => rng.string(cs, i === last ? min - 3 : n)),
          why: 'too short',
          decoy,
        });
      }
      if (options.placeholder !== false) {
        out.push({ text: render(rng, segments, (_i, cs, n) => placeholderChar(cs).repeat(n)), why: 'placeholder', decoy: true });
      }
      const [, longLength, longMin] = segments[longest] as readonly [string, number, number?];
      const cut = Math.max(1, Math.min(longLength - 2, (longMin ?? longLength) - 2));
      if (options.broken !== false) {
        out.push({
          text: render(rng, segments, (i, cs, n) => (i === longest ? `${rng.string(cs, cut)}#${rng.string(cs, n - cut - 1)}` : rng.string(cs, n))),
          why: 'broken by a character outside the charset',
          decoy,
        });
      }
      if (options.leftGlue !== false) {
        out.push({ text: `q${render(rng, segments)}`, why: 'glued to a preceding letter', decoy });
      }
      if (options.extra) out.push(...options.extra(rng));
      return out;
    },
  };
}

export interface NamedOptions {
  /** Add the wrong-length look-alike (default true; off for free-form generic values). */
  readonly wrongLength?: boolean;
  readonly extra?: (rng: Rng) => readonly Lookalike[];
}

/** A value recognised only through the name it is assigned to. */
export function named(name: string, segments: readonly Segment[], options: NamedOptions = {}): SecretMaker {
  const randoms = randomIndexes(segments);
  const last = randoms[randoms.length - 1] as number;
  const words = name.toLowerCase().replace(/_/g, '-');
  return {
    name,
    contexts: ['assign'],
    make: (rng) => {
      const text = render(rng, segments);
      return { text, secret: text };
    },
    lookalikes: (rng) => [
      { text: `your-${words}-here`, why: 'placeholder text', decoy: true },
      { text: `\${${name}}`, why: 'reference to an environment variable', decoy: true },
      { text: '*'.repeat(24), why: 'masked value', decoy: true },
      ...(options.wrongLength === false
        ? []
        : [
            {
              text: render(rng, segments, (i, cs, n) => {
                const min = (segments[i] as readonly [string, number, number?])[2];
                return rng.string(cs, i === last ? Math.max(1, min === undefined ? Math.floor(n / 2) : min - 3) : n);
              }),
              why: 'wrong length for the format',
              decoy: false,
            },
          ]),
      ...(options.extra ? options.extra(rng) : []),
    ],
  };
}

/** Fully custom maker. */
export function custom(name: string, contexts: readonly PlantContext[], make: (rng: Rng) => PlantedValue, lookalikes: (rng: Rng) => readonly Lookalike[]): SecretMaker {
  return { name, contexts, make, lookalikes };
}

const H = '0123456789abcdef';
/** A random version-4 UUID as segments. */
export const UUID_SEGMENTS: readonly Segment[] = [[H, 8], '-', [H, 4], '-4', [H, 3], '-', ['89ab', 1], [H, 3], '-', [H, 12]];
