import { describe, expect, it } from 'vitest';
import { generateStub, isStubValue, STUB_SHAPES, stubShapeById, type StubShape } from '../../../shared/stubs';
import { testSeed } from './seeds';

const STUBS_PER_SHAPE = 1000;
const stubCache = new Map<string, string[]>();

function stubsOf(shape: StubShape): string[] {
  let stubs = stubCache.get(shape.id);
  if (stubs === undefined) {
    stubs = Array.from({ length: STUBS_PER_SHAPE }, (_, i) => generateStub(shape, testSeed(shape.id, i)));
    stubCache.set(shape.id, stubs);
  }
  return stubs;
}

/** Shapes whose checksum detects any single-character substitution. */
const SUBSTITUTION_DETECTING = new Set(['crc32-base62', 'crc32-hex-le', 'bech32', 'hs256-signature']);

describe('built-in catalogue', () => {
  it('has at least 45 shapes with unique kebab-case ids', () => {
    expect(STUB_SHAPES.length).toBeGreaterThanOrEqual(45);
    const ids = STUB_SHAPES.map((shape) => shape.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('includes every shape the template format promises', () => {
    const required = [
      'github-pat', 'github-fine-grained-pat', 'github-oauth', 'github-app-token', 'gitlab-pat', 'npm-token',
      'pypi-token', 'stripe-secret-key', 'stripe-publishable-key', 'stripe-restricted-key', 'stripe-webhook-secret',
      'aws-access-key-id', 'aws-secret-access-key', 'slack-bot-token', 'slack-user-token', 'slack-webhook-url',
      'openai-api-key', 'anthropic-api-key', 'google-api-key', 'sendgrid-api-key', 'twilio-api-key',
      'twilio-account-sid', 'mailgun-api-key', 'postgres-url', 'mysql-url', 'redis-url', 'mongodb-url', 'amqp-url',
      'jwt-signing-secret', 'jwt', 'rsa-private-key-pem', 'ec-private-key-pem', 'openssh-private-key',
      'age-secret-key', 'vault-token', 'doppler-token', 'datadog-api-key', 'sentry-dsn', 'discord-bot-token',
      'telegram-bot-token', 'shopify-access-token', 'digitalocean-token', 'heroku-api-key', 'hex-32', 'base64-32',
      'uuid', 'password',
    ];
    for (const id of required) expect(stubShapeById(id), id).toBeDefined();
    expect(stubShapeById('no-such-shape')).toBeUndefined();
  });

  it('describes every shape and its marker', () => {
    for (const shape of STUB_SHAPES) {
      expect(shape.provider.length, shape.id).toBeGreaterThan(0);
      expect(shape.marker.length, shape.id).toBeGreaterThan(0);
      expect(shape.description, shape.id).toContain(`Stub marker: ${shape.marker}`);
      expect(shape.pattern.source.startsWith('^') && shape.pattern.source.endsWith('$'), shape.id).toBe(true);
      expect(shape.pattern.flags, shape.id).toBe('');
      expect(shape.markerPattern, shape.id).toBeInstanceOf(RegExp);
      expect(Object.isFrozen(shape), shape.id).toBe(true);
    }
  });
});

describe.each(STUB_SHAPES.map((shape) => [shape.id, shape] as const))('%s', (_id, shape) => {
  it(`${STUBS_PER_SHAPE} stubs from different seeds match the documented pattern`, () => {
    for (const stub of stubsOf(shape)) expect(shape.pattern.test(stub), stub).toBe(true);
  });

  it('every stub carries the marker and is recognised by isStubValue', () => {
    for (const stub of stubsOf(shape)) {
      expect(shape.markerPattern?.test(stub), stub).toBe(true);
      expect(isStubValue(stub), stub).toBe(true);
    }
  });

  it('stubs from different seeds are all different', () => {
    expect(new Set(stubsOf(shape)).size).toBe(STUBS_PER_SHAPE);
  });

  it('the same seed always gives the same stub', () => {
    const seed = testSeed(shape.id, 0);
    expect(generateStub(shape, seed)).toBe(generateStub(shape, seed));
    expect(generateStub(shape, seed)).toBe(stubsOf(shape)[0]);
  });

  const checksum = shape.checksum;
  if (checksum !== undefined) {
    it(`every stub passes its ${checksum.kind} check`, () => {
      for (const stub of stubsOf(shape)) expect(checksum.isValid(stub), stub).toBe(true);
    });

    it(`the ${checksum.kind} check rejects damaged values`, () => {
      const stub = stubsOf(shape)[1] as string;
      expect(checksum.isValid(stub.slice(0, -4))).toBe(false);
      expect(checksum.isValid(stub.slice(4))).toBe(false);
      if (SUBSTITUTION_DETECTING.has(checksum.kind)) {
        for (let at = stub.length - 1; at > stub.length - 40 && at > 0; at -= 3) {
          const original = stub[at] as string;
          const replacement = original === 'Q' ? 'R' : 'Q';
          const damaged = stub.slice(0, at) + replacement + stub.slice(at + 1);
          expect(checksum.isValid(damaged), damaged).toBe(false);
        }
      }
    });
  }
});
