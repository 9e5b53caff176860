// Temporary production access, on the requester's and the approver's machine: this broker is
// a member of a team hub (electron/hub). It holds the member's keys (private halves in the OS
// keychain), signs every call, keeps one live event link to the hub, turns hub events into
// broker events (tray badge, notifications, Access page) and opens sealed credentials for
// `prod` template entries when a lease is made. Credentials never reach a client.

import { ContractFailure, type AccessAuditEntry, type AccessRequestInfo, type AccessStatus } from '../../../shared/contract';
import { requestSummary } from '../../../shared/access/request-summary';
import { HubClient } from '../../hub/client/hub-client';
import { generateSealingKeyPair, openSealedValues } from '../../hub/crypto/seal';
import { generateSigningKeyPair } from '../../hub/crypto/signing';
import type { AccessRequestView, HubErrorCode, HubEvent } from '../../hub/service-types';
import { HubError } from '../../hub/service-types';
import type { AuditLog } from '../audit/audit-log';
import type { BrokerEvents } from '../events';
import type { Logger } from '../log';
import type { Caller } from '../vault/token-vault';
import type { HubKeys } from './hub-keys';
import type { HubMembership, HubMembershipStore } from './hub-membership-store';

/** The credential of an active grant, opened on this machine, for a lease. */
export interface OpenedGrant {
  requestId: string;
  resource: string;
  endsAt: string;
  values: Record<string, string>;
}

type Connection = AccessStatus['connection'];

const REFUSALS: ReadonlySet<HubErrorCode> = new Set<HubErrorCode>([
  'UNKNOWN_RESOURCE',
  'NOT_A_REQUESTER',
  'OVER_MAX_DURATION',
  'INVALID_DURATION',
  'REASON_REQUIRED',
  'OUTSIDE_HOURS',
  'NOT_AN_APPROVER',
  'SELF_APPROVAL',
  'ALREADY_APPROVED_BY_YOU',
  'FORBIDDEN',
  'INVALID_STATE',
  'INVALID_INVITE',
  'MINT_FAILED',
]);

const NOT_RECOGNISED: ReadonlySet<HubErrorCode> = new Set<HubErrorCode>(['UNAUTHENTICATED', 'BAD_SIGNATURE', 'UNKNOWN_MEMBER', 'STALE_TIMESTAMP', 'REPLAYED_NONCE']);

/** A hub failure as a contract failure with a stable code (the hub's own code in details). */
export function contractFailureFromHub(error: unknown): ContractFailure {
  if (error instanceof ContractFailure) return error;
  if (error instanceof HubError) {
    const details = { hubCode: error.code };
    if (REFUSALS.has(error.code)) return new ContractFailure('ACCESS_REFUSED', error.message, details);
    if (NOT_RECOGNISED.has(error.code)) {
      const hint = error.code === 'STALE_TIMESTAMP' ? ' (is this machine’s clock right?)' : ' (join again with a new invite if this persists)';
      return new ContractFailure('ACCESS_REFUSED', `the hub refused this machine’s signature: ${error.message}${hint}`, details);
    }
    if (error.code === 'NOT_FOUND') return new ContractFailure('NOT_FOUND', error.message, details);
    if (error.code === 'INVALID_INPUT') return new ContractFailure('INVALID_INPUT', error.message, details);
    return new ContractFailure('HUB_UNAVAILABLE', `the team hub did not answer: ${error.message}`, details);
  }
  return new ContractFailure('HUB_UNAVAILABLE', `the team hub did not answer: ${error instanceof Error ? error.message : String(error)}`);
}

export interface AccessServiceDeps {
  store: HubMembershipStore;
  keys: HubKeys;
  audit: AuditLog;
  events: BrokerEvents;
  logger: Logger;
}

export class AccessService {
  private client: HubClient | null = null;
  private unsubscribe: (() => void) | null = null;
  private connection: Connection = 'not-joined';
  /** Pending requests this member may approve, by id (kept fresh by hub events). */
  private readonly reviews = new Map<string, AccessRequestInfo>();
  /** This member's active grants, by id. */
  private readonly active = new Map<string, AccessRequestInfo>();
  /** Opened credentials, in memory only, until the grant ends. */
  private readonly opened = new Map<string, OpenedGrant>();
  private readonly endedListeners = new Set<(requestId: string) => void>();
  private closed = false;
  private connecting: Promise<void> | null = null;

  constructor(private readonly deps: AccessServiceDeps) {}

  /** Connect to the hub if this machine is a member (does not wait for the hub). */
  start(): void {
    const membership = this.deps.store.get();
    if (membership) void this.connect(membership).catch((error: unknown) => this.deps.logger.warn('access.connect_failed', { error: errorText(error) }));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.disconnect();
  }

