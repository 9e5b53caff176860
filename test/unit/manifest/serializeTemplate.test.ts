import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeTemplateText, parseTemplate, serializeTemplate } from '../../../shared/manifest';
import { PARSE_OPTIONS, readExample, yaml } from './fixtures';
import { templateArbitrary } from './arbitraries';

describe('serializeTemplate', () => {
  it('writes what parseTemplate reads back identically', () => {
    fc.assert(
      fc.property(templateArbitrary, (original) => {
        const written = serializeTemplate(original);
        const parsed = parseTemplate(written, 'latch.yaml', PARSE_OPTIONS);
        if (!parsed.ok) throw new Error(`${written}\n${parsed.errors.map((error) => error.format()).join('\n')}`);
        // fast-check builds null-prototype objects, so compare by value (toEqual), not prototype.
        expect(parsed.template).toEqual(original);
        expect(Object.keys(parsed.template.secrets)).toEqual(Object.keys(original.secrets));
      }),
      { numRuns: 300 },
    );
  });

  it('is stable: same template, same text', () => {
    const parsed = parseTemplate(readExample(), 'latch.yaml', { knownShapeIds: ['stripe-secret-key', 'github-pat'] });
    if (!parsed.ok) throw new Error('example does not parse');
    const once = serializeTemplate(parsed.template);
    const reparsed = parseTemplate(once, 'latch.yaml', { knownShapeIds: ['stripe-secret-key', 'github-pat'] });
    expect(reparsed.ok && serializeTemplate(reparsed.template)).toBe(once);
  });

  it('writes the canonical layout', () => {
    const written = serializeTemplate({
      version: 1,
      project: 'demo',
      defaults: { ttlSeconds: 5400 },
      secrets: {
        B: { class: 'personal', token: 'github-work', description: 'Token: with colon' },
        A: { class: 'dynamic', maxTtlSeconds: 3600, provider: { type: 'postgres', server: 'local-pg' }, ttlSeconds: 900 },
      },
      environments: {},
    });
    expect(written).toBe(
      yaml(
        'version: 1',
        'project: demo',
        '',
        'defaults: { ttl: 1h30m }',
        '',
        'secrets:',
        '  B:',
        '    class: personal',
        '    description: "Token: with colon"',
        '    token: github-work',
        '',
        '  A:',
        '    class: dynamic',
        '    provider: { type: postgres, server: local-pg }',
        '    ttl: 15m',
        '    maxTtl: 1h',
      ),
    );
  });
});

describe('mergeTemplateText', () => {
  const EXISTING = yaml(
    '# Team template — edit with care',
    'version: 1',
    'project: demo # the id',
    '',
    'secrets:',
    '  # Stripe, test mode',
    '  STRIPE_SECRET_KEY:',
    '    class: stub',
    "    shape: 'stripe-secret-key' # quoted on purpose",
    '',
    '  GITHUB_TOKEN: { class: personal, token: github-work }',
    '',
    '# trailing comment',
  );

  it('adds new entries, keeps existing ones and every comment', () => {
    const result = mergeTemplateText(EXISTING, {
      GITHUB_TOKEN: { class: 'stub', shape: 'github-pat' },
      REDIS_URL: { class: 'stub', shape: 'redis-url', description: 'cache' },
      DATABASE_URL: { class: 'dynamic', provider: { type: 'postgres', server: 'local-pg' } },
    });
    if (!result.ok) throw new Error(result.errors.map((error) => error.format()).join('\n'));
    expect(result.added).toEqual(['REDIS_URL', 'DATABASE_URL']);
    expect(result.kept).toEqual(['GITHUB_TOKEN']);
    expect(result.text).toBe(
      yaml(
        '# Team template — edit with care',
        'version: 1',
        'project: demo # the id',
        '',
        'secrets:',
        '  # Stripe, test mode',
        '  STRIPE_SECRET_KEY:',
        '    class: stub',
        "    shape: 'stripe-secret-key' # quoted on purpose",
        '',
        '  GITHUB_TOKEN: { class: personal, token: github-work }',
        '',
        '  REDIS_URL:',
        '    class: stub',
        '    description: cache',
        '    shape: redis-url',
        '',
        '  DATABASE_URL:',
        '    class: dynamic',
        '    provider: { type: postgres, server: local-pg }',
        '',
        '# trailing comment',
      ),
    );
    const parsed = parseTemplate(result.text, 'latch.yaml', PARSE_OPTIONS);
    expect(parsed.ok && Object.keys(parsed.template.secrets)).toEqual([
      'STRIPE_SECRET_KEY',
      'GITHUB_TOKEN',
      'REDIS_URL',
      'DATABASE_URL',
    ]);
  });

  it('returns the text unchanged when nothing is new', () => {
    const result = mergeTemplateText(EXISTING, { GITHUB_TOKEN: { class: 'personal', token: 'x' } });
    expect(result).toEqual({ ok: true, text: EXISTING, added: [], kept: ['GITHUB_TOKEN'] });
  });

  it('creates the secrets map when it is missing, empty or inline', () => {
    for (const start of ['version: 1\nproject: demo\n', 'version: 1\nproject: demo\nsecrets:\n', 'version: 1\nproject: demo\nsecrets: {}\n']) {
      const result = mergeTemplateText(start, { A: { class: 'stub', shape: 'github-pat' } });
      if (!result.ok) throw new Error('merge failed');
      const parsed = parseTemplate(result.text, 'latch.yaml', PARSE_OPTIONS);
      expect(parsed.ok && parsed.template.secrets).toEqual({ A: { class: 'stub', shape: 'github-pat' } });
    }
  });

  it('refuses broken YAML with located errors', () => {
    const result = mergeTemplateText('secrets: [\n', { A: { class: 'stub', shape: 'github-pat' } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.format()).toMatch(/^latch\.yaml:\d+:\d+: YAML syntax error: /);
    const list = mergeTemplateText('secrets: [a]\n', { A: { class: 'stub', shape: 'github-pat' } });
    expect(!list.ok && list.errors.map((error) => error.format())).toEqual([
      'latch.yaml:1:10: secrets must be a mapping; cannot add secrets',
    ]);
  });
});
