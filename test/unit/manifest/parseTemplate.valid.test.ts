import { describe, expect, it } from 'vitest';
import { parseTemplate, templateSchema, type Template } from '../../../shared/manifest';
import { STUB_SHAPES } from '../../../shared/stubs';
import { HEAD, PARSE_OPTIONS, readExample, yaml } from './fixtures';

const FULL = yaml(
  '# payments service',
  'version: 1',
  'project: payments-api',
  'description: Payments service',
  'defaults: { ttl: 1h, maxTtl: 8h, onExpiry: end-shell }',
  'secrets:',
  '  STRIPE_SECRET_KEY:',
  '    class: stub',
  '    description: Stripe API key for local dev',
  '    owner: payments-team',
  '    docs: https://wiki.example.com/stripe',
  '    rotation: 90d',
  '    shape: stripe-secret-key',
  '  WEBHOOK_SECRET:',
  '    class: stub',
  '    shape: { prefix: whsec_, charset: base64url, length: 32, checksum: crc32-base62 }',
  '  GITHUB_TOKEN:',
  '    class: personal',
  '    token: github-work',
  '  DATABASE_URL:',
  '    class: dynamic',
  '    provider: { type: postgres, server: local-pg, database: payments, grants: [ "SELECT ON ALL TABLES IN SCHEMA public" ] }',
  '    ttl: 15m',
  '    maxTtl: 1h',
  '  SEARCH_KEY:',
  '    class: dynamic',
  '    provider: { type: command, mint: "./mint-key --ttl 15m", revoke: [./revoke-key, --all] }',
  '  PROD_DB_URL:',
  '    class: prod',
  '    provider: { type: postgres, resource: prod-db }',
  '    ttl: 1h30m',
  '    onExpiry: stub-only',
  '    shape: postgres-url',
  'environments:',
  '  staging:',
  '    description: Shared staging',
  '    defaults: { ttl: 30m, onExpiry: stub-only }',
  '    secrets:',
  '      STRIPE_SECRET_KEY: { class: personal, token: stripe-staging }',
  '      DATABASE_URL: { ttl: 20m }',
  '  ci: {}',
);

const EXPECTED: Template = {
  version: 1,
  project: 'payments-api',
  description: 'Payments service',
  defaults: { ttlSeconds: 3600, maxTtlSeconds: 28800, onExpiry: 'end-shell' },
  secrets: {
    STRIPE_SECRET_KEY: {
      class: 'stub',
      description: 'Stripe API key for local dev',
      owner: 'payments-team',
      docs: 'https://wiki.example.com/stripe',
      rotationSeconds: 90 * 86400,
      shape: 'stripe-secret-key',
    },
    WEBHOOK_SECRET: {
      class: 'stub',
      shape: { prefix: 'whsec_', charset: 'base64url', length: 32, checksum: 'crc32-base62' },
    },
    GITHUB_TOKEN: { class: 'personal', token: 'github-work' },
    DATABASE_URL: {
      class: 'dynamic',
      provider: {
        type: 'postgres',
        server: 'local-pg',
        database: 'payments',
        grants: ['SELECT ON ALL TABLES IN SCHEMA public'],
      },
      ttlSeconds: 900,
      maxTtlSeconds: 3600,
    },
    SEARCH_KEY: {
      class: 'dynamic',
      provider: { type: 'command', mint: './mint-key --ttl 15m', revoke: ['./revoke-key', '--all'] },
    },
    PROD_DB_URL: {
      class: 'prod',
      provider: { type: 'postgres', resource: 'prod-db' },
      ttlSeconds: 5400,
      onExpiry: 'stub-only',
      shape: 'postgres-url',
    },
  },
  environments: {
    staging: {
      description: 'Shared staging',
      defaults: { ttlSeconds: 1800, onExpiry: 'stub-only' },
      secrets: {
        STRIPE_SECRET_KEY: { class: 'personal', token: 'stripe-staging' },
        DATABASE_URL: { ttlSeconds: 1200 },
      },
    },
    ci: { secrets: {} },
  },
};

