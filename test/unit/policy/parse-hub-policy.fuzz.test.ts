import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_POLICY_DURATION_SECONDS, MAX_POLICY_LENGTH, parseHubPolicy, type PolicyParseResult, WEEKDAYS } from '../../../shared/policy';
import { readDocsExample } from './fixtures';

const EXAMPLE = readDocsExample();

/** Fragments that make YAML-ish and policy-ish text. */
const fragment = fc.constantFrom(
  'version: 1\n', 'resources:\n', 'defaults:\n', '  orders-db:\n', '  b:\n', '    provider: ', '{ type: postgres, server: p }',
  '{ type: command, mint: [a, b], timeout: 30s }', '    requesters: ', '    approvers: ', '[sre]', '[a, b]', '[]',
  '    approvals: ', '2', '0', '-1', '1.5', '    max_duration: ', '1h30m', '8d', '0s', '    reason_required: ', 'true', 'yes',
  '    hours: ', '{ days: [mon, fri], from: "22:00", to: "06:00", timezone: Europe/Berlin }', '      days: ', '      from: ',
  '"08:00"', '24:00', '      timezone: ', 'Nope/Zone', '\n', ' ', '\t', ':', '- ', '[', ']', '{', '}', ',', '"', "'", '&a ', '*a',
  '!!str ', '!!binary ', '? ', '#', '---\n', '...\n', '~', 'null', '0x1F', '1e9', '.inf', '\r\n', '\u2028', '\uFEFF', '\u0000', '%YAML 1.1\n',
  '<<: *a\n', '|\n', '>-\n',
);
const yamlish = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));

/** The documented example with a few characters deleted, inserted or replaced. */
const mutatedExample = fc
  .array(fc.tuple(fc.nat({ max: EXAMPLE.length }), fc.nat({ max: 4 }), fc.constantFrom('', ' ', '\n', ':', '- ', '[', ']', '{', '}', ',', '"', '#', '&a', '*a', 'x', '0', '\t', '  ')), { minLength: 1, maxLength: 5 })
  .map((edits) => edits.reduce((text, [at, removed, inserted]) => text.slice(0, at) + inserted + text.slice(at + removed), EXAMPLE));

/** The example with whole lines removed, duplicated or swapped. */
const shuffledLines = fc
  .array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('drop', 'copy', 'swap')), { minLength: 1, maxLength: 4 })
  .map((edits) => {
    const lines = EXAMPLE.split('\n');
    for (const [a, b, op] of edits) {
      const i = a % lines.length;
      const j = b % lines.length;
      if (op === 'drop') lines.splice(i, 1);
      else if (op === 'copy') lines.splice(j, 0, lines[i] ?? '');
      else [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    }
    return lines.join('\n');
  });

function checkOutcome(text: string, result: PolicyParseResult = parseHubPolicy(text)): void {
  const lineCount = text.split(/\r\n|\r|\n/).length + 1;
  if (result.ok) {
    for (const warning of result.warnings) expect(warning.line).toBeGreaterThanOrEqual(1);
    for (const [id, resource] of result.policy.resources) {
      expect(resource.id).toBe(id);
      expect(resource.id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
      expect(resource.requesters.length).toBeGreaterThan(0);
      expect(resource.approvers.length).toBeGreaterThan(0);
      expect(Number.isSafeInteger(resource.approvals) && resource.approvals >= 1).toBe(true);
      for (const seconds of [resource.maxDurationSeconds, resource.requestTimeoutSeconds]) {
        expect(seconds > 0 && seconds <= MAX_POLICY_DURATION_SECONDS && Number.isInteger(seconds)).toBe(true);
      }
      expect(typeof resource.reasonRequired).toBe('boolean');
      if (resource.hours) {
        expect(resource.hours.days.every((d) => WEEKDAYS.includes(d))).toBe(true);
        expect(resource.hours.from).not.toBe(resource.hours.to);
      }
    }
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.line).toBeLessThanOrEqual(lineCount);
      expect(problem.column).toBeGreaterThanOrEqual(1);
      expect(problem.message).not.toBe('');
      expect(problem.message).not.toContain('internal error');
    }
  }
}

