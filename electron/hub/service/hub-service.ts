// createHubService: the service layer behind the hub's transport (see ../service-types.ts).
// Stateless apart from caches: every fact lives in PostgreSQL, so any number of instances can
// serve one database. On creation it migrates the schema and starts listening for changes;
// start() starts the sweeper (grant expiry, time-outs, owed revocations, nonce purge).
//
// Hot paths: memberByKeyId answers from a per-instance cache (invalidated by NOTIFY);
// rememberNonce is one INSERT with an asynchronous commit. Everything else is a few indexed
// queries in one transaction.

import pg from 'pg';
import type { PostgresServer } from '../../broker/providers/postgres-provider';
import type { HubPolicy } from '../../../shared/policy/hub-policy-types';
import { isApprover } from '../../../shared/policy';
import type { HubService, MemberView, SealedBox, SealedCredential } from '../service-types';
import { createHubPool, type HubDatabaseConfig } from '../store/hub-pool';
import { migrateHubDatabase } from '../store/hub-schema';
import { readAudit } from './hub-audit';
import type { GrantProviderFactory, HubContext, HubLogger } from './hub-context';
import { describeError, forbidden, invalidInput, invalidState, notFound } from './hub-errors';
import { defaultGrantProviders } from './grant-providers';
import { RequestEventFanout } from './event-fanout';
import { MemberCache } from './member-cache';
import { joinWithInvite } from './member-join';
import { activeMember, MEMBER_COLUMNS, toMemberView, type MemberRow } from './member-records';
import { NonceWriter } from './nonce-writer';
import { DEFAULT_NONCE_RETENTION_MS, rememberNonce } from './nonces';
import { createAccessRequest, decidePending, isParticipant, policyMember, revokeGrant } from './request-actions';
import { approveRequest } from './request-approval';
import { checkLimit, checkRequestId, checkStates, DEFAULT_AUDIT_LIMIT, DEFAULT_LIST_LIMIT, MAX_AUDIT_LIMIT, MAX_LIST_LIMIT } from './request-input';
import { listRequestViews, requestView } from './request-views';
import { DEFAULT_SWEEP_INTERVAL_MS, HubSweeper, type SweepReport } from './sweeper';

export interface HubServiceOptions {
  /** The hub database: a pool the caller owns (and ends), or a config for a pool the service owns. */
  pool: pg.Pool | HubDatabaseConfig;
  policy: HubPolicy;
  /** Production database servers that postgres resources name (admin credentials stay on the hub). */
  servers: Readonly<Record<string, PostgresServer>>;
  /** Replaces the providers built from the policy (tests). */
  providerFactory?: GrantProviderFactory;
  clock?: () => Date;
  /** Default 1000. */
  sweepIntervalMs?: number;
  /** How long a nonce is remembered past its timestamp (default 15 minutes). */
  nonceRetentionMs?: number;
  /** Never given secret values. */
  logger: HubLogger;
}

export interface HubServiceInstance extends HubService {
  /** Starts the sweeper. */
  start(): void;
  /** Swaps the policy (e.g. after hub-policy.yaml changed); applies to the next call. */
  setPolicy(policy: HubPolicy): void;
  /** One sweeper pass now (diagnostics and tests). */
  sweepNow(): Promise<SweepReport>;
}