  /** Lock: forget opened credentials and cached keys (the link stays; calls reload keys). */
  lock(): void {
    this.opened.clear();
    this.deps.keys.forget();
  }

  /** Called with a request id when a grant of this member ends (expired, revoked). */
  onGrantEnded(listener: (requestId: string) => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  /** Active grants of this member known from the hub: resource -> end (ISO). No hub call. */
  activeGrants(): ReadonlyMap<string, string> {
    const grants = new Map<string, string>();
    for (const grant of this.active.values()) if (grant.endsAt !== undefined && Date.parse(grant.endsAt) > Date.now()) grants.set(grant.resource, grant.endsAt);
    return grants;
  }

  status(): AccessStatus {
    const membership = this.deps.store.get();
    return {
      joined: membership !== null,
      hubUrl: membership?.hubUrl ?? null,
      member: membership ? { id: membership.memberId, name: membership.memberName, groups: membership.groups } : null,
      connection: membership ? this.connection : 'not-joined',
      pendingReviews: this.reviews.size,
      activeGrants: this.active.size,
    };
  }

  async join(invite: string, name: string | undefined, caller: Caller): Promise<AccessStatus> {
    if (this.deps.store.get()) throw new ContractFailure('CONFLICT', 'this machine is already a member of a hub: `latch hub leave` first');
    const signing = generateSigningKeyPair();
    const sealing = generateSealingKeyPair();
    // Keys first: if the keychain is unavailable nothing is sent to the hub.
    await this.deps.keys.store({ signingPem: signing.privateKeyPem, sealingPem: sealing.privateKeyPem });
    let joined: Awaited<ReturnType<typeof HubClient.join>>;
    try {
      joined = await HubClient.join({
        invite,
        ...(name !== undefined && { name }),
        signingKey: { privateKeyPem: signing.privateKeyPem, publicKey: signing.publicKey },
        sealingKey: sealing.publicKey,
      });
    } catch (error) {
      await this.deps.keys.remove().catch(() => undefined);
      throw contractFailureFromHub(error);
    }
    const membership: HubMembership = {
      hubUrl: joined.url,
      caPem: joined.caCertPem,
      memberId: joined.member.id,
      memberName: joined.member.name,
      groups: joined.member.groups,
      keyId: joined.member.keyId,
      signingPublic: signing.publicKey,
      sealingPublic: sealing.publicKey,
      joinedAt: joined.member.joinedAt,
    };
    this.deps.store.save(membership);
    await this.deps.audit.append({ ...caller, action: 'access.join', target: joined.url, outcome: 'ok', detail: `member ${membership.memberName} (${membership.groups.join(', ') || 'no groups'})` });
    await this.connect(membership);
    return this.status();
  }

  async leave(caller: Caller): Promise<AccessStatus> {
    const membership = this.deps.store.get();
    if (!membership) return this.status();
    this.disconnect();
    await this.deps.keys.remove();
    this.deps.store.clear();
    this.reviews.clear();
    this.active.clear();
    this.opened.clear();
    await this.deps.audit.append({ ...caller, action: 'access.leave', target: membership.hubUrl, outcome: 'ok' });
    this.emitStatus();
    return this.status();
  }

  async request(input: { resource: string; durationSeconds: number; reason: string }, caller: Caller): Promise<AccessRequestInfo> {
    const { client, membership } = await this.requireClient();
    const view = await this.hub(() => client.createRequest(input), caller, 'access.request', input.resource);
    await this.deps.audit.append({ ...caller, action: 'access.request', target: view.id, outcome: 'ok', detail: `${input.resource} for ${input.durationSeconds}s` });
    return this.track(this.toInfo(view, membership, true));
  }

  async list(query: { scope?: 'mine' | 'review' | 'all'; states?: AccessRequestInfo['state'][]; limit?: number }): Promise<AccessRequestInfo[]> {
    const { client, membership } = await this.requireClient();
    const scope = query.scope ?? 'all';
    const views = await this.hub(() => client.listRequests({ scope, ...(query.states !== undefined && { states: query.states }), ...(query.limit !== undefined && { limit: query.limit }) }));
    // Whatever is not mine came back because this member may review it.
    return views.map((view) => this.track(this.toInfo(view, membership, view.requesterId !== membership.memberId)));
  }

  async get(id: string): Promise<AccessRequestInfo> {
    const { client, membership } = await this.requireClient();
    const view = await this.hub(() => client.getRequest(id));
    return this.track(this.toInfo(view, membership, true));
  }

  async approve(id: string, input: { durationSeconds?: number; comment?: string }, caller: Caller): Promise<AccessRequestInfo> {
    const { client, membership } = await this.requireClient();
    const view = await this.hub(() => client.approve(id, input), caller, 'access.approve', id);
    await this.deps.audit.append({ ...caller, action: 'access.approve', target: id, outcome: 'ok', detail: `${view.resource} for ${view.requesterName}${input.durationSeconds ? `, ${input.durationSeconds}s` : ''}` });
    return this.track(this.toInfo(view, membership, true));
  }

  async deny(id: string, comment: string | undefined, caller: Caller): Promise<AccessRequestInfo> {
    const { client, membership } = await this.requireClient();
    const view = await this.hub(() => client.deny(id, comment !== undefined ? { comment } : {}), caller, 'access.deny', id);
    await this.deps.audit.append({ ...caller, action: 'access.deny', target: id, outcome: 'ok', detail: `${view.resource} for ${view.requesterName}` });
    return this.track(this.toInfo(view, membership, true));
  }

  async cancel(id: string, caller: Caller): Promise<AccessRequestInfo> {
    const { client, membership } = await this.requireClient();
    const view = await this.hub(() => client.cancel(id), caller, 'access.cancel', id);
    await this.deps.audit.append({ ...caller, action: 'access.cancel', target: id, outcome: 'ok', detail: view.resource });
    return this.track(this.toInfo(view, membership, true));
  }

  async revoke(id: string, comment: string | undefined, caller: Caller): Promise<AccessRequestInfo> {
    const { client, membership } = await this.requireClient();
    const view = await this.hub(() => client.revoke(id, comment !== undefined ? { comment } : {}), caller, 'access.revoke', id);
    await this.deps.audit.append({ ...caller, action: 'access.revoke', target: id, outcome: 'ok', detail: view.resource });
    return this.track(this.toInfo(view, membership, true));
  }

  async audit(query: { requestId?: string; limit?: number }): Promise<AccessAuditEntry[]> {
    const { client } = await this.requireClient();
    const entries = await this.hub(() => client.audit({ ...(query.requestId !== undefined && { requestId: query.requestId }), limit: query.limit ?? 200 }));
    return entries
      .map((e) => ({ seq: e.seq, at: e.at, action: e.action, actorId: e.actorId, requestId: e.requestId, details: e.details, signed: e.proof !== null }))
      .sort((a, b) => b.seq - a.seq);
  }

  /**
   * The opened credential of this member's active grant for `resource`, or null when there is
   * none. Values stay in memory until the grant ends; they are never written anywhere.
   */
  async grantFor(resource: string): Promise<OpenedGrant | null> {
    const membership = this.deps.store.get();
    if (!membership) return null;
    const { client } = await this.requireClient();
    const now = Date.now();
    const mine = await this.hub(() => client.listRequests({ scope: 'mine', states: ['active'], limit: 50 }));
    const grant = mine
      .filter((r) => r.resource === resource && r.endsAt !== undefined && Date.parse(r.endsAt) > now)
      .sort((a, b) => Date.parse(b.endsAt ?? '') - Date.parse(a.endsAt ?? ''))[0];
    if (!grant) return null;
    const cached = this.opened.get(grant.id);
    if (cached) return cached;
    const sealed = await this.hub(() => client.credential(grant.id));
    const keys = await this.deps.keys.load();
    let values: Record<string, string>;
    try {
      values = openSealedValues(keys.sealingPem, sealed.sealed, grant.id);
    } catch {
      throw new ContractFailure('ACCESS_REFUSED', `the credential for ${resource} could not be opened with this machine’s key (was it sealed for another machine?)`);
    }
    const opened: OpenedGrant = { requestId: grant.id, resource, endsAt: sealed.endsAt, values };
    this.opened.set(grant.id, opened);
    return opened;
  }

  private async requireClient(): Promise<{ client: HubClient; membership: HubMembership }> {
    const membership = this.deps.store.get();
    if (!membership) throw new ContractFailure('NOT_JOINED', 'this machine has not joined a team hub: ask an admin for an invite and run `latch hub join INVITE`');
    // No link yet (the keychain was locked when the broker started): make it now, events too.
    if (!this.client) await this.connect(membership);
    if (!this.client) throw new ContractFailure('HUB_UNAVAILABLE', 'the broker is stopping');
    return { client: this.client, membership };
  }

  private async makeClient(membership: HubMembership): Promise<HubClient> {
    const keys = await this.deps.keys.load().catch((error: unknown) => {
      throw new ContractFailure('KEYCHAIN_UNAVAILABLE', `cannot read this machine’s hub key from the keychain: ${errorText(error)}`);
    });
    return new HubClient({ url: membership.hubUrl, caCertPem: membership.caPem, signingKey: { privateKeyPem: keys.signingPem, publicKey: membership.signingPublic } });
  }

  /** Run a hub call; refusals are audited (without values) and mapped to contract failures. */
  private async hub<T>(call: () => Promise<T>, caller?: Caller, action?: string, target?: string): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const failure = contractFailureFromHub(error);
      if (caller && action && target && failure.code === 'ACCESS_REFUSED') {
        await this.deps.audit.append({ ...caller, action, target, outcome: 'denied', detail: failure.message }).catch(() => undefined);
      }
      throw failure;
    }
  }

  /** One link at a time: concurrent callers share the connection being made. */
  private connect(membership: HubMembership): Promise<void> {
    this.connecting ??= this.link(membership).finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async link(membership: HubMembership): Promise<void> {
    if (this.closed) return;
    this.disconnect();
    this.connection = 'connecting';
    const client = await this.makeClient(membership);
    if (this.closed) return;
    this.client = client;
    this.unsubscribe = client.subscribe(
      (event) => this.onHubEvent(event, membership),
      (state) => {
        this.connection = state;
        if (state === 'open') void this.refresh(membership);
        this.emitStatus();
      },
    );
  }

  private disconnect(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.client = null;
    this.connection = 'not-joined';
  }

  /** After (re)connecting: reload what needs review and my active grants (events may have been missed). */
  private async refresh(membership: HubMembership): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      const [review, mine] = await Promise.all([
        client.listRequests({ scope: 'review', states: ['pending'], limit: 500 }),
        client.listRequests({ scope: 'mine', states: ['active'], limit: 100 }),
      ]);
      this.reviews.clear();
      for (const view of review) this.track(this.toInfo(view, membership, true));
      const wasActive = new Set(this.active.keys());
      this.active.clear();
      for (const view of mine) this.track(this.toInfo(view, membership, false));
      for (const id of wasActive) if (!this.active.has(id)) this.grantEnded(id);
      this.emitStatus();
    } catch (error) {
      this.deps.logger.warn('access.refresh_failed', { error: errorText(error) });
    }
  }

  private onHubEvent(event: HubEvent, membership: HubMembership): void {
    if (event.type !== 'request.changed') return;
    const info = this.track(this.toInfo(event.request, membership, event.request.requesterId !== membership.memberId));
    this.deps.events.emit('access.changed', {
      id: info.id,
      resource: info.resource,
      state: info.state,
      requesterName: info.requesterName,
      mine: info.mine,
      canReview: info.canReview,
      summary: requestSummary(info),
    });
    this.emitStatus();
  }

  /** Keep the review and active-grant sets in step with what the hub says about a request. */
  private track(info: AccessRequestInfo): AccessRequestInfo {
    if (info.canReview) this.reviews.set(info.id, info);
    else this.reviews.delete(info.id);
    if (info.mine && info.state === 'active') this.active.set(info.id, info);
    else if (this.active.delete(info.id)) this.grantEnded(info.id);
    return info;
  }

  private grantEnded(id: string): void {
    this.opened.delete(id);
    for (const listener of this.endedListeners) listener(id);
  }

  private emitStatus(): void {
    const status = this.status();
    this.deps.events.emit('access.status', { connection: status.connection, pendingReviews: status.pendingReviews });
  }

  /**
   * `reviewable`: the hub sent this request to this member as a possible approver (it only
   * shows members requests they made or may review).
   */
  private toInfo(view: AccessRequestView, membership: HubMembership, reviewable: boolean): AccessRequestInfo {
    const mine = view.requesterId === membership.memberId;
    const approvedByMe = view.approvals.some((a) => a.approverId === membership.memberId);
    const known = this.reviews.has(view.id);
    const canReview = view.state === 'pending' && !mine && !approvedByMe && (reviewable || known);
    return {
      id: view.id,
      resource: view.resource,
      requesterId: view.requesterId,
      requesterName: view.requesterName,
      reason: view.reason,
      requestedSeconds: view.requestedSeconds,
      grantedSeconds: view.grantedSeconds,
      state: view.state,
      approvalsRequired: view.approvalsRequired,
      approvals: view.approvals.map((a) => ({
        approverId: a.approverId,
        approverName: a.approverName,
        at: a.at,
        ...(a.comment !== undefined && { comment: a.comment }),
        ...(a.durationSeconds !== undefined && { durationSeconds: a.durationSeconds }),
      })),
      createdAt: view.createdAt,
      pendingUntil: view.pendingUntil,
      ...(view.startsAt !== undefined && { startsAt: view.startsAt }),
      ...(view.endsAt !== undefined && { endsAt: view.endsAt }),
      ...(view.decidedBy !== undefined && { decidedBy: view.decidedBy }),
      ...(view.decidedByName !== undefined && { decidedByName: view.decidedByName }),
      ...(view.comment !== undefined && { comment: view.comment }),
      updatedAt: view.updatedAt,
      ...(view.revocationError !== undefined && { revocationError: view.revocationError }),
      mine,
      canReview,
    };
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
