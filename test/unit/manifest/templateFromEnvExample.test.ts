import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GUESSED_SHAPE_IDS,
  defaultGuessShape,
  parseTemplate,
  serializeTemplate,
  templateFromEnvExample,
} from '../../../shared/manifest';
import { STUB_SHAPES } from '../../../shared/stubs';
import { KNOWN_SHAPE_IDS } from './fixtures';

const ENV_EXAMPLE = [
  '# Payments service — copy to .env',
  '',
  '# Stripe test key, see https://dashboard.stripe.com/test/apikeys.',
  'STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxx',
  'GITHUB_TOKEN=',
  'DATABASE_URL=postgres://app:app@localhost:5432/app',
  'REDIS_URL=redis://localhost:6379',
  'OPENAI_API_KEY= # from platform.openai.com',
  'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
  'AWS_SECRET_ACCESS_KEY=',
  'SENTRY_AUTH_TOKEN=',
  'export JWT_SECRET=change-me',
  'PROD_DATABASE_URL=postgres://readonly@prod-db.internal/app',
  'PROD_API_KEY=',
  'PORT=3000',
  'NODE_ENV=development',
  'API_BASE_URL=http://localhost:8080',
  'lowercase_var=1',
  'GITHUB_TOKEN=again',
].join('\n');

describe('defaultGuessShape', () => {
  it.each([
    ['STRIPE_SECRET_KEY', '', 'stripe-secret-key'],
    ['PAYMENTS_KEY', 'sk_live_abc', 'stripe-secret-key'],
    ['GITHUB_TOKEN', '', 'github-pat'],
    ['DATABASE_URL', '', 'postgres-url'],
    ['DATABASE_URL', 'mysql://root@localhost/app', 'mysql-url'],
    ['MAIN_DB', 'postgresql://localhost/app', 'postgres-url'],
    ['REDIS_URL', '', 'redis-url'],
    ['OPENAI_API_KEY', '', 'openai-api-key'],
    ['ANTHROPIC_API_KEY', 'sk-ant-xxx', 'anthropic-api-key'],
    ['AWS_ACCESS_KEY_ID', '', 'aws-access-key-id'],
    ['AWS_SECRET_ACCESS_KEY', '', 'aws-secret-access-key'],
    ['SESSION_SECRET', '', 'hex-32'],
    ['JWT_SECRET', 'change-me', 'jwt-signing-secret'],
    ['POSTGRES_PASSWORD', 'postgres', 'password'],
    ['SENTRY_DSN', '', 'sentry-dsn'],
    ['PORT', '3000', undefined],
    ['SENTRY_AUTH_TOKEN', '', undefined],
  ])('%s=%s -> %s', (key, value, shape) => {
    expect(defaultGuessShape(key, value)).toBe(shape);
  });

  it('only returns ids of the stub catalogue', () => {
    const catalogue = new Set(STUB_SHAPES.map((shape) => shape.id));
    expect(DEFAULT_GUESSED_SHAPE_IDS.filter((id) => !catalogue.has(id))).toEqual([]);
    expect(new Set(DEFAULT_GUESSED_SHAPE_IDS).size).toBe(DEFAULT_GUESSED_SHAPE_IDS.length);
  });
});

describe('templateFromEnvExample', () => {
  const result = templateFromEnvExample(ENV_EXAMPLE, '.env.example', { project: 'Payments API' });

  it('turns each secret-looking variable into an entry with a guessed class', () => {
    expect(result.template).toStrictEqual({
      version: 1,
      project: 'payments-api',
      secrets: {
        STRIPE_SECRET_KEY: {
          class: 'stub',
          description: 'Stripe test key, see https://dashboard.stripe.com/test/apikeys.',
          docs: 'https://dashboard.stripe.com/test/apikeys',
          shape: 'stripe-secret-key',
        },
        GITHUB_TOKEN: { class: 'stub', shape: 'github-pat' },
        DATABASE_URL: { class: 'stub', shape: 'postgres-url' },
        REDIS_URL: { class: 'stub', shape: 'redis-url' },
        OPENAI_API_KEY: { class: 'stub', description: 'from platform.openai.com', shape: 'openai-api-key' },
        AWS_ACCESS_KEY_ID: { class: 'stub', shape: 'aws-access-key-id' },
        AWS_SECRET_ACCESS_KEY: { class: 'stub', shape: 'aws-secret-access-key' },
        SENTRY_AUTH_TOKEN: { class: 'personal', token: 'sentry-auth-token' },
        JWT_SECRET: { class: 'stub', shape: 'jwt-signing-secret' },
        PROD_DATABASE_URL: {
          class: 'prod',
          shape: 'postgres-url',
          provider: { type: 'postgres', resource: 'prod-database-url' },
        },
        PROD_API_KEY: {
          class: 'prod',
          provider: {
            type: 'command',
            mint: ['sh', '-c', "echo 'latch: say in latch.yaml how PROD_API_KEY is obtained' >&2; exit 1"],
          },
        },
      },
      environments: {},
    });
  });

  it('says what it skipped and what to check, located in the file', () => {
    expect(result.notes.map((note) => note.format())).toEqual([
      '.env.example:13:1: guessed class prod for PROD_DATABASE_URL; check its provider resource',
      '.env.example:14:1: guessed class prod for PROD_API_KEY; replace its placeholder provider with how the value is obtained',
      '.env.example:15:1: PORT looks like configuration rather than a secret; declare it by hand if it is one',
      '.env.example:16:1: NODE_ENV looks like configuration rather than a secret; declare it by hand if it is one',
      '.env.example:17:1: API_BASE_URL looks like configuration rather than a secret; declare it by hand if it is one',
      '.env.example:18:1: lowercase_var is not an environment variable name latch.yaml can declare',
      '.env.example:19:1: GITHUB_TOKEN is assigned again; the first assignment was used',
    ]);
  });

  it('produces a template that parses once written out', () => {
    const parsed = parseTemplate(serializeTemplate(result.template), 'latch.yaml', {
      knownShapeIds: DEFAULT_GUESSED_SHAPE_IDS,
    });
    expect(parsed.ok && parsed.template).toStrictEqual(result.template);
  });

  it('drops guesses outside the known shapes, and uses a custom guesser', () => {
    const limited = templateFromEnvExample('JWT_SECRET=x\nSTRIPE_SECRET_KEY=\n', '.env.example', {
      knownShapeIds: KNOWN_SHAPE_IDS.filter((id) => id !== 'jwt-signing-secret'),
    });
    expect(limited.template.secrets).toEqual({
      JWT_SECRET: { class: 'personal', token: 'jwt-secret' },
      STRIPE_SECRET_KEY: { class: 'stub', shape: 'stripe-secret-key' },
    });
    const custom = templateFromEnvExample('MY_TOKEN=abc\n', '.env.example', { guessShape: () => 'github-pat' });
    expect(custom.template.secrets).toEqual({ MY_TOKEN: { class: 'stub', shape: 'github-pat' } });
    expect(custom.template.project).toBe('my-project');
  });
});
