import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTemplate, serializeTemplate, templateSchema } from '../../../shared/manifest';
import { PARSE_OPTIONS, readExample } from './fixtures';

const EXAMPLE = readExample();
const EXAMPLE_OPTIONS = { knownShapeIds: ['stripe-secret-key', 'github-pat'] };

/** Fragments that make YAML-ish and template-ish text. */
const fragment = fc.constantFrom(
  'version: 1\n', 'project: demo\n', 'secrets:\n', 'environments:\n', '  staging:\n', '    secrets:\n',
  '  A:\n', '  B_KEY: ', '    class: ', 'stub', 'personal', 'dynamic', 'prod', '    shape: ', 'github-pat',
  '{ prefix: x_, charset: hex, length: 8 }', '    token: ', 'github-work', '    provider: ',
  '{ type: postgres, server: local-pg }', '{ type: command, mint: [a, b] }', '    ttl: ', '15m', '2h', '    maxTtl: ',
  '1h', 'defaults: { ttl: 1h }\n', '\n', ' ', '\t', ':', '- ', '[', ']', '{', '}', ',', '"', "'", '&a ', '*a', '!!str ',
  '? ', '#', '---\n', '...\n', '~', 'null', '0x1F', '1e9', '\r\n', '\u2028', '\uFEFF', '\u0000',
);
const yamlish = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));

/** The example with a few characters deleted, inserted or replaced. */
const mutatedExample = fc
  .array(fc.tuple(fc.nat({ max: EXAMPLE.length }), fc.nat({ max: 3 }), fc.string({ maxLength: 3 })), {
    minLength: 1,
    maxLength: 4,
  })
  .map((edits) =>
    edits.reduce((text, [at, removed, inserted]) => text.slice(0, at) + inserted + text.slice(at + removed), EXAMPLE),
  );

function checkOutcome(text: string, knownShapeIds: readonly string[]): void {
  const result = parseTemplate(text, 'latch.yaml', { knownShapeIds });
  if (result.ok) {
    // A success is a valid template, and writing it out reads back the same.
    expect(templateSchema.safeParse(result.template).success).toBe(true);
    const again = parseTemplate(serializeTemplate(result.template), 'latch.yaml', { knownShapeIds });
    expect(again.ok && again.template).toStrictEqual(result.template);
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.column).toBeGreaterThanOrEqual(1);
      expect(error.message).not.toBe('');
      expect(error.message).not.toContain('internal error');
    }
  }
}

describe('parseTemplate never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => checkOutcome(text, PARSE_OPTIONS.knownShapeIds)),
      { numRuns: 300 },
    );
  });

  it('on YAML-ish text built from template fragments', () => {
    fc.assert(
      fc.property(yamlish, (text) => checkOutcome(text, PARSE_OPTIONS.knownShapeIds)),
      { numRuns: 1000 },
    );
  });

  it('on the documented example with random edits', () => {
    fc.assert(
      fc.property(mutatedExample, (text) => checkOutcome(text, EXAMPLE_OPTIONS.knownShapeIds)),
      { numRuns: 200 },
    );
  });

  it('on pathological nesting and aliases', () => {
    for (const text of [
      '['.repeat(5000),
      `${'a: '.repeat(2000)}b`,
      `a: &a [*a]\nsecrets: *a\n`,
      `x: &x [${'*x,'.repeat(200)}]\n`,
      `version: 1\nproject: p\nsecrets:\n  A: &e { class: dynamic, provider: { type: postgres, server: s, grants: *e } }\n`,
    ]) {
      expect(() => parseTemplate(text, 'latch.yaml', PARSE_OPTIONS)).not.toThrow();
      expect(parseTemplate(text, 'latch.yaml', PARSE_OPTIONS).ok).toBe(false);
    }
  });
});

describe('pathological nesting', () => {
  it('refuses deeply nested YAML with a located error instead of running out of memory', () => {
    const deepBlock = parseTemplate('version: 1\nsecrets:\n  A:\n' + '- '.repeat(200_000) + 'x', 'latch.yaml', PARSE_OPTIONS);
    expect(deepBlock.ok).toBe(false);
    if (!deepBlock.ok) expect(deepBlock.errors[0]).toMatchObject({ line: 4, column: 1, message: expect.stringMatching(/indented more than/) });
    const deepFlow = parseTemplate('version: 1\nsecrets: ' + '['.repeat(10_000), 'latch.yaml', PARSE_OPTIONS);
    expect(deepFlow.ok).toBe(false);
    if (!deepFlow.ok) expect(deepFlow.errors[0]?.message).toMatch(/nested more than/);
  });
});
