// Approving a request, and minting its credential when the last required approval arrives.
//
// Everything happens in ONE transaction holding the request's row lock (SELECT … FOR UPDATE):
// two instances approving at once are serialised, and the second sees the first's outcome, so
// a credential is minted at most once. The mint (a network call to the source) runs inside
// that transaction, after the approval is written but before the audit append, so the global
// audit lock is never held across it.
//
// Decided on a mint failure: the transaction rolls back, so the request stays PENDING and the
// final approval is NOT recorded (approved → pending in the request flow); the approver gets
// MINT_FAILED (502) with the provider's message and can approve again once the source is back.
// The attempt is audited (grant.mint-failed, with the approver's proof) in its own transaction.
// Nothing half-made survives: if anything fails after the source minted (sealing, insert,
// COMMIT), the fresh credential is revoked at once; postgres roles also carry VALID UNTIL the
// grant's end, so even a hub crash at that instant cannot leave access beyond the window.

import { evaluateApproval } from '../../../shared/policy';
import { grantedSeconds as shortestGrant } from '../../../shared/hub/request-flow';
import type { CredentialProvider, MintedCredential } from '../../broker/providers/provider';
import { sealValues } from '../crypto/seal';
import { HubError, type RequestProof } from '../service-types';
import { withTransaction } from '../store/transaction';
import { appendAudit, type AuditDraft } from './hub-audit';
import type { HubContext } from './hub-context';
import { describeError, invalidState, policyRefusal } from './hub-errors';
import { notifyRequestsChanged } from './hub-notify';
import { credentialEnvName, providerFailureMessage } from './grant-providers';
import { activeMember, findMemberById } from './member-records';
import { policyMember, transition } from './request-actions';
import { checkComment, isWholeSeconds } from './request-input';
import { lockRequest } from './request-views';

