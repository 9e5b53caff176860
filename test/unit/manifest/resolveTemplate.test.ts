import { describe, expect, it } from 'vitest';
import { parseTemplate, resolveTemplate, type Template } from '../../../shared/manifest';
import { PARSE_OPTIONS, yaml } from './fixtures';

function parse(text: string): Template {
  const result = parseTemplate(text, 'latch.yaml', PARSE_OPTIONS);
  if (!result.ok) throw new Error(result.errors.map((error) => error.format()).join('\n'));
  return result.template;
}

const TEMPLATE = parse(
  yaml(
    'version: 1',
    'project: shop',
    'defaults: { ttl: 2h, maxTtl: 6h }',
    'secrets:',
    '  STRIPE_SECRET_KEY: { class: stub, shape: stripe-secret-key, owner: payments }',
    '  GITHUB_TOKEN: { class: personal, token: github-work, description: packages }',
    '  DATABASE_URL:',
    '    class: dynamic',
    '    provider: { type: postgres, server: local-pg, grants: [SELECT] }',
    '    maxTtl: 1h',
    'environments:',
    '  staging:',
    '    defaults: { ttl: 30m, onExpiry: stub-only }',
    '    secrets:',
    '      STRIPE_SECRET_KEY: { class: personal, token: stripe-staging }',
    '      GITHUB_TOKEN: { class: stub, shape: github-pat }',
    '      DATABASE_URL: { provider: { type: postgres, server: staging-pg } }',
    '  production:',
    '    secrets:',
    '      DATABASE_URL: { class: prod, provider: { type: postgres, resource: prod-db }, maxTtl: 2h, ttl: 90m }',
  ),
);

describe('resolveTemplate', () => {
  it('without an environment: entries plus settled lease values', () => {
    const result = resolveTemplate(TEMPLATE);
    expect(result).toEqual({
      ok: true,
      resolved: {
        project: 'shop',
        environment: undefined,
        secrets: [
          {
            name: 'STRIPE_SECRET_KEY',
            class: 'stub',
            owner: 'payments',
            shape: 'stripe-secret-key',
            ttlSeconds: 7200,
            maxTtlSeconds: 21600,
            onExpiry: 'end-shell',
          },
          {
            name: 'GITHUB_TOKEN',
            class: 'personal',
            description: 'packages',
            token: 'github-work',
            ttlSeconds: 7200,
            maxTtlSeconds: 21600,
            onExpiry: 'end-shell',
          },
          {
            name: 'DATABASE_URL',
            class: 'dynamic',
            provider: { type: 'postgres', server: 'local-pg', grants: ['SELECT'] },
            // the inherited 2h ttl is clamped to the entry's own 1h max
            ttlSeconds: 3600,
            maxTtlSeconds: 3600,
            onExpiry: 'end-shell',
          },
        ],
      },
    });
  });

  it('applies an environment: class changes drop the old class fields, metadata stays', () => {
    const result = resolveTemplate(TEMPLATE, 'staging');
    if (!result.ok) throw new Error(result.message);
    const byName = Object.fromEntries(result.resolved.secrets.map((secret) => [secret.name, secret]));
    expect(byName.STRIPE_SECRET_KEY).toStrictEqual({
      name: 'STRIPE_SECRET_KEY',
      class: 'personal',
      owner: 'payments',
      shape: 'stripe-secret-key',
      token: 'stripe-staging',
      ttlSeconds: 1800,
      maxTtlSeconds: 21600,
      onExpiry: 'stub-only',
    });
    expect(byName.GITHUB_TOKEN).toStrictEqual({
      name: 'GITHUB_TOKEN',
      class: 'stub',
      description: 'packages',
      shape: 'github-pat',
      ttlSeconds: 1800,
      maxTtlSeconds: 21600,
      onExpiry: 'stub-only',
    });
    // Same class: the provider is replaced as a whole (grants are not inherited).
    expect(byName.DATABASE_URL).toMatchObject({
      class: 'dynamic',
      provider: { type: 'postgres', server: 'staging-pg' },
      ttlSeconds: 1800,
      maxTtlSeconds: 3600,
    });
    expect(byName.DATABASE_URL && 'provider' in byName.DATABASE_URL && byName.DATABASE_URL.provider).toStrictEqual({
      type: 'postgres',
      server: 'staging-pg',
    });
  });

  it('dynamic -> prod in production uses the override provider and lease values', () => {
    const result = resolveTemplate(TEMPLATE, 'production');
    if (!result.ok) throw new Error(result.message);
    expect(result.resolved.secrets.find((secret) => secret.name === 'DATABASE_URL')).toStrictEqual({
      name: 'DATABASE_URL',
      class: 'prod',
      provider: { type: 'postgres', resource: 'prod-db' },
      ttlSeconds: 5400,
      maxTtlSeconds: 7200,
      onExpiry: 'end-shell',
    });
    expect(result.resolved.secrets.map((secret) => secret.class)).toEqual(['stub', 'personal', 'prod']);
  });

  it('rejects an unknown environment with a suggestion', () => {
    expect(resolveTemplate(TEMPLATE, 'stagign')).toEqual({
      ok: false,
      message: 'unknown environment "stagign" for project shop; expected one of staging, production (did you mean "staging"?)',
    });
    expect(resolveTemplate(TEMPLATE, 'toString').ok).toBe(false);
  });

  it('does not change the template', () => {
    const before = structuredClone(TEMPLATE);
    resolveTemplate(TEMPLATE, 'staging');
    resolveTemplate(TEMPLATE, 'production');
    expect(TEMPLATE).toStrictEqual(before);
  });
});

describe('environment overrides are checked merged with their entry', () => {
  it('reports a class change that lacks the new class fields, at the override', () => {
    const result = parseTemplate(
      yaml(
        'version: 1',
        'project: shop',
        'secrets:',
        '  A: { class: personal, token: github-work }',
        'environments:',
        '  ci:',
        '    secrets:',
        '      A: { class: dynamic }',
        '      B: { class: stub }',
      ),
      'latch.yaml',
      PARSE_OPTIONS,
    );
    expect(result.ok ? [] : result.errors.map((error) => error.format())).toEqual([
      'latch.yaml:8:7: dynamic secret A in environment ci has no provider; expected provider: {type: postgres | command, …}',
      'latch.yaml:9:7: unknown secret "B" in environment ci; expected a secret declared under secrets',
    ]);
  });

  it('keeps a personal token when the override keeps the class', () => {
    const template = parse(
      yaml(
        'version: 1',
        'project: shop',
        'secrets:',
        '  A: { class: personal, token: github-work }',
        'environments:',
        '  ci: { secrets: { A: { description: in CI } } }',
      ),
    );
    const result = resolveTemplate(template, 'ci');
    expect(result.ok && result.resolved.secrets[0]).toMatchObject({ class: 'personal', token: 'github-work', description: 'in CI' });
  });

  it('a token written for a class it does not belong to is reported at the override', () => {
    const result = parseTemplate(
      yaml(
        'version: 1',
        'project: shop',
        'secrets:',
        '  A: { class: stub, shape: github-pat }',
        'environments:',
        '  ci: { secrets: { A: { token: github-ci } } }',
      ),
      'latch.yaml',
      PARSE_OPTIONS,
    );
    expect(result.ok ? [] : result.errors.map((error) => error.format())).toEqual([
      'latch.yaml:6:25: token does not apply to stub secret A in environment ci; only personal secrets have a token',
    ]);
  });
});
