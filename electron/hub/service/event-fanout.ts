// Delivering request changes to the members concerned, whichever instance made the change.
// Every instance LISTENs on one dedicated connection; a NOTIFY carries only the request id,
// and the instance that receives it loads the current view and hands it to its subscribers
// who are the requester or in one of the resource's approver groups. Changes made by this
// instance take the same path, so subscribe() behaves identically everywhere.
// The same connection receives member changes, which invalidate the memberByKeyId cache. If
// it drops, it reconnects with backoff, and the cache is cleared when it drops and again once
// listening resumes (a change may have been missed in between).

import type pg from 'pg';
import { isApprover } from '../../../shared/policy';
import type { HubEvent } from '../service-types';
import type { HubContext } from './hub-context';
import { describeError } from './hub-errors';
import { MEMBER_CHANNEL, REQUEST_CHANNEL } from './hub-notify';
import type { MemberCache } from './member-cache';
import { findRequestView } from './request-views';

export type HubEventListener = (event: HubEvent) => void;

const FIRST_RECONNECT_MS = 500;
const MAX_RECONNECT_MS = 30_000;

export class RequestEventFanout {
  private client: pg.PoolClient | null = null;
  private readonly subscribers = new Map<string, Set<HubEventListener>>();
  private queue: Promise<void> = Promise.resolve();
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelay = FIRST_RECONNECT_MS;
  private closed = false;
  /** Releases the current LISTEN connection once (set by connect). */
  private releaseCurrent: () => void = () => undefined;

  constructor(
    private readonly ctx: HubContext,
    private readonly members: MemberCache,
  ) {}

  /** Connects and LISTENs; throws if the first connection fails (later losses reconnect by themselves). */
  async connect(): Promise<void> {
    const client = await this.ctx.pool.connect();
    let released = false;
    const lost = (error?: Error): void => {
      if (released) return;
      released = true;
      client.release(true);
      // A connection lost before it was listening is the connecting caller's to handle.
      const wasListening = this.client === client;
      if (wasListening) this.client = null;
      if (this.closed || !wasListening) return;
      this.members.clear();
      this.ctx.logger.warn('hub.listen.lost', error === undefined ? {} : describeError(error));
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => this.onNotification(message.channel, message.payload));
    try {
      await client.query(`LISTEN ${REQUEST_CHANNEL}`);
      await client.query(`LISTEN ${MEMBER_CHANNEL}`);
    } catch (error) {
      if (!released) {
        released = true;
        client.release(true);
      }
      throw error;
    }
    this.client = client;
    this.reconnectDelay = FIRST_RECONNECT_MS;
    // What was cached while nobody listened may have missed an invalidation.
    this.members.clear();
    this.releaseCurrent = () => {
      if (released) return;
      released = true;
      client.release(true);
    };
  }

  subscribe(memberId: string, listener: HubEventListener): () => void {
    let set = this.subscribers.get(memberId);
    if (set === undefined) {
      set = new Set();
      this.subscribers.set(memberId, set);
    }
    set.add(listener);
    return () => {
      const current = this.subscribers.get(memberId);
      if (current === undefined) return;
      current.delete(listener);
      if (current.size === 0) this.subscribers.delete(memberId);
    };
  }

  /** Stops listening; waits for the deliveries in progress. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.releaseCurrent();
    this.client = null;
    this.subscribers.clear();
    await this.queue;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer !== null) return;
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(MAX_RECONNECT_MS, this.reconnectDelay * 2);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect().then(
        () => this.ctx.logger.info('hub.listen.restored', {}),
        (error: unknown) => {
          this.ctx.logger.warn('hub.listen.reconnect-failed', { ...describeError(error), retryInMs: this.reconnectDelay });
          this.scheduleReconnect();
        },
      );
    }, delay);
    this.reconnectTimer.unref();
  }

  private onNotification(channel: string, payload: string | undefined): void {
    if (payload === undefined || this.closed) return;
    if (channel === MEMBER_CHANNEL) {
      this.members.invalidate(payload);
      return;
    }
    if (channel !== REQUEST_CHANNEL || this.subscribers.size === 0) return;
    // One at a time, in arrival order, so a member never sees an older view after a newer one.
    this.queue = this.queue.then(() => this.deliver(payload)).catch((error: unknown) => this.ctx.logger.error('hub.event.delivery-failed', { requestId: payload, ...describeError(error) }));
  }

  private async deliver(requestId: string): Promise<void> {
    if (this.subscribers.size === 0) return;
    const view = await findRequestView(this.ctx.pool, requestId);
    if (view === null) return;
    const policy = this.ctx.policy();
    const candidates = await this.ctx.pool.query<{ id: string; groups: string[] }>('SELECT id, groups FROM members WHERE id = ANY($1::text[]) AND NOT disabled', [[...this.subscribers.keys()]]);
    const event: HubEvent = { type: 'request.changed', request: view };
    for (const member of candidates.rows) {
      if (member.id !== view.requesterId && !isApprover(policy, view.resource, member)) continue;
      for (const listener of this.subscribers.get(member.id) ?? []) {
        try {
          listener(event);
        } catch (error) {
          this.ctx.logger.error('hub.event.listener-failed', { memberId: member.id, ...describeError(error) });
        }
      }
    }
  }
}