class MintFailure extends Error {
  constructor(
    readonly resource: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

interface MintedGrant {
  provider: CredentialProvider;
  credential: MintedCredential;
}

export async function approveRequest(ctx: HubContext, memberId: string, id: string, input: { durationSeconds?: number; comment?: string }, proof: RequestProof): Promise<void> {
  const comment = checkComment(input.comment);
  if (input.durationSeconds !== undefined && !isWholeSeconds(input.durationSeconds)) {
    throw policyRefusal('INVALID_DURATION', 'durationSeconds must be a whole, positive number of seconds');
  }
  const policy = ctx.policy();
  const minted: { grant: MintedGrant | null } = { grant: null };
  try {
    const outcome = await withTransaction(ctx.pool, async (client) => {
      const now = ctx.clock();
      const row = await lockRequest(client, id);
      const approver = await activeMember(client, memberId);
      if (row.state !== 'pending') throw invalidState(`the request is ${row.state}: it cannot be approved`);
      if (row.pending_until.getTime() <= now.getTime()) throw invalidState('the request timed out');
      const previous = await client.query<{ approver_id: string; duration_seconds: number | null }>('SELECT approver_id, duration_seconds FROM approvals WHERE request_id = $1', [id]);
      const decision = evaluateApproval(policy, {
        approver: policyMember(approver),
        request: { requesterId: row.requester_id, resource: row.resource, durationSeconds: row.requested_seconds, approvedBy: previous.rows.map((a) => a.approver_id) },
        ...(input.durationSeconds !== undefined && { durationSeconds: input.durationSeconds }),
        now,
      });
      if (!decision.allowed) throw policyRefusal(decision.code, decision.message);
      if (input.durationSeconds !== undefined && input.durationSeconds > row.requested_seconds) {
        throw policyRefusal('INVALID_DURATION', 'an approver may shorten a grant, never lengthen it');
      }
      await client.query('INSERT INTO approvals (request_id, approver_id, at, comment, duration_seconds) VALUES ($1, $2, $3, $4, $5)', [id, approver.id, now, comment, input.durationSeconds ?? null]);
      const granted = shortestGrant(row.requested_seconds, [...previous.rows.map((a) => a.duration_seconds), input.durationSeconds]);
      const approvals = previous.rows.length + 1;
      const approved: AuditDraft = {
        action: 'request.approved',
        actorId: approver.id,
        requestId: id,
        details: { resource: row.resource, approvals, approvalsRequired: row.approvals_required, durationSeconds: input.durationSeconds ?? null, comment },
        proof,
      };

      if (approvals < row.approvals_required) {
        await client.query('UPDATE requests SET granted_seconds = $2, updated_at = $3 WHERE id = $1', [id, granted, now]);
        await notifyRequestsChanged(client, [id]);
        await appendAudit(client, [approved], now);
        return { minted: false, resource: row.resource };
      }

      // The last approval: approved → mint → active.
      const active = transition({ ...row, state: transition(row, 'approve') }, 'mint');
      const resourcePolicy = policy.resources.get(row.resource);
      if (resourcePolicy === undefined) throw policyRefusal('UNKNOWN_RESOURCE', `no resource named ${row.resource}`);
      const requester = await findMemberById(client, row.requester_id);
      if (requester === null || requester.disabled) throw invalidState('the requester is no longer a member');
      const envName = credentialEnvName(row.resource, resourcePolicy.provider);
      let endsAt = new Date(now.getTime() + granted * 1000);
      try {
        const provider = ctx.providers(resourcePolicy.provider, row.resource);
        const credential = await provider.mint({ leaseId: id, projectId: row.resource, secretName: envName, expiresAt: endsAt });
        minted.grant = { provider, credential };
      } catch (error) {
        ctx.logger.warn('hub.grant.mint-failed', { requestId: id, resource: row.resource, ...describeError(error) });
        throw new MintFailure(row.resource, providerFailureMessage(error));
      }
      const credential = minted.grant.credential;
      // A credential that ends sooner than the window ends the grant with it.
      if (credential.expiresAt !== undefined && credential.expiresAt.getTime() < endsAt.getTime()) endsAt = credential.expiresAt;
      const sealed = sealValues(requester.sealing_key, { [envName]: credential.value }, id);
      await client.query('INSERT INTO grants (request_id, provider_type, provider, handle, sealed, ends_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        id,
        resourcePolicy.provider.type,
        JSON.stringify(resourcePolicy.provider),
        JSON.stringify(credential.handle),
        JSON.stringify(sealed),
        endsAt,
      ]);
      await client.query('UPDATE requests SET state = $2, granted_seconds = $3, starts_at = $4, ends_at = $5, updated_at = $4 WHERE id = $1', [id, active, granted, now, endsAt]);
      await notifyRequestsChanged(client, [id]);
      await appendAudit(
        client,
        [
          approved,
          {
            action: 'grant.minted',
            actorId: null,
            requestId: id,
            details: { resource: row.resource, provider: resourcePolicy.provider.type, grantedSeconds: granted, endsAt: endsAt.toISOString(), envName, handle: JSON.stringify(credential.handle) },
            proof: null,
          },
        ],
        now,
      );
      return { minted: true, resource: row.resource };
    });
    ctx.logger.info(outcome.minted ? 'hub.grant.minted' : 'hub.request.approved', { requestId: id, resource: outcome.resource, memberId });
  } catch (error) {
    if (minted.grant !== null) await discardOrphan(ctx, id, minted.grant);
    if (error instanceof MintFailure) {
      await auditMintFailure(ctx, memberId, id, error, proof);
      throw new HubError('MINT_FAILED', `could not mint the credential for ${error.resource}: ${error.reason}`, 502);
    }
    throw error;
  }
}

/** The source minted but the hub could not record it: take it back now. */
async function discardOrphan(ctx: HubContext, id: string, orphan: MintedGrant): Promise<void> {
  try {
    await orphan.provider.revoke(orphan.credential.handle);
    ctx.logger.warn('hub.grant.discarded', { requestId: id });
  } catch (error) {
    ctx.logger.error('hub.grant.orphaned', { requestId: id, handle: orphan.credential.handle, ...describeError(error) });
  }
}

async function auditMintFailure(ctx: HubContext, memberId: string, id: string, failure: MintFailure, proof: RequestProof): Promise<void> {
  try {
    await withTransaction(ctx.pool, (client) =>
      appendAudit(
        client,
        [{ action: 'grant.mint-failed', actorId: memberId, requestId: id, details: { resource: failure.resource, error: failure.reason, approvalRecorded: false }, proof }],
        ctx.clock(),
      ),
    );
  } catch (error) {
    ctx.logger.error('hub.audit.append-failed', { requestId: id, action: 'grant.mint-failed', ...describeError(error) });
  }
}
