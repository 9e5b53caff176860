// latch.yaml spells a few fields differently from the parsed template: durations are
// `ttl: 15m` in the file and `ttlSeconds: 900` in memory.

import type { LeaseDefaults, SecretOverride } from './schema';

export type EntryField = keyof SecretOverride;
export type DefaultsField = keyof LeaseDefaults;

/** Entry keys in the order they are read, written and listed in messages. */
export const ENTRY_FILE_KEYS = [
  'class',
  'description',
  'owner',
  'docs',
  'rotation',
  'shape',
  'token',
  'provider',
  'ttl',
  'maxTtl',
  'onExpiry',
] as const;
export type EntryFileKey = (typeof ENTRY_FILE_KEYS)[number];

export const ENTRY_FIELD_OF_KEY: Record<EntryFileKey, EntryField> = {
  class: 'class',
  description: 'description',
  owner: 'owner',
  docs: 'docs',
  rotation: 'rotationSeconds',
  shape: 'shape',
  token: 'token',
  provider: 'provider',
  ttl: 'ttlSeconds',
  maxTtl: 'maxTtlSeconds',
  onExpiry: 'onExpiry',
};

export const DEFAULTS_FILE_KEYS = ['ttl', 'maxTtl', 'onExpiry'] as const;
export type DefaultsFileKey = (typeof DEFAULTS_FILE_KEYS)[number];

export const DEFAULTS_FIELD_OF_KEY: Record<DefaultsFileKey, DefaultsField> = {
  ttl: 'ttlSeconds',
  maxTtl: 'maxTtlSeconds',
  onExpiry: 'onExpiry',
};

export const TOP_LEVEL_KEYS = ['version', 'project', 'description', 'defaults', 'secrets', 'environments'] as const;

export const ENVIRONMENT_KEYS = ['description', 'defaults', 'secrets'] as const;