export async function createHubService(options: HubServiceOptions): Promise<HubServiceInstance> {
  const ownsPool = !(options.pool instanceof pg.Pool);
  const pool = options.pool instanceof pg.Pool ? options.pool : createHubPool(options.pool, (error) => options.logger.warn('hub.db.idle-error', describeError(error)));
  let policy = options.policy;
  const clock = options.clock ?? (() => new Date());
  const nonceRetentionMs = options.nonceRetentionMs ?? DEFAULT_NONCE_RETENTION_MS;
  const ctx: HubContext = {
    pool,
    policy: () => policy,
    clock,
    logger: options.logger,
    providers: options.providerFactory ?? defaultGrantProviders(options.servers),
  };

  try {
    const applied = await migrateHubDatabase(pool, clock);
    if (applied.length > 0) options.logger.info('hub.db.migrated', { versions: applied });
  } catch (error) {
    if (ownsPool) await pool.end().catch(() => undefined);
    throw error;
  }

  const members = new MemberCache(async (keyId) => {
    const result = await pool.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE key_id = $1`, [keyId]);
    const row = result.rows[0];
    return row === undefined || row.disabled ? null : toMemberView(row);
  });
  const nonces = new NonceWriter(pool);
  const fanout = new RequestEventFanout(ctx, members);
  try {
    await fanout.connect();
  } catch (error) {
    if (ownsPool) await pool.end().catch(() => undefined);
    throw error;
  }
  const sweeper = new HubSweeper(ctx, options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS);
  let closed = false;

  /** The member and the resources they may approve (for "review" lists and audit visibility). */
  async function reviewer(memberId: string): Promise<{ member: MemberRow; reviewResources: string[] }> {
    const member = await activeMember(pool, memberId);
    const current = policy;
    const reviewResources = [...current.resources.keys()].filter((resource) => isApprover(current, resource, policyMember(member)));
    return { member, reviewResources };
  }

  const service: HubServiceInstance = {
    start: () => {
      if (!closed) sweeper.start();
    },
    setPolicy: (next) => {
      policy = next;
      options.logger.info('hub.policy.replaced', { resources: next.resources.size });
    },
    sweepNow: () => sweeper.sweepOnce(),

    join: (input) => joinWithInvite(ctx, input),
    memberByKeyId: (keyId) => (typeof keyId === 'string' && keyId.length > 0 && keyId.length <= 64 ? members.get(keyId) : Promise.resolve(null)),
    rememberNonce: (keyId, nonce, timestampMs) => rememberNonce(nonces, keyId, nonce, timestampMs, clock(), nonceRetentionMs),
    async me(memberId): Promise<MemberView> {
      return toMemberView(await activeMember(pool, memberId));
    },

    async createRequest(memberId, input, proof) {
      const id = await createAccessRequest(ctx, memberId, input, proof);
      return requestView(pool, id);
    },
    async listRequests(memberId, query) {
      if (query.scope !== 'mine' && query.scope !== 'review' && query.scope !== 'all') throw invalidInput('scope must be mine, review or all');
      const { reviewResources } = await reviewer(memberId);
      return listRequestViews(pool, {
        memberId,
        scope: query.scope,
        reviewResources,
        states: checkStates(query.states),
        limit: checkLimit(query.limit, DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT),
      });
    },
    async getRequest(memberId, rawId) {
      const id = checkRequestId(rawId);
      const member = await activeMember(pool, memberId);
      const view = await requestView(pool, id);
      if (!isParticipant(policy, member, view)) throw forbidden('only the requester and the approvers of this resource can see this request');
      return view;
    },
    async approve(memberId, rawId, input, proof) {
      const id = checkRequestId(rawId);
      await approveRequest(ctx, memberId, id, input, proof);
      return requestView(pool, id);
    },
    async deny(memberId, rawId, input, proof) {
      const id = checkRequestId(rawId);
      await decidePending(ctx, memberId, id, 'deny', input.comment, proof);
      return requestView(pool, id);
    },
    async cancel(memberId, rawId, proof) {
      const id = checkRequestId(rawId);
      await decidePending(ctx, memberId, id, 'cancel', undefined, proof);
      return requestView(pool, id);
    },
    async revoke(memberId, rawId, input, proof) {
      const id = checkRequestId(rawId);
      await revokeGrant(ctx, memberId, id, input.comment, proof);
      return requestView(pool, id);
    },
    async credential(memberId, rawId): Promise<SealedCredential> {
      const id = checkRequestId(rawId);
      const member = await activeMember(pool, memberId);
      const result = await pool.query<{ requester_id: string; state: string; ends_at: Date | null; sealed: SealedBox | null }>(
        'SELECT r.requester_id, r.state, r.ends_at, g.sealed FROM requests r LEFT JOIN grants g ON g.request_id = r.id WHERE r.id = $1',
        [id],
      );
      const row = result.rows[0];
      if (row === undefined) throw notFound('no such request');
      if (row.requester_id !== member.id) throw forbidden('only the requester can fetch the credential');
      if (row.state !== 'active' || row.sealed === null || row.ends_at === null || row.ends_at.getTime() <= clock().getTime()) {
        throw invalidState(`the request is ${row.state}: no credential to fetch`);
      }
      return { requestId: id, sealed: row.sealed, endsAt: row.ends_at.toISOString() };
    },
    async audit(memberId, query) {
      const { member, reviewResources } = await reviewer(memberId);
      const afterSeq = query.afterSeq ?? 0;
      if (!Number.isInteger(afterSeq) || afterSeq < 0) throw invalidInput('afterSeq must be a whole number');
      const requestId = query.requestId === undefined ? null : checkRequestId(query.requestId);
      return readAudit(pool, {
        afterSeq,
        limit: checkLimit(query.limit, DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT),
        requestId,
        visibleTo: { memberId: member.id, reviewResources },
      });
    },
    subscribe: (memberId, listener) => fanout.subscribe(memberId, listener),
    async close() {
      if (closed) return;
      closed = true;
      await sweeper.stop();
      await fanout.close();
      await nonces.drain();
      if (ownsPool) await pool.end();
    },
  };
  return service;
}
