// Custom shapes declared in a project template (latch.yaml `shape: {…}`):
//   { prefix?, charset, length, checksum? }
// as shared/manifest reads them: `length` is the random part; the prefix comes before
// it and the checksum, if any, after it.
// `charset` is a named set (see NAMED_CHARSETS: alphanumeric/base62, lower-alphanumeric/
// alnum-lower, upper-alphanumeric/alnum-upper, hex, upper-hex, digits, base64, base64url)
// or else the literal characters allowed (2-94 distinct printable ASCII, no space); a name
// always wins, so "hex" means 0-9a-f, never the letters h, e, x.
// `checksum: 'crc32-base62'` appends GitHub/npm's 6-character base62 CRC-32 of the random
// part (not the prefix), whatever its charset.
//
// The random part begins with the stub marker the charset can spell (LATCHSTUB,
// latchstub, or the keypad digits 528247882) when at least 64 bits of randomness remain
// after it; otherwise the stub carries no marker and is recognised only by the broker's
// exact record of issued stubs.

import { crc32Base62Tail, hasValidCrc32Base62Tail } from '../scan/checksums';
import { charClass, escapeRegExp, isNamedCharset, isWithin, NAMED_CHARSETS, resolveCharset } from './charsets';
import { STUB_MARKER, STUB_MARKER_DIGITS, STUB_MARKER_LOWER } from './marker';
import { defineShape, type StubShape } from './shape';

export interface CustomShapeSpec {
  readonly prefix?: string;
  /** A NamedCharset name or a literal string of allowed characters. */
  readonly charset: string;
  /** Length of the random part (marker included); prefix and checksum come on top. */
  readonly length: number;
  readonly checksum?: 'crc32-base62';
}

export type CustomShapeField = 'spec' | 'prefix' | 'charset' | 'length' | 'checksum';

export interface CustomShapeIssue {
  readonly field: CustomShapeField;
  readonly message: string;
}

export const CUSTOM_SHAPE_LIMITS = Object.freeze({
  maxPrefixLength: 64,
  minLength: 1,
  maxLength: 512,
  minCharsetSize: 2,
  maxCharsetSize: 94,
  checksumLength: 6,
  /** Randomness that must remain after the marker for the marker to be placed. */
  minRandomBitsAfterMarker: 64,
});

const KNOWN_FIELDS = new Set(['prefix', 'charset', 'length', 'checksum']);
const PRINTABLE = /^[\x21-\x7e]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function charsetIssues(charset: unknown): CustomShapeIssue[] {
  if (typeof charset !== 'string') return [{ field: 'charset', message: 'charset must be a string' }];
  if (isNamedCharset(charset)) return [];
  const issues = literalCharsetIssues(charset);
  // "alphanum", "lowercase", "hex-upper": a mistyped name, not a literal set; say so.
  if (issues.length > 0 && /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(charset)) {
    return [
      {
        field: 'charset',
        message: `unknown charset "${charset}"; expected one of ${Object.keys(NAMED_CHARSETS).join(', ')}, or a literal string of the allowed characters`,
      },
    ];
  }
  return issues;
}

function literalCharsetIssues(charset: string): CustomShapeIssue[] {
  const issues: CustomShapeIssue[] = [];
  if (!PRINTABLE.test(charset)) {
    issues.push({ field: 'charset', message: 'a literal charset may only contain printable ASCII characters, no spaces' });
  }
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const char of charset) (seen.has(char) ? repeated : seen).add(char);
  if (repeated.size > 0) {
    issues.push({ field: 'charset', message: `charset repeats ${[...repeated].map((c) => JSON.stringify(c)).join(', ')}` });
  }
  const { minCharsetSize, maxCharsetSize } = CUSTOM_SHAPE_LIMITS;
  if (seen.size < minCharsetSize || seen.size > maxCharsetSize) {
    issues.push({
      field: 'charset',
      message: `charset must be a named charset or ${minCharsetSize}-${maxCharsetSize} distinct characters (got ${seen.size})`,
    });
  }
  return issues;
}

