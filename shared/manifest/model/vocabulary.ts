// The closed vocabularies of latch.yaml. Every list here is also what "expected one of …"
// and "did you mean …" messages are built from, so keep them in the order people should read.

export const SECRET_CLASSES = ['stub', 'personal', 'dynamic', 'prod'] as const;
export type SecretClass = (typeof SECRET_CLASSES)[number];

/** What happens to a shell when its lease runs out. */
export const EXPIRY_ACTIONS = ['end-shell', 'stub-only'] as const;
export type ExpiryAction = (typeof EXPIRY_ACTIONS)[number];

export const PROVIDER_TYPES = ['postgres', 'command'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/**
 * Named alphabets a custom stub shape can draw its random part from. A custom shape may
 * instead spell out its characters (see model/charset.ts).
 */
export const CHARSET_IDS = [
  'alphanumeric',
  'lower-alphanumeric',
  'upper-alphanumeric',
  'hex',
  'upper-hex',
  'digits',
  'base64',
  'base64url',
] as const;
export type CharsetId = (typeof CHARSET_IDS)[number];

/** Other names shared/stubs accepts for the same alphabets. */
export const CHARSET_ALIASES = ['base62', 'alnum-lower', 'alnum-upper'] as const;

/** Checksums a custom stub shape can append (see shared/scan/checksums.ts). */
export const CHECKSUM_IDS = ['crc32-base62'] as const;
export type ChecksumId = (typeof CHECKSUM_IDS)[number];

export const TEMPLATE_VERSION = 1;

/** Upper bound of the random part of a custom shape. */
export const MAX_SHAPE_LENGTH = 512;
