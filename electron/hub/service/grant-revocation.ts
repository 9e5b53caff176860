// Revoking a grant at its source, and what happens when the source refuses: the request keeps
// its final state (revoked or expired: access has ended as far as the hub is concerned), the
// failure is recorded on the request (revocation_error, shown in the view) and the sweeper
// retries with exponential backoff until the source confirms. grants.revoked_at is set only
// when the source did.

import type { ResourceProvider } from '../../../shared/policy/hub-policy-types';
import type { MintedCredential } from '../../broker/providers/provider';
import type { Queryable } from '../store/transaction';
import type { AuditDraft } from './hub-audit';
import type { HubContext } from './hub-context';
import { describeError } from './hub-errors';
import { providerFailureMessage } from './grant-providers';

export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 5 * 60_000;

/** Delay before retry number `attempt` (1-based): 1 s, 2 s, 4 s … capped at 5 minutes. */
export function revokeRetryDelayMs(attempt: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
}

export interface GrantRow {
  request_id: string;
  provider_type: string;
  provider: ResourceProvider;
  handle: MintedCredential['handle'];
  ends_at: Date;
  revoked_at: Date | null;
}

export async function lockedGrant(client: Queryable, requestId: string): Promise<GrantRow | null> {
  const result = await client.query<GrantRow>('SELECT request_id, provider_type, provider, handle, ends_at, revoked_at FROM grants WHERE request_id = $1', [requestId]);
  return result.rows[0] ?? null;
}

export type RevocationOutcome = { ok: true } | { ok: false; error: string };

export async function revokeAtSource(ctx: HubContext, resource: string, grant: GrantRow): Promise<RevocationOutcome> {
  if (grant.revoked_at !== null) return { ok: true };
  try {
    await ctx.providers(grant.provider, resource).revoke(grant.handle);
    return { ok: true };
  } catch (error) {
    ctx.logger.warn('hub.grant.revoke-failed', { requestId: grant.request_id, resource, ...describeError(error) });
    return { ok: false, error: providerFailureMessage(error) };
  }
}

/**
 * Records a revocation attempt on the (locked) request and its grant; returns the audit
 * entries to append. `attempt` counts attempts so far, this one included.
 */
export async function recordRevocation(client: Queryable, requestId: string, outcome: RevocationOutcome, attempt: number, now: Date): Promise<AuditDraft[]> {
  if (outcome.ok) {
    await client.query('UPDATE grants SET revoked_at = $2 WHERE request_id = $1 AND revoked_at IS NULL', [requestId, now]);
    await client.query('UPDATE requests SET revocation_error = NULL, revoke_attempts = $2, next_revoke_at = NULL WHERE id = $1', [requestId, attempt]);
    return [];
  }
  const nextAt = new Date(now.getTime() + revokeRetryDelayMs(attempt));
  await client.query('UPDATE requests SET revocation_error = $2, revoke_attempts = $3, next_revoke_at = $4 WHERE id = $1', [requestId, outcome.error, attempt, nextAt]);
  return [{ action: 'grant.revoke-failed', actorId: null, requestId, details: { attempt, error: outcome.error, nextAttemptAt: nextAt.toISOString() }, proof: null }];
}