/** Every problem with `spec` (empty when valid). Pure; accepts any parsed YAML/JSON value. */
export function validateCustomShape(spec: unknown): CustomShapeIssue[] {
  if (!isRecord(spec)) return [{ field: 'spec', message: 'a custom shape must be an object { prefix?, charset, length, checksum? }' }];
  const issues: CustomShapeIssue[] = [];
  for (const key of Object.keys(spec)) {
    if (!KNOWN_FIELDS.has(key)) issues.push({ field: 'spec', message: `unknown field "${key}"` });
  }
  const { prefix, charset, length, checksum } = spec;
  if (prefix !== undefined) {
    if (typeof prefix !== 'string') issues.push({ field: 'prefix', message: 'prefix must be a string' });
    else if (!PRINTABLE.test(prefix)) issues.push({ field: 'prefix', message: 'prefix may only contain printable ASCII characters, no spaces' });
    else if (prefix.length > CUSTOM_SHAPE_LIMITS.maxPrefixLength) {
      issues.push({ field: 'prefix', message: `prefix is longer than ${CUSTOM_SHAPE_LIMITS.maxPrefixLength} characters` });
    }
  }
  issues.push(...charsetIssues(charset));
  const { minLength, maxLength } = CUSTOM_SHAPE_LIMITS;
  if (typeof length !== 'number' || !Number.isInteger(length) || length < minLength || length > maxLength) {
    issues.push({ field: 'length', message: `length must be an integer from ${minLength} to ${maxLength}` });
  }
  if (checksum !== undefined && checksum !== 'crc32-base62') {
    issues.push({ field: 'checksum', message: 'checksum must be "crc32-base62" or absent' });
  }
  return issues;
}

/** The marker a body of `randomLength` characters from `alphabet` carries, if any. */
export function customShapeMarker(alphabet: string, randomLength: number): string | undefined {
  const bitsPerChar = Math.log2(alphabet.length);
  for (const candidate of [STUB_MARKER, STUB_MARKER_LOWER, STUB_MARKER_DIGITS]) {
    const bitsLeft = (randomLength - candidate.length) * bitsPerChar;
    if (isWithin(candidate, alphabet) && bitsLeft >= CUSTOM_SHAPE_LIMITS.minRandomBitsAfterMarker) return candidate;
  }
  return undefined;
}

/** A StubShape for a valid custom spec; throws with every issue if the spec is invalid. */
export function customStubShape(spec: CustomShapeSpec): StubShape {
  const issues = validateCustomShape(spec);
  if (issues.length > 0) {
    throw new Error(`invalid custom stub shape: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`);
  }
  const prefix = spec.prefix ?? '';
  const alphabet = resolveCharset(spec.charset);
  const withChecksum = spec.checksum === 'crc32-base62';
  const randomLength = spec.length;
  const marker = customShapeMarker(alphabet, randomLength);
  const charsetName = isNamedCharset(spec.charset) ? spec.charset : `[${spec.charset}]`;
  return defineShape({
    id: 'custom',
    provider: 'custom',
    summary:
      `Custom shape: ${prefix ? `prefix ${JSON.stringify(prefix)} + ` : ''}${randomLength} characters of ${charsetName}` +
      `${withChecksum ? ' + a 6-character base62 CRC-32 of them' : ''}.`,
    pattern: new RegExp(
      `^${escapeRegExp(prefix)}${charClass(alphabet)}{${randomLength}}${withChecksum ? '[0-9A-Za-z]{6}' : ''}$`,
    ),
    marker: marker === undefined ? 'none (the charset or length leaves no room for one).' : `the body begins with ${marker}.`,
    ...(marker === undefined ? {} : { markerPattern: new RegExp(`^${escapeRegExp(prefix + marker)}`) }),
    ...(withChecksum
      ? {
          checksum: {
            kind: 'crc32-base62',
            isValid: (value: string) => value.startsWith(prefix) && hasValidCrc32Base62Tail(value.slice(prefix.length)),
          },
        }
      : {}),
    generate: (random) => {
      const markerText = marker ?? '';
      const body = markerText + random.chars(alphabet, randomLength - markerText.length);
      return prefix + body + (withChecksum ? crc32Base62Tail(body) : '');
    },
  });
}
