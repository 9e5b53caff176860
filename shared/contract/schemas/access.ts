import { z } from 'zod';

// Temporary production access through the team hub. The broker holds the member's keys and
// talks to the hub; clients see requests, never credentials (those go straight into a lease).

export const accessRequestState = z.enum(['pending', 'approved', 'active', 'expired', 'revoked', 'denied', 'cancelled', 'timed-out']);

export const accessApproval = z.object({
  approverId: z.string(),
  approverName: z.string(),
  at: z.string(),
  comment: z.string().optional(),
  durationSeconds: z.number().int().optional(),
});

export const accessRequestInfo = z.object({
  id: z.string(),
  resource: z.string(),
  requesterId: z.string(),
  requesterName: z.string(),
  reason: z.string(),
  requestedSeconds: z.number().int(),
  grantedSeconds: z.number().int(),
  state: accessRequestState,
  approvalsRequired: z.number().int(),
  approvals: z.array(accessApproval),
  createdAt: z.string(),
  pendingUntil: z.string(),
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  decidedBy: z.string().optional(),
  decidedByName: z.string().optional(),
  comment: z.string().optional(),
  updatedAt: z.string(),
  revocationError: z.string().optional(),
  /** Whether this member made the request / may approve it (computed by the broker). */
  mine: z.boolean(),
  canReview: z.boolean(),
});

export const accessMember = z.object({ id: z.string(), name: z.string(), groups: z.array(z.string()) });

export const accessStatus = z.object({
  joined: z.boolean(),
  hubUrl: z.string().nullable(),
  member: accessMember.nullable(),
  /** The live link to the hub (events): 'not-joined' when no hub is configured. */
  connection: z.enum(['not-joined', 'connecting', 'open', 'closed']),
  /** Pending requests this member may approve. */
  pendingReviews: z.number().int(),
  /** This member's active grants. */
  activeGrants: z.number().int(),
});

const requestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a request id');
const comment = z.string().max(1000, 'must be at most 1000 characters');
const durationSeconds = z.number().int().min(30, 'must be at least 30 seconds').max(7 * 86400, 'must be at most 7 days');

export const accessJoinInput = z
  .object({
    invite: z.string().regex(/^lh1_[A-Za-z0-9_-]{10,4000}$/, 'must be an invite string from `latch hub invite` (lh1_…)'),
    name: z.string().min(1).max(100).optional(),
  })
  .strict();
export const accessRequestInput = z
  .object({
    resource: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a resource id from the hub policy'),
    durationSeconds,
    reason: z.string().max(1000, 'must be at most 1000 characters'),
  })
  .strict();
export const accessListInput = z
  .object({
    scope: z.enum(['mine', 'review', 'all']).optional(),
    states: z.array(accessRequestState).max(8).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();
export const accessRefInput = z.object({ id: requestId }).strict();
export const accessApproveInput = z.object({ id: requestId, durationSeconds: durationSeconds.optional(), comment: comment.optional() }).strict();
export const accessCommentInput = z.object({ id: requestId, comment: comment.optional() }).strict();

export const accessAuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  actorId: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  signed: z.boolean(),
});
export const accessAuditInput = z.object({ requestId: requestId.optional(), limit: z.number().int().min(1).max(1000).optional() }).strict();

export type AccessRequestInfo = z.infer<typeof accessRequestInfo>;
export type AccessStatus = z.infer<typeof accessStatus>;
export type AccessAuditEntry = z.infer<typeof accessAuditEntry>;
