import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import dotenv from 'dotenv';
import { parseEnvLines, type EnvLine } from '../../../shared/manifest';
import { REALISTIC_ENV } from './envFixture';

function assignment(lines: readonly EnvLine[], key: string) {
  const line = lines.find((candidate) => candidate.kind === 'assignment' && candidate.key === key);
  if (line?.kind !== 'assignment') throw new Error(`no assignment of ${key}`);
  return line;
}

describe('parseEnvLines on a realistic .env', () => {
  const text = REALISTIC_ENV;
  const lines = parseEnvLines(text);

  it('covers the text exactly, line by line', () => {
    expect(lines.map((line) => text.slice(line.start, line.end) + line.newline).join('')).toBe(text);
  });

  it('classifies every line', () => {
    expect(lines.map((line) => (line.kind === 'assignment' ? `${line.kind}:${line.key}` : line.kind))).toEqual([
      'comment',
      'comment',
      'blank',
      'assignment:APP_NAME',
      'assignment:STRIPE_SECRET_KEY',
      'assignment:DATABASE_URL',
      'assignment:SINGLE',
      'assignment:BACKTICK',
      'blank',
      'comment',
      'assignment:PRIVATE_KEY',
      'assignment:EMPTY',
      'assignment:EMPTY_QUOTED',
      'assignment:HASH_IN_QUOTES',
      'assignment:HASH_UNQUOTED',
      'assignment:SPACED',
      'other',
      'assignment:COLON',
      'assignment:LAST',
    ]);
  });

  it('reads keys, export prefixes, quotes, spans and inline comments', () => {
    const stripe = assignment(lines, 'STRIPE_SECRET_KEY');
    expect(stripe).toMatchObject({ exported: true, quote: 'double', value: 'sk_test_abc123', inlineComment: '# test mode' });
    expect(text.slice(stripe.valueStart, stripe.valueEnd)).toBe('"sk_test_abc123"');
    expect(text.slice(stripe.keyStart, stripe.keyEnd)).toBe('STRIPE_SECRET_KEY');

    const database = assignment(lines, 'DATABASE_URL');
    expect(database).toMatchObject({ exported: false, quote: 'none', value: 'postgres://u:p@localhost/app', inlineComment: undefined });

    expect(assignment(lines, 'SINGLE')).toMatchObject({ quote: 'single', value: 'it\\n stays' });
    expect(assignment(lines, 'BACKTICK')).toMatchObject({ quote: 'backtick', value: "has 'both' \"quotes\"" });

    const key = assignment(lines, 'PRIVATE_KEY');
    expect(key.quote).toBe('double');
    expect(key.value).toBe('-----BEGIN KEY-----\nMIIBOgIBAAJBAK\nline3\n-----END KEY-----');
    expect(text.slice(key.valueStart, key.valueEnd)).toBe('"-----BEGIN KEY-----\r\nMIIBOgIBAAJBAK\r\nline3\r\n-----END KEY-----"');
    expect(key.lineNumber).toBe(11);
    expect(key.inlineComment).toBe('# pem');

    const empty = assignment(lines, 'EMPTY');
    expect(empty).toMatchObject({ value: '', quote: 'none' });
    expect(empty.valueStart).toBe(empty.valueEnd);
    expect(text.slice(empty.start, empty.valueStart)).toBe('EMPTY=');

    expect(assignment(lines, 'EMPTY_QUOTED')).toMatchObject({ value: '', quote: 'double' });
    expect(assignment(lines, 'HASH_IN_QUOTES')).toMatchObject({ value: 'a#b # c', inlineComment: '# real comment' });
    expect(assignment(lines, 'HASH_UNQUOTED')).toMatchObject({ value: 'abc', inlineComment: '#def' });
    expect(assignment(lines, 'SPACED')).toMatchObject({ value: 'spaced out', quote: 'none' });
    expect(assignment(lines, 'COLON')).toMatchObject({ value: 'yaml style', separator: ':' });
    expect(assignment(lines, 'LAST')).toMatchObject({ value: 'no newline at end', newline: '' });
  });

  it('agrees with dotenv.parse on every value', () => {
    const mine = Object.fromEntries(
      lines.flatMap((line) => (line.kind === 'assignment' ? [[line.key, line.value] as const] : [])),
    );
    expect(mine).toEqual(dotenv.parse(text));
  });
});

describe('parseEnvLines agrees with dotenv on arbitrary input', () => {
  const piece = fc.constantFrom(
    'A', 'B_1', 'export ', '=', ': ', ' ', '\t', '#', '"', "'", '`', '\\', '\\n', '\n', '\r\n', '\r', 'x', 'val',
    '\u2028', '.', '-', 'KEY', '\uFEFF',
  );
  const envish = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

  it('same keys and values, and the lines cover the text', () => {
    fc.assert(
      fc.property(fc.oneof(envish, fc.string({ maxLength: 80 })), (text) => {
        const lines = parseEnvLines(text);
        expect(lines.map((line) => text.slice(line.start, line.end) + line.newline).join('')).toBe(text);
        const mine: Record<string, string> = {};
        for (const line of lines) if (line.kind === 'assignment') mine[line.key] = line.value;
        expect(mine).toEqual(dotenv.parse(text));
      }),
      { numRuns: 3000 },
    );
  });
});
