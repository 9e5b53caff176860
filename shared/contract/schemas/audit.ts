import { z } from 'zod';
import { isoDate } from './common';

export const auditOutcome = z.enum(['ok', 'denied', 'error']);

export const auditEntry = z.object({
  seq: z.number().int(),
  at: isoDate,
  actor: z.string(),
  client: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  outcome: auditOutcome,
  detail: z.string().nullable(),
  /** Keyed HMAC of the value involved (never the value). */
  valueHmac: z.string().nullable(),
  hash: z.string(),
});

export const auditListInput = z
  .object({
    limit: z.number().int().min(1).max(5000).optional(),
    beforeSeq: z.number().int().min(1).optional(),
    action: z.string().max(100).optional(),
    target: z.string().max(200).optional(),
    outcome: auditOutcome.optional(),
  })
  .strict();

export const auditVerifyOutput = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadSeq: z.number().int().nullable(),
  problem: z.string().nullable(),
});

export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditOutcome = z.infer<typeof auditOutcome>;
export type AuditVerifyReport = z.infer<typeof auditVerifyOutput>;
export type AuditListInput = z.infer<typeof auditListInput>;