describe('parseHubPolicy never throws', () => {
  it('on arbitrary UTF-16 strings (lone surrogates and control characters included)', () => {
    const anyText = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }).map((codes) => String.fromCharCode(...codes));
    fc.assert(fc.property(anyText, (text) => checkOutcome(text)), { numRuns: 300 });
  });

  it('on arbitrary ASCII, where YAML punctuation is dense', () => {
    const ascii = fc.array(fc.integer({ min: 0, max: 0x7f }), { maxLength: 300 }).map((codes) => String.fromCharCode(...codes));
    fc.assert(fc.property(ascii, (text) => checkOutcome(text)), { numRuns: 300 });
  });

  it('on YAML-ish text built from policy fragments', () => {
    fc.assert(fc.property(yamlish, (text) => checkOutcome(text)), { numRuns: 500 });
  });

  it('on the documented example with random character edits', () => {
    fc.assert(fc.property(mutatedExample, (text) => checkOutcome(text)), { numRuns: 200 });
  });

  it('on the documented example with lines dropped, copied or swapped', () => {
    fc.assert(fc.property(shuffledLines, (text) => checkOutcome(text)), { numRuns: 150 });
  });

  it('on values that are not text at all', () => {
    for (const value of [null, undefined, 42, {}, [], new Uint8Array([0xff, 0xfe])]) {
      const result = parseHubPolicy(value as unknown as string);
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.problems).toEqual([{ line: 1, column: 1, message: expect.stringMatching(/^expected the policy as text; found /) }]);
    }
  });

  it('on YAML that means null, or documents of other types', () => {
    for (const text of ['null', '~', '--- null', '42', '"text"', '[]', 'true', '!!binary aGVsbG8=']) {
      const result = parseHubPolicy(text);
      expect(result.ok).toBe(false);
      checkOutcome(text, result);
    }
  });

  it('on binary garbage', () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919 + 13) % 65_536));
    checkOutcome(bytes.join(''));
  });

  it('on pathological nesting, quickly and with one located problem', () => {
    const cases: [string, string][] = [
      ['['.repeat(200_000), '1:33'],
      ['{a: '.repeat(50_000), '1:129'],
      ['- '.repeat(100_000) + 'x', '1:1'],
      ['- '.repeat(100_000), '1:1'],
      [`version: 1\n${' '.repeat(500)}\n${'- '.repeat(100)}\n`, '3:1'],
      ['? '.repeat(100_000) + 'x', '1:1'],
      ['- ['.repeat(60_000), '1:99'],
      [`version: 1\nresources:\n  a:\n    requesters: ${'['.repeat(40)}${']'.repeat(40)}\n`, '4:49'],
      ['a:\n' + Array.from({ length: 200 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n'), '130:1'],
    ];
    for (const [text, place] of cases) {
      const started = performance.now();
      const result = parseHubPolicy(text);
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(result.ok ? [] : result.problems.map((p) => `${p.line}:${p.column}`)).toEqual([place]);
    }
  });

  it('on self-referencing and exponential aliases', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    for (const text of [
      'version: 1\nresources: &r\n  a: *r\n',
      'version: 1\nresources:\n  a: &x\n    requesters: [*x]\n    approvers: *x\n    provider: *x\n',
      `${laughs.join('\n')}\nversion: 1\nresources:\n  j:\n    requesters: *j\n    approvers: *j\n    provider: *j\n`,
      'version: 1\nresources:\n  a:\n    requesters: *nope\n',
    ]) {
      const started = performance.now();
      checkOutcome(text);
      expect(parseHubPolicy(text).ok).toBe(false);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it('refuses a text over the size limit without reading it, and reads one just under it', () => {
    const big = parseHubPolicy(`version: 1\nresources: {}\n${'#'.repeat(MAX_POLICY_LENGTH)}`);
    expect(big).toEqual({ ok: false, problems: [{ line: 1, column: 1, message: 'the policy is too large (257 KiB); at most 256 KiB is read' }] });

    const resource = (i: number): string => `  r${i}:\n    provider: { type: postgres, server: p }\n    requesters: [a]\n    approvers: [b]\n`;
    let text = 'version: 1\nresources:\n';
    let count = 0;
    while (text.length + resource(count).length <= MAX_POLICY_LENGTH) text += resource(count++);
    const started = performance.now();
    const result = parseHubPolicy(text);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.ok && result.policy.resources.size).toBe(count);
  });

  it('lets blank and comment-only lines be as wide as they like', () => {
    const text = `version: 1\n${' '.repeat(500)}\nresources: {}\n${' '.repeat(300)}# wide comment\n`;
    expect(parseHubPolicy(text).ok).toBe(true);
  });

  it('caps the number of problems it lists', () => {
    const text = `version: 1\nresources:\n${Array.from({ length: 800 }, (_, i) => `  r${i}: 1\n`).join('')}`;
    const result = parseHubPolicy(text);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(501);
    expect(problems[500]?.message).toBe('… and 300 more problems not shown');
  });
});
