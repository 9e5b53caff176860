import { z } from 'zod';
import { secretValue } from './common';
import { environmentName } from './projects';

export const leaseState = z.enum(['active', 'expiring', 'expired', 'revoked']);
export const leaseKind = z.enum(['shell', 'run', 'session']);
export const revocationState = z.enum(['none', 'owed', 'done']);

export const leaseSecretInfo = z.object({
  name: z.string(),
  source: z.string(),
  revocation: revocationState,
  attempts: z.number().int(),
  nextRetryAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

export const leaseInfo = z.object({
  id: z.string(),
  project: z.string(),
  projectPath: z.string(),
  environment: z.string().nullable(),
  kind: leaseKind,
  state: leaseState,
  issuedAt: z.string(),
  expiresAt: z.string(),
  maxExpiresAt: z.string(),
  ttlSeconds: z.number().int(),
  renewals: z.number().int(),
  client: z.string(),
  onExpiry: z.enum(['end-shell', 'stub-only']),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  secrets: z.array(leaseSecretInfo),
});

const ttl = z.number().int().min(5, 'must be at least 5 seconds').max(30 * 86400);

export const leaseCreateInput = z
  .object({
    project: z.string().min(1).max(4096),
    environment: environmentName.optional(),
    ttlSeconds: ttl.optional(),
    kind: leaseKind.optional(),
    /** End (revoke) the lease when this connection closes: `latch run` ends, or dies. */
    endOnDisconnect: z.boolean().optional(),
  })
  .strict();
export const leaseCreateOutput = z.object({
  lease: leaseInfo,
  /** The injected environment. Only for the client that asked; never logged. */
  env: z.record(z.string(), z.string()),
  /** LATCH_SESSION for the shell: lets `latch renew` inside it prove which lease it is. */
  session: z.string(),
});
export const leaseRefInput = z.object({ lease: z.string().min(1).max(100) }).strict();
export const leaseRenewInput = z
  .object({ lease: z.string().min(1).max(100).optional(), session: z.string().min(1).max(200).optional(), ttlSeconds: ttl.optional() })
  .strict()
  .refine((v) => v.lease !== undefined || v.session !== undefined, 'give a lease id or a session token');
export const leaseRevokeProjectInput = z.object({ project: z.string().min(1).max(4096) }).strict();

export const shellInfo = z.object({
  id: z.string(),
  leaseId: z.string(),
  project: z.string(),
  cwd: z.string(),
  pid: z.number().int(),
  startedAt: z.string(),
  exited: z.boolean(),
  exitCode: z.number().int().nullable(),
});
export const shellOpenInput = z
  .object({
    project: z.string().min(1).max(4096),
    environment: environmentName.optional(),
    ttlSeconds: ttl.optional(),
    cols: z.number().int().min(10).max(1000).optional(),
    rows: z.number().int().min(3).max(500).optional(),
  })
  .strict();
export const shellRefInput = z.object({ shell: z.string().min(1).max(100) }).strict();
export const shellInputInput = z.object({ shell: z.string().min(1).max(100), data: secretValue.or(z.literal('')) }).strict();
export const shellResizeInput = z
  .object({ shell: z.string().min(1).max(100), cols: z.number().int().min(10).max(1000), rows: z.number().int().min(3).max(500) })
  .strict();
export const shellAttachOutput = z.object({ shell: shellInfo, scrollback: z.string() });

export const postgresServerInput = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a kebab-case name'),
    host: z.string().min(1).max(255),
    port: z.number().int().min(1).max(65535),
    database: z.string().min(1).max(63),
    adminUser: z.string().min(1).max(63),
    adminPassword: secretValue,
  })
  .strict();
export const providerServerInfo = z.object({ name: z.string(), type: z.string(), host: z.string(), port: z.number().int(), database: z.string(), adminUser: z.string() });

export type LeaseInfo = z.infer<typeof leaseInfo>;
export type LeaseSecretInfo = z.infer<typeof leaseSecretInfo>;
export type LeaseKind = z.infer<typeof leaseKind>;
export type ShellInfo = z.infer<typeof shellInfo>;
