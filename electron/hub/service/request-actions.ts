// Creating a request and the decisions that need no credential minted: deny, cancel, revoke.
// Each runs in one transaction: lock the row, check who acts and the state (shared request
// flow), change it, NOTIFY, and append the audit entry with the member's proof last.

import { randomUUID } from 'node:crypto';
import { nextState, type RequestEvent } from '../../../shared/hub/request-flow';
import { evaluateRequest, isApprover } from '../../../shared/policy';
import type { HubPolicy, PolicyMember } from '../../../shared/policy/hub-policy-types';
import type { RequestProof } from '../service-types';
import { withTransaction } from '../store/transaction';
import { appendAudit } from './hub-audit';
import type { HubContext } from './hub-context';
import { forbidden, invalidState, policyRefusal } from './hub-errors';
import { notifyRequestsChanged } from './hub-notify';
import { lockedGrant, recordRevocation, revokeAtSource } from './grant-revocation';
import { activeMember, type MemberRow } from './member-records';
import { checkComment, checkReason, checkResource, isWholeSeconds } from './request-input';
import { lockRequest, type RequestRow } from './request-views';

export function policyMember(row: MemberRow): PolicyMember {
  return { id: row.id, groups: row.groups };
}

/** The requester, or a member of one of the resource's approver groups. */
export function isParticipant(policy: HubPolicy, member: MemberRow, request: { resource: string; requesterId: string }): boolean {
  return member.id === request.requesterId || isApprover(policy, request.resource, policyMember(member));
}

/** The state `event` leads to, or INVALID_STATE. */
export function transition(row: RequestRow, event: RequestEvent): RequestRow['state'] {
  const next = nextState(row.state, event);
  if (next === null) throw invalidState(`the request is ${row.state}: it cannot be ${pastTense(event)}`);
  return next;
}

function pastTense(event: RequestEvent): string {
  const words: Record<RequestEvent, string> = {
    approve: 'approved',
    mint: 'activated',
    'mint-failed': 'reset',
    deny: 'denied',
    cancel: 'cancelled',
    'time-out': 'timed out',
    expire: 'expired',
    revoke: 'revoked',
  };
  return words[event];
}

export async function createAccessRequest(
  ctx: HubContext,
  memberId: string,
  input: { resource: string; durationSeconds: number; reason: string },
  proof: RequestProof,
): Promise<string> {
  const resource = checkResource(input.resource);
  const reason = checkReason(input.reason);
  if (!isWholeSeconds(input.durationSeconds)) throw policyRefusal('INVALID_DURATION', 'durationSeconds must be a whole, positive number of seconds');
  const durationSeconds = input.durationSeconds;
  const policy = ctx.policy();
  const now = ctx.clock();
  const id = randomUUID();
  await withTransaction(ctx.pool, async (client) => {
    const member = await activeMember(client, memberId);
    const decision = evaluateRequest(policy, { requester: policyMember(member), resource, durationSeconds, reason, now });
    if (!decision.allowed) throw policyRefusal(decision.code, decision.message);
    const resourcePolicy = policy.resources.get(resource);
    if (resourcePolicy === undefined) throw policyRefusal('UNKNOWN_RESOURCE', `no resource named ${resource}`);
    const pendingUntil = new Date(now.getTime() + resourcePolicy.requestTimeoutSeconds * 1000);
    await client.query(
      `INSERT INTO requests (id, resource, requester_id, reason, requested_seconds, granted_seconds, state, approvals_required, created_at, pending_until, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5, 'pending', $6, $7, $8, $7)`,
      [id, resource, member.id, reason, durationSeconds, resourcePolicy.approvals, now, pendingUntil],
    );
    await notifyRequestsChanged(client, [id]);
    await appendAudit(
      client,
      [{ action: 'request.created', actorId: member.id, requestId: id, details: { resource, durationSeconds, reason, approvalsRequired: resourcePolicy.approvals }, proof }],
      now,
    );
  });
  ctx.logger.info('hub.request.created', { requestId: id, resource, memberId });
  return id;
}

/** deny (an approver) or cancel (the requester), while pending. */
export async function decidePending(ctx: HubContext, memberId: string, id: string, event: 'deny' | 'cancel', rawComment: unknown, proof: RequestProof): Promise<void> {
  const comment = checkComment(rawComment);
  const policy = ctx.policy();
  const now = ctx.clock();
  await withTransaction(ctx.pool, async (client) => {
    const row = await lockRequest(client, id);
    const member = await activeMember(client, memberId);
    if (event === 'cancel' && member.id !== row.requester_id) throw forbidden('only the requester can cancel a request');
    if (event === 'deny' && (member.id === row.requester_id || !isApprover(policy, row.resource, policyMember(member)))) {
      throw forbidden(`only an approver of ${row.resource} (not the requester) can deny this request`);
    }
    const state = transition(row, event);
    await client.query('UPDATE requests SET state = $2, decided_by = $3, comment = $4, updated_at = $5 WHERE id = $1', [id, state, member.id, comment, now]);
    await notifyRequestsChanged(client, [id]);
    const action = event === 'deny' ? 'request.denied' : 'request.cancelled';
    await appendAudit(client, [{ action, actorId: member.id, requestId: id, details: { resource: row.resource, comment }, proof }], now);
  });
  ctx.logger.info(event === 'deny' ? 'hub.request.denied' : 'hub.request.cancelled', { requestId: id, memberId });
}

/** Ends an active grant early, revoking it at the source at once (retried later if that fails). */
export async function revokeGrant(ctx: HubContext, memberId: string, id: string, rawComment: unknown, proof: RequestProof): Promise<void> {
  const comment = checkComment(rawComment);
  const policy = ctx.policy();
  let atSource = true;
  let resource = '';
  await withTransaction(ctx.pool, async (client) => {
    const row = await lockRequest(client, id);
    resource = row.resource;
    const member = await activeMember(client, memberId);
    if (!isParticipant(policy, member, { resource: row.resource, requesterId: row.requester_id })) {
      throw forbidden(`only the requester or an approver of ${row.resource} can revoke this grant`);
    }
    const state = transition(row, 'revoke');
    const grant = await lockedGrant(client, id);
    const outcome = grant === null ? ({ ok: true } as const) : await revokeAtSource(ctx, row.resource, grant);
    atSource = outcome.ok;
    // Taken after the source answered: the time access actually ended.
    const now = ctx.clock();
    await client.query('UPDATE requests SET state = $2, decided_by = $3, comment = $4, updated_at = $5, ends_at = LEAST(ends_at, $5) WHERE id = $1', [id, state, member.id, comment, now]);
    await client.query('UPDATE grants SET ends_at = LEAST(ends_at, $2) WHERE request_id = $1', [id, now]);
    const followUps = await recordRevocation(client, id, outcome, row.revoke_attempts + 1, now);
    await notifyRequestsChanged(client, [id]);
    await appendAudit(
      client,
      [{ action: 'grant.revoked', actorId: member.id, requestId: id, details: { resource: row.resource, comment, atSource: outcome.ok }, proof }, ...followUps],
      now,
    );
  });
  ctx.logger.info('hub.grant.revoked', { requestId: id, resource, memberId, atSource });
}
