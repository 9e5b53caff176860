// The parsed form of latch.yaml as data. The parser (parse/) produces exactly these shapes
// with located errors; this schema is for carrying templates across processes and for tests.
// Durations are whole seconds here; the file spells them `15m`, `1h30m`, …

import { z } from 'zod';
import { CHECKSUM_IDS, EXPIRY_ACTIONS, MAX_SHAPE_LENGTH, SECRET_CLASSES, TEMPLATE_VERSION } from './vocabulary';
import { ENV_VAR_NAME, KEBAB_ID, TOKEN_NAME } from './names';
import { MAX_DURATION_SECONDS } from './duration';
import { isValidCharset } from './charset';

const duration = z.number().int().min(1).max(MAX_DURATION_SECONDS);
const kebabId = z.string().max(64).regex(KEBAB_ID);
const envVarName = z.string().regex(ENV_VAR_NAME);

export const customShapeSchema = z.strictObject({
  /** Literal text before the random part, e.g. `sk_test_`. */
  prefix: z.string().optional(),
  /** An alphabet name (CHARSET_IDS, CHARSET_ALIASES) or the allowed characters spelled out. */
  charset: z.string().refine(isValidCharset, 'must be an alphabet name or 2-94 distinct printable ASCII characters'),
  /** Length of the random part (the prefix and any checksum come on top). */
  length: z.number().int().min(1).max(MAX_SHAPE_LENGTH),
  checksum: z.enum(CHECKSUM_IDS).optional(),
});

/** A built-in shape id (see shared/stubs) or a custom shape. */
export const shapeSchema = z.union([z.string().min(1), customShapeSchema]);

/** A command line: a list of arguments (run without a shell) or a single string. */
export const commandLineSchema = z.union([z.string().min(1), z.array(z.string()).min(1)]);

export const postgresProviderSchema = z.strictObject({
  type: z.literal('postgres'),
  /** A local server the broker knows (dynamic roles for development). */
  server: kebabId.optional(),
  /** A named resource (typically a production database reached through access requests). */
  resource: kebabId.optional(),
  database: z.string().min(1).optional(),
  grants: z.array(z.string().min(1)).optional(),
});

export const commandProviderSchema = z.strictObject({
  type: z.literal('command'),
  mint: commandLineSchema,
  revoke: commandLineSchema.optional(),
  resource: kebabId.optional(),
});

export const providerSchema = z.discriminatedUnion('type', [postgresProviderSchema, commandProviderSchema]);

const metadataFields = {
  description: z.string().optional(),
  owner: z.string().optional(),
  /** http(s) URL of the page that explains the secret. */
  docs: z.string().optional(),
  rotationSeconds: duration.optional(),
  ttlSeconds: duration.optional(),
  maxTtlSeconds: duration.optional(),
  onExpiry: z.enum(EXPIRY_ACTIONS).optional(),
};

export const stubEntrySchema = z.strictObject({
  class: z.literal('stub'),
  ...metadataFields,
  shape: shapeSchema,
});

export const personalEntrySchema = z.strictObject({
  class: z.literal('personal'),
  ...metadataFields,
  /** Used to re-stub the shell at expiry and to recognise the value. */
  shape: shapeSchema.optional(),
  /** Name of the keychain token that feeds this secret. */
  token: z.string().regex(TOKEN_NAME),
});

export const dynamicEntrySchema = z.strictObject({
  class: z.literal('dynamic'),
  ...metadataFields,
  shape: shapeSchema.optional(),
  provider: providerSchema,
});

export const prodEntrySchema = z.strictObject({
  class: z.literal('prod'),
  ...metadataFields,
  shape: shapeSchema.optional(),
  provider: providerSchema,
});

export const secretEntrySchema = z.discriminatedUnion('class', [
  stubEntrySchema,
  personalEntrySchema,
  dynamicEntrySchema,
  prodEntrySchema,
]);

/** An environment's change to one secret: any field, including a new class. */
export const secretOverrideSchema = z.strictObject({
  class: z.enum(SECRET_CLASSES).optional(),
  ...metadataFields,
  shape: shapeSchema.optional(),
  token: z.string().regex(TOKEN_NAME).optional(),
  provider: providerSchema.optional(),
});

export const leaseDefaultsSchema = z.strictObject({
  ttlSeconds: duration.optional(),
  maxTtlSeconds: duration.optional(),
  onExpiry: z.enum(EXPIRY_ACTIONS).optional(),
});

export const environmentSchema = z.strictObject({
  description: z.string().optional(),
  defaults: leaseDefaultsSchema.optional(),
  secrets: z.record(envVarName, secretOverrideSchema),
});

export const templateSchema = z.strictObject({
  version: z.literal(TEMPLATE_VERSION),
  project: kebabId,
  description: z.string().optional(),
  defaults: leaseDefaultsSchema.optional(),
  /** In file order. */
  secrets: z.record(envVarName, secretEntrySchema),
  /** Empty when the file declares none. */
  environments: z.record(kebabId, environmentSchema),
});

export type CustomShape = z.infer<typeof customShapeSchema>;
export type Shape = z.infer<typeof shapeSchema>;
export type CommandLine = z.infer<typeof commandLineSchema>;
export type PostgresProvider = z.infer<typeof postgresProviderSchema>;
export type CommandProvider = z.infer<typeof commandProviderSchema>;
export type Provider = z.infer<typeof providerSchema>;
export type StubEntry = z.infer<typeof stubEntrySchema>;
export type PersonalEntry = z.infer<typeof personalEntrySchema>;
export type DynamicEntry = z.infer<typeof dynamicEntrySchema>;
export type ProdEntry = z.infer<typeof prodEntrySchema>;
export type SecretEntry = z.infer<typeof secretEntrySchema>;
export type SecretOverride = z.infer<typeof secretOverrideSchema>;
export type LeaseDefaults = z.infer<typeof leaseDefaultsSchema>;
export type EnvironmentTemplate = z.infer<typeof environmentSchema>;
export type Template = z.infer<typeof templateSchema>;
