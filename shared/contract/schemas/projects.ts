import { z } from 'zod';
import { isoDate } from './common';

/** An absolute path on the broker's machine (the CLI resolves relative ones first). */
export const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'must be an absolute path');

export const projectId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a kebab-case project id');
export const envVarName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');
export const environmentName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a kebab-case environment name');

/** This developer's standing for one declared secret. */
export const secretStatus = z.enum([
  'ready', // personal token present
  'stub', // a generated stub is used
  'missing-token', // personal: the keychain token is not there yet
  'on-demand', // dynamic: minted per lease by its provider
  'needs-access', // prod: only through an approved access request
]);

export const templateProblem = z.object({ file: z.string(), line: z.number().int(), column: z.number().int(), message: z.string() });

export const projectSecret = z.object({
  name: z.string(),
  class: z.enum(['stub', 'personal', 'dynamic', 'prod']),
  status: secretStatus,
  description: z.string().nullable(),
  owner: z.string().nullable(),
  docs: z.string().nullable(),
  /** Built-in shape id, or "custom" for a custom shape, or null. */
  shape: z.string().nullable(),
  /** personal: the keychain token that feeds it. */
  token: z.string().nullable(),
  provider: z.string().nullable(),
  ttlSeconds: z.number().int(),
  maxTtlSeconds: z.number().int(),
  rotationSeconds: z.number().int().nullable(),
  /** stub: when it was last rotated (null = never). personal: the token's rotation due date. */
  rotationDueAt: isoDate.nullable(),
  /** What to do about a non-ready status, for a person. */
  hint: z.string().nullable(),
});

export const projectSummary = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  templateFile: z.string(),
  source: z.enum(['user', 'discovered']),
  addedAt: isoDate,
  ok: z.boolean(),
  counts: z.object({ total: z.number().int(), ready: z.number().int(), missing: z.number().int(), needsAccess: z.number().int() }),
  errors: z.array(templateProblem),
});

export const projectDetail = projectSummary.extend({
  description: z.string().nullable(),
  environments: z.array(z.string()),
  environment: z.string().nullable(),
  secrets: z.array(projectSecret),
});

export const projectAddInput = z.object({ path: absolutePath }).strict();
export const projectRefInput = z.object({ project: z.string().min(1).max(4096) }).strict();
export const projectGetInput = z.object({ project: z.string().min(1).max(4096), environment: environmentName.optional() }).strict();

export const stubRefInput = z.object({ project: z.string().min(1).max(4096), name: envVarName }).strict();
export const stubValueOutput = z.object({ project: z.string(), name: z.string(), shape: z.string(), rotation: z.number().int(), value: z.string() });

export const stubShapeInfo = z.object({ id: z.string(), provider: z.string(), description: z.string(), marker: z.string(), example: z.string() });

export const envResolveInput = z
  .object({ project: z.string().min(1).max(4096), environment: environmentName.optional(), reason: z.string().max(500).optional() })
  .strict();
export const envResolveOutput = z.object({
  project: z.string(),
  environment: z.string().nullable(),
  entries: z.array(z.object({ name: z.string(), value: z.string(), source: z.enum(['stub', 'keychain']) })),
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
});

export const envMigrateInput = z.object({ file: absolutePath, project: z.string().min(1).max(4096).optional() }).strict();
export const envMigrateOutput = z.object({
  file: z.string(),
  /** The original's copy, kept only until the migration succeeded (null then: it held the values). */
  backup: z.string().nullable(),
  templateFile: z.string(),
  moved: z.array(z.object({ name: z.string(), token: z.string() })),
  kept: z.array(z.object({ name: z.string(), reason: z.string() })),
  gitignoreUpdated: z.boolean(),
});

export type ProjectSummary = z.infer<typeof projectSummary>;
export type ProjectDetail = z.infer<typeof projectDetail>;
export type ProjectSecret = z.infer<typeof projectSecret>;
export type SecretStatus = z.infer<typeof secretStatus>;
export type StubShapeInfo = z.infer<typeof stubShapeInfo>;
export type EnvMigrateOutput = z.infer<typeof envMigrateOutput>;
