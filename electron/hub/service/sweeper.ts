// The hub's own work, done by EVERY instance on a timer: end grants whose time is up (revoke at
// the source, state expired), time out pending requests nobody decided, retry owed
// revocations with backoff, purge expired nonces. Rows are claimed with FOR UPDATE SKIP
// LOCKED, so instances share the work without colliding, and since all state is in
// PostgreSQL, whichever instance is alive finishes what another started (a closed or crashed
// instance's grants still end on time). A grant is revoked within about one interval of its end.

import { withTransaction } from '../store/transaction';
import { appendAudit } from './hub-audit';
import type { HubContext } from './hub-context';
import { describeError } from './hub-errors';
import { notifyRequestsChanged } from './hub-notify';
import { lockedGrant, recordRevocation, revokeAtSource } from './grant-revocation';
import { purgeExpiredNonces } from './nonces';
import { transition } from './request-actions';
import type { RequestRow } from './request-views';

export const DEFAULT_SWEEP_INTERVAL_MS = 1_000;
/** Grants revoked in parallel per instance (each holds one connection while its source answers). */
const REVOKE_WORKERS = 4;
const TIME_OUT_BATCH = 100;
const NONCE_PURGE_EVERY_MS = 10_000;

export interface SweepReport {
  expired: number;
  timedOut: number;
  retried: number;
  noncesPurged: number;
}

export class HubSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SweepReport> | null = null;
  private stopped = true;
  /** Set by stop(): passes in progress finish the row in hand and take no more. */
  private closing = false;
  private lastNoncePurge = 0;

  constructor(
    private readonly ctx: HubContext,
    private readonly intervalMs: number = DEFAULT_SWEEP_INTERVAL_MS,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.closing = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.closing = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass now (also what the timer runs); concurrent calls share the pass in progress. */
  sweepOnce(): Promise<SweepReport> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sweepOnce().finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref();
  }

  private async pass(): Promise<SweepReport> {
    const report: SweepReport = { expired: 0, timedOut: 0, retried: 0, noncesPurged: 0 };
    report.expired = await this.step('expire', () => this.workers(() => this.expireOne()));
    report.timedOut = await this.step('time-out', () => this.timeOutPending());
    report.retried = await this.step('retry-revocations', () => this.workers(() => this.retryOne()));
    const now = Date.now();
    if (now - this.lastNoncePurge >= NONCE_PURGE_EVERY_MS) {
      this.lastNoncePurge = now;
      report.noncesPurged = await this.step('purge-nonces', () => purgeExpiredNonces(this.ctx.pool, this.ctx.clock()));
    }
    return report;
  }

  private async step(name: string, work: () => Promise<number>): Promise<number> {
    try {
      return await work();
    } catch (error) {
      this.ctx.logger.error('hub.sweep.failed', { step: name, ...describeError(error) });
      return 0;
    }
  }

  /** Runs `one` on a few parallel loops until it finds nothing more to do; returns how many it did. */
  private async workers(one: () => Promise<boolean>): Promise<number> {
    let done = 0;
    const loop = async (): Promise<void> => {
      while (!this.closing) {
        if (!(await one())) return;
        done += 1;
      }
    };
    await Promise.all(Array.from({ length: REVOKE_WORKERS }, loop));
    return done;
  }

  /** Claims one active grant past its end, revokes it at the source, marks the request expired. */
  private expireOne(): Promise<boolean> {
    return withTransaction(this.ctx.pool, async (client) => {
      const claimed = await client.query<RequestRow>("SELECT * FROM requests WHERE state = 'active' AND ends_at <= $1 ORDER BY ends_at FOR UPDATE SKIP LOCKED LIMIT 1", [this.ctx.clock()]);
      const row = claimed.rows[0];
      if (row === undefined) return false;
      const state = transition(row, 'expire');
      const grant = await lockedGrant(client, row.id);
      const outcome = grant === null ? ({ ok: true } as const) : await revokeAtSource(this.ctx, row.resource, grant);
      const now = this.ctx.clock();
      await client.query('UPDATE requests SET state = $2, updated_at = $3 WHERE id = $1', [row.id, state, now]);
      const followUps = await recordRevocation(client, row.id, outcome, row.revoke_attempts + 1, now);
      await notifyRequestsChanged(client, [row.id]);
      await appendAudit(client, [{ action: 'grant.expired', actorId: null, requestId: row.id, details: { resource: row.resource, atSource: outcome.ok }, proof: null }, ...followUps], now);
      this.ctx.logger.info('hub.grant.expired', { requestId: row.id, resource: row.resource, atSource: outcome.ok });
      return true;
    });
  }

  /** Claims one request whose revocation at the source is owed and due, and tries again. */
  private retryOne(): Promise<boolean> {
    return withTransaction(this.ctx.pool, async (client) => {
      const claimed = await client.query<RequestRow>('SELECT * FROM requests WHERE next_revoke_at <= $1 ORDER BY next_revoke_at FOR UPDATE SKIP LOCKED LIMIT 1', [this.ctx.clock()]);
      const row = claimed.rows[0];
      if (row === undefined) return false;
      const grant = await lockedGrant(client, row.id);
      const outcome = grant === null ? ({ ok: true } as const) : await revokeAtSource(this.ctx, row.resource, grant);
      const now = this.ctx.clock();
      const attempt = row.revoke_attempts + 1;
      const followUps = await recordRevocation(client, row.id, outcome, attempt, now);
      const entries = outcome.ok ? [{ action: 'grant.revoked-at-source', actorId: null, requestId: row.id, details: { resource: row.resource, attempts: attempt }, proof: null }] : followUps;
      await notifyRequestsChanged(client, [row.id]);
      await appendAudit(client, entries, now);
      this.ctx.logger.info(outcome.ok ? 'hub.grant.revoked-at-source' : 'hub.grant.revoke-retry-failed', { requestId: row.id, attempt });
      return true;
    });
  }

  /** Pending requests past their deadline become timed-out, a batch per transaction. */
  private async timeOutPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await withTransaction(this.ctx.pool, async (client) => {
        const now = this.ctx.clock();
        const claimed = await client.query<RequestRow>(
          "SELECT * FROM requests WHERE state = 'pending' AND pending_until <= $1 ORDER BY pending_until FOR UPDATE SKIP LOCKED LIMIT $2",
          [now, TIME_OUT_BATCH],
        );
        if (claimed.rows.length === 0) return 0;
        const ids = claimed.rows.map((row) => row.id);
        const state = transition(claimed.rows[0] as RequestRow, 'time-out');
        await client.query('UPDATE requests SET state = $2, updated_at = $3 WHERE id = ANY($1::text[])', [ids, state, now]);
        await notifyRequestsChanged(client, ids);
        await appendAudit(
          client,
          claimed.rows.map((row) => ({ action: 'request.timed-out', actorId: null, requestId: row.id, details: { resource: row.resource, pendingUntil: row.pending_until.toISOString() }, proof: null })),
          now,
        );
        for (const id of ids) this.ctx.logger.info('hub.request.timed-out', { requestId: id });
        return claimed.rows.length;
      });
      total += count;
      if (count < TIME_OUT_BATCH) return total;
    }
  }
}
