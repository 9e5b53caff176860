// Random templates, for round-trip and reader-agreement properties.
import fc from 'fast-check';
import {
  CHARSET_IDS,
  EXPIRY_ACTIONS,
  type Provider,
  type SecretEntry,
  type Shape,
  type Template,
} from '../../../shared/manifest';
import { KNOWN_SHAPE_IDS } from './fixtures';

const text = fc.string({ maxLength: 30 });
const kebab = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}$/);
const envVar = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,12}$/);
const duration = fc.integer({ min: 1, max: 30 * 86400 });
const shape: fc.Arbitrary<Shape> = fc.oneof(
  fc.constantFrom(...KNOWN_SHAPE_IDS),
  fc.record(
    {
      prefix: fc.stringMatching(/^[!-~]{0,10}$/),
      charset: fc.constantFrom(...CHARSET_IDS, 'base62', 'ABCDEF0123456789', '!#$%'),
      length: fc.integer({ min: 1, max: 512 }),
      checksum: fc.constant('crc32-base62' as const),
    },
    { requiredKeys: ['charset', 'length'] },
  ),
);
const command = fc.oneof(text.filter((value) => value.trim() !== ''), fc.array(text.filter((value) => value !== ''), { minLength: 1, maxLength: 4 }));
const provider: fc.Arbitrary<Provider> = fc.oneof(
  fc.record(
    {
      type: fc.constant('postgres' as const),
      server: kebab,
      resource: kebab,
      database: text.filter((value) => value !== ''),
      grants: fc.array(text.filter((value) => value !== ''), { minLength: 1, maxLength: 3 }),
    },
    { requiredKeys: ['type', 'server'] },
  ),
  fc.record({ type: fc.constant('command' as const), mint: command, revoke: command, resource: kebab }, { requiredKeys: ['type', 'mint'] }),
);
const metadata = {
  description: text,
  owner: text,
  docs: fc.webUrl({ validSchemes: ['https', 'http'] }),
  rotationSeconds: duration,
  onExpiry: fc.constantFrom(...EXPIRY_ACTIONS),
};
const entry: fc.Arbitrary<SecretEntry> = fc.oneof(
  fc.record({ class: fc.constant('stub' as const), shape, ...metadata }, { requiredKeys: ['class', 'shape'] }),
  fc.record(
    { class: fc.constant('personal' as const), token: kebab, shape, ...metadata },
    { requiredKeys: ['class', 'token'] },
  ),
  fc.record(
    { class: fc.constantFrom('dynamic' as const, 'prod' as const), provider, shape, ...metadata },
    { requiredKeys: ['class', 'provider'] },
  ),
);
export const templateArbitrary: fc.Arbitrary<Template> = fc
  .record({
    project: kebab,
    description: fc.option(text, { nil: undefined }),
    secrets: fc.dictionary(envVar, entry, { maxKeys: 6 }),
    staging: fc.boolean(),
  })
  .map(({ project, description, secrets, staging }): Template => {
    const first = Object.keys(secrets)[0];
    const environments: Template['environments'] =
      staging && first !== undefined
        ? { staging: { defaults: { onExpiry: 'end-shell' }, secrets: { [first]: { description: 'in staging' } } } }
        : {};
    return {
      version: 1 as const,
      project,
      ...(description !== undefined ? { description } : {}),
      defaults: { ttlSeconds: 1800, maxTtlSeconds: 7200 },
      secrets,
      environments,
    };
  });

