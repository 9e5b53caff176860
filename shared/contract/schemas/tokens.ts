import { z } from 'zod';
import { isoDate, secretValue, tokenName } from './common';

export const tokenStatus = z.enum(['ok', 'expiring', 'expired', 'rotation-due']);

const metadataFields = {
  kind: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a short kebab-case provider name, e.g. github')
    .optional(),
  owner: z.string().max(200).optional(),
  scopes: z.array(z.string().min(1).max(200)).max(100).optional(),
  notes: z.string().max(4000).optional(),
  expiresAt: isoDate.nullable().optional(),
  rotationPeriodDays: z.number().int().min(1).max(3650).nullable().optional(),
};

export const tokenMeta = z.object({
  id: z.string(),
  name: tokenName,
  kind: z.string(),
  owner: z.string().nullable(),
  scopes: z.array(z.string()),
  notes: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
  expiresAt: isoDate.nullable(),
  lastRotatedAt: isoDate.nullable(),
  rotationPeriodDays: z.number().int().nullable(),
  rotationDueAt: isoDate.nullable(),
  status: tokenStatus,
});

export const tokenDetail = tokenMeta.extend({ rotations: z.array(isoDate) });

export const tokenAddInput = z.object({ name: tokenName, value: secretValue, ...metadataFields }).strict();
export const tokenRefInput = z.object({ name: tokenName }).strict();
export const tokenRevealInput = z.object({ name: tokenName, reason: z.string().max(500).optional() }).strict();
export const tokenUpdateInput = z
  .object({
    name: tokenName,
    patch: z.object({ rename: tokenName.optional(), ...metadataFields }).strict(),
  })
  .strict();
export const tokenRotateInput = z.object({ name: tokenName, value: secretValue }).strict();
export const tokenRevealOutput = z.object({ name: tokenName, value: z.string() });
export const tokenRemoveOutput = z.object({ name: tokenName, removed: z.literal(true) });

export type TokenMeta = z.infer<typeof tokenMeta>;
export type TokenDetail = z.infer<typeof tokenDetail>;
export type TokenStatus = z.infer<typeof tokenStatus>;
export type TokenAddInput = z.infer<typeof tokenAddInput>;
export type TokenUpdateInput = z.infer<typeof tokenUpdateInput>;