describe('parseTemplate on valid templates', () => {
  it('parses a full template to the expected object', () => {
    const result = parseTemplate(FULL, 'latch.yaml', PARSE_OPTIONS);
    if (!result.ok) throw new Error(result.errors.map((error) => error.format()).join('\n'));
    expect(result.template).toStrictEqual(EXPECTED);
    expect(Object.keys(result.template.secrets)).toEqual([
      'STRIPE_SECRET_KEY',
      'WEBHOOK_SECRET',
      'GITHUB_TOKEN',
      'DATABASE_URL',
      'SEARCH_KEY',
      'PROD_DB_URL',
    ]);
    expect(templateSchema.parse(result.template)).toStrictEqual(EXPECTED);
  });

  it('warns (without failing) about secrets that cannot be re-stubbed', () => {
    const result = parseTemplate(FULL, 'latch.yaml', PARSE_OPTIONS);
    expect(result.ok).toBe(true);
    // Staging makes every lease stub-only; STRIPE_SECRET_KEY keeps its shape, the others have none.
    expect(result.warnings.map((warning) => warning.format())).toEqual([
      'latch.yaml:40:7: dynamic secret DATABASE_URL in environment staging has no shape to re-stub it with when its lease ends (onExpiry: stub-only); add a shape',
    ]);
  });

  it('parses the documented EXAMPLE.latch.yaml without warnings', () => {
    const result = parseTemplate(readExample(), 'EXAMPLE.latch.yaml', {
      knownShapeIds: ['stripe-secret-key', 'github-pat'],
    });
    if (!result.ok) throw new Error(result.errors.map((error) => error.format()).join('\n'));
    expect(result.warnings).toEqual([]);
    expect(templateSchema.safeParse(result.template).success).toBe(true);
    expect(Object.keys(result.template.secrets)).toEqual([
      'STRIPE_SECRET_KEY',
      'WEBHOOK_SIGNING_SECRET',
      'GITHUB_TOKEN',
      'DATABASE_URL',
      'SEARCH_API_KEY',
      'PROD_DB_URL',
    ]);
    expect(Object.keys(result.template.environments)).toEqual(['staging']);
  });

  it('parses the example with the real stub catalogue', () => {
    const result = parseTemplate(readExample(), 'EXAMPLE.latch.yaml', {
      knownShapeIds: STUB_SHAPES.map((shape) => shape.id),
    });
    expect(result.ok).toBe(true);
  });

  it('accepts a custom shape with an alias or spelled-out characters', () => {
    const text = yaml(
      ...HEAD,
      '  A: { class: stub, shape: { charset: base62, length: 40 } }',
      '  B: { class: stub, shape: { prefix: "x-", charset: "ABCDEF0123456789", length: 16 } }',
    );
    const result = parseTemplate(text, 'latch.yaml', PARSE_OPTIONS);
    expect(result.ok && result.template.secrets).toEqual({
      A: { class: 'stub', shape: { charset: 'base62', length: 40 } },
      B: { class: 'stub', shape: { prefix: 'x-', charset: 'ABCDEF0123456789', length: 16 } },
    });
  });

  it('follows YAML anchors and aliases', () => {
    const text = yaml(
      ...HEAD,
      '  A: &pg { class: dynamic, provider: { type: postgres, server: local-pg } }',
      '  B: *pg',
    );
    const result = parseTemplate(text, 'latch.yaml', PARSE_OPTIONS);
    expect(result.ok && result.template.secrets.B).toEqual({
      class: 'dynamic',
      provider: { type: 'postgres', server: 'local-pg' },
    });
  });

  it('accepts an empty secrets map with a warning', () => {
    const result = parseTemplate(yaml('version: 1', 'project: demo', 'secrets: {}'), 'latch.yaml', PARSE_OPTIONS);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((warning) => warning.format())).toEqual(['latch.yaml:3:10: no secrets declared']);
  });

  it('reports every error of a template, not just the first', () => {
    const text = yaml(
      'version: 1',
      'project: demo',
      'secrets:',
      '  A: { class: stb, shape: github-pat }',
      '  B: { class: personal }',
      '  C: { class: dynamic, provider: { type: pg } }',
    );
    const result = parseTemplate(text, 'latch.yaml', PARSE_OPTIONS);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((error) => `${error.line}:${error.column}`)).toEqual([
      '4:15',
      '5:3',
      '6:42',
    ]);
  });
});

describe('secret values stay out of messages', () => {
  const VALUE = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';
  const places = [
    yaml(...HEAD, `  STRIPE_KEY: ${VALUE}`),
    yaml(...HEAD, `  STRIPE_KEY: { class: personal, token: ${VALUE} }`),
    yaml(...HEAD, `  STRIPE_KEY: { class: stub, shape: github-pat, description: [${VALUE}] }`),
    yaml(...HEAD, `  STRIPE_KEY: { class: stub, shape: github-pat, docs: "see ${VALUE}" }`),
    yaml(...HEAD, `  STRIPE_KEY: { class: stub, shape: github-pat, docs: "ftp://x.example.com/?k=${VALUE}" }`),
    yaml(...HEAD, `  STRIPE_KEY: { class: dynamic, provider: { type: command, mint: [1, ${VALUE}, 2] } }`),
    yaml(...HEAD, `  STRIPE_KEY: { class: dynamic, provider: { type: postgres, server: local-pg, grants: [${VALUE}, 3] } }`),
  ];
  it.each(places.map((text, index) => ({ index, text })))('case $index', ({ text }) => {
    const result = parseTemplate(text, 'latch.yaml', PARSE_OPTIONS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) expect(error.message).not.toContain('4eC39HqLyjWDarjtT1zdp7dc');
  });
});
