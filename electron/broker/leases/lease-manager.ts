import { createHash, randomBytes } from 'node:crypto';
import { ContractFailure, type LeaseInfo, type LeaseKind } from '../../../shared/contract';
import { prodResourceOf } from '../../../shared/access/prod-resource';
import type { Provider, ResolvedSecret } from '../../../shared/manifest';
import type { AuditLog } from '../audit/audit-log';
import { describeErrorForLog, type Logger } from '../log';
import type { ProjectService } from '../projects/project-service';
import type { ProviderRegistry } from '../providers/provider-registry';
import { ProviderError } from '../providers/provider';
import type { Caller, TokenVault } from '../vault/token-vault';
import type { LeaseRecord, LeaseSecretRecord, LeaseStore } from './lease-store';

export interface LeaseListener {
  changed(lease: LeaseInfo): void;
  expiring(lease: LeaseInfo, secondsLeft: number): void;
  /** The lease is over (expired or revoked): shells act on `onExpiry`. */
  ended(lease: LeaseInfo): void;
}

/** A value for a `prod` entry from an active hub grant. */
export interface ProdGrantValue {
  requestId: string;
  value: string;
  endsAt: string;
}

/** This member's active grant for a hub resource, opened. */
export interface ProdGrant {
  requestId: string;
  endsAt: string;
  /** The value a `prod` entry of this name gets from the grant, if any. */
  valueFor(secretName: string): string | undefined;
}

/** The active grant for a resource (null: none, its entries are left out). One hub lookup per call. */
export type ProdGrantSource = (resource: string) => Promise<ProdGrant | null>;

export interface CreatedLease {
  lease: LeaseInfo;
  env: Record<string, string>;
  session: string;
}

const MAX_BACKOFF_MS = 5 * 60_000;
const hashSession = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Seconds before expiry at which the holder is warned: 20% of the TTL, 5 s to 5 min. */
export function warningLeadSeconds(ttlSeconds: number): number {
  return Math.max(5, Math.min(300, Math.floor(ttlSeconds * 0.2)));
}

/**
 * Every injection is a lease: minted from a project's template, persisted (without values),
 * renewable up to its max TTL, revoked at the source when it ends. Timers are re-armed and
 * owed revocations retried (with backoff) after a restart.
 */
export class LeaseManager {
  private readonly timers = new Map<string, NodeJS.Timeout[]>();
  private readonly retryTimers = new Map<string, NodeJS.Timeout>();
  /** Values live only in memory, for masking; never on disk. */
  private readonly values = new Map<string, Map<string, string>>();
  private prodGrantSource: ProdGrantSource | null = null;
  private closed = false;

  constructor(
    private readonly store: LeaseStore,
    private readonly projects: ProjectService,
    private readonly vault: TokenVault,
    private readonly providers: ProviderRegistry,
    private readonly audit: AuditLog,
    private readonly logger: Logger,
    private readonly listener: LeaseListener,
  ) {}

  /** After a (re)start: end shells' leases (their shells died with the old broker), expire what expired, re-arm the rest. */
  async recover(): Promise<void> {
    const now = Date.now();
    for (const record of this.store.live()) {
      if (record.kind === 'shell') await this.end(record.id, 'revoked', 'the broker restarted (its shell ended)');
      else if (Date.parse(record.expiresAt) <= now) await this.end(record.id, 'expired', 'expired while the broker was down');
      else this.arm(record);
    }
    for (const owed of this.store.owed()) this.scheduleRetry(owed, 0);
  }

  async create(projectRef: string, options: { environment?: string; ttlSeconds?: number; kind: LeaseKind }, caller: Caller): Promise<CreatedLease> {
    const project = this.projects.resolve(projectRef);
    const template = this.projects.requireTemplate(project);
    const secrets = this.projects.resolvedSecrets(template, options.environment);
    const known = new Set(this.vault.list().map((t) => t.name));
    const missing = secrets.filter((s) => s.class === 'personal' && !known.has(s.token));
    if (missing.length > 0) {
      const list = missing.map((s) => `${s.name} (latch token add ${s.class === 'personal' ? s.token : ''})`).join(', ');
      throw new ContractFailure('NOT_FOUND', `missing personal tokens for ${template.project}: ${list}`);
    }
    // `prod` entries only with an active, approved grant from the team hub; the lease then
    // ends no later than the grant.
    const grants = await this.prodGrants(secrets);
    const injectable = secrets.filter((s) => s.class !== 'prod' || grants.has(s.name));
    const grantLeft = Math.min(...[...grants.values()].map((g) => Math.floor((Date.parse(g.endsAt) - Date.now()) / 1000)));
    const maxTtl = Math.min(...injectable.map((s) => s.maxTtlSeconds), 30 * 86400, grantLeft);
    const ttl = Math.min(options.ttlSeconds ?? Math.min(...injectable.map((s) => s.ttlSeconds), 3600), maxTtl);
    const issued = new Date();
    const id = 'lse_' + randomBytes(8).toString('hex');
    const session = `${id}.${randomBytes(24).toString('base64url')}`;
    const expiresAt = new Date(issued.getTime() + ttl * 1000);
    const env: Record<string, string> = {};
    const secretRecords: LeaseSecretRecord[] = [];
    const minted: Array<{ spec: Provider; handle: LeaseSecretRecord['handle'] }> = [];
    const label = `lease ${id}`;
    const recordBase = (name: string) =>
      ({ leaseId: id, name, providerSpec: null, handle: null, revocation: 'none' as const, attempts: 0, nextRetryAt: null, lastError: null });
    // Personal tokens: one read of them all (one audit write), beside the other sources.
    const personal = injectable.flatMap((s) => (s.class === 'personal' ? [{ name: s.name, token: s.token }] : []));
    const readPersonal = async (): Promise<void> => {
      if (personal.length === 0) return;
      const values = await this.vault.readAll(personal.map((p) => p.token), caller, label);
      personal.forEach((p, i) => {
        env[p.name] = values[i] as string;
        secretRecords.push({ ...recordBase(p.name), source: `keychain:${p.token}` });
      });
    };
    try {
      await Promise.all([
        readPersonal(),
        ...injectable.map(async (secret: ResolvedSecret) => {
          const base = recordBase(secret.name);
          if (secret.class === 'stub') {
            env[secret.name] = (await this.projects.stubValue(project, secret.name)).value;
            secretRecords.push({ ...base, source: 'stub' });
          } else if (secret.class === 'prod') {
            const grant = grants.get(secret.name);
            if (!grant) return;
            env[secret.name] = grant.value;
            secretRecords.push({ ...base, source: `hub:${grant.requestId}` });
          } else if (secret.class === 'dynamic') {
            const provider = await this.providers.build(secret.provider, project.record.path);
            const credential = await provider.mint({ leaseId: id, projectId: template.project, secretName: secret.name, expiresAt });
            env[secret.name] = credential.value;
            const handle = JSON.stringify(credential.handle);
            minted.push({ spec: secret.provider, handle });
            secretRecords.push({ ...base, source: secret.provider.type, providerSpec: JSON.stringify(secret.provider), handle });
          }
        }),
      ]);
    } catch (error) {
      // Undo what was minted so a failed lease leaves nothing alive at the source.
      for (const m of minted) {
        const provider = await this.providers.build(m.spec, project.record.path).catch(() => null);
        await provider?.revoke(JSON.parse(m.handle ?? '{}') as Record<string, string>).catch(() => undefined);
      }
      if (error instanceof ProviderError) throw new ContractFailure('PROVIDER_FAILED', error.message);
      throw error;
    }
    const onExpiry = injectable.some((s) => s.onExpiry === 'stub-only') && injectable.every((s) => s.onExpiry === 'stub-only') ? 'stub-only' : 'end-shell';
    const record: LeaseRecord = {
      id,
      projectId: template.project,
      projectPath: project.record.path,
      environment: options.environment ?? null,
      kind: options.kind,
      state: 'active',
      issuedAt: issued.toISOString(),
      expiresAt: expiresAt.toISOString(),
      maxExpiresAt: new Date(issued.getTime() + maxTtl * 1000).toISOString(),
      ttlSeconds: ttl,
      renewals: 0,
      client: caller.client,
      onExpiry,
      sessionHash: hashSession(session),
      endedAt: null,
      endReason: null,
    };
    this.store.insert(record, secretRecords);
    this.values.set(id, new Map(Object.entries(env)));
    this.arm(record);
    await this.audit.append({ ...caller, action: 'lease.create', target: id, outcome: 'ok', detail: `${template.project}: ${Object.keys(env).length} values, ttl ${ttl}s` });
    const info = this.info(id);
    this.listener.changed(info);
    return { lease: info, env, session };
  }

  /** Where `prod` entries get their values: the team hub's grants (see access/). */
  setProdGrants(source: ProdGrantSource): void {
    this.prodGrantSource = source;
  }

  /** A hub grant ended (expired, revoked): end every live lease that holds its credential. */
  async endGrantLeases(requestId: string): Promise<number> {
    const source = `hub:${requestId}`;
    let ended = 0;
    for (const record of this.store.live()) {
      if (!this.store.secrets(record.id).some((s) => s.source === source)) continue;
      await this.end(record.id, 'revoked', 'production access ended');
      ended++;
    }
    return ended;
  }

  private async prodGrants(secrets: readonly ResolvedSecret[]): Promise<Map<string, ProdGrantValue>> {
    const grants = new Map<string, ProdGrantValue>();
    const prod = secrets.filter((s) => s.class === 'prod');
    if (prod.length === 0 || !this.prodGrantSource) return grants;
    // Entries naming the same resource share one lookup.
    const byResource = new Map<string, Promise<ProdGrant | null>>();
    for (const secret of prod) {
      const resource = prodResourceOf(secret);
      let grant = byResource.get(resource);
      if (!grant) {
        grant = this.prodGrantSource(resource);
        byResource.set(resource, grant);
      }
      const opened = await grant;
      const value = opened?.valueFor(secret.name);
      if (opened && value !== undefined) grants.set(secret.name, { requestId: opened.requestId, value, endsAt: opened.endsAt });
    }
    return grants;
  }

  list(): LeaseInfo[] {
    return this.store.list().map((record) => this.toInfo(record));
  }

  info(id: string): LeaseInfo {
    const record = this.store.get(id);
    if (!record) throw new ContractFailure('NOT_FOUND', `no lease ${id}`);
    return this.toInfo(record);
  }

  private byRef(ref: { lease?: string; session?: string }): LeaseRecord {
    const record = ref.session !== undefined ? this.store.bySessionHash(hashSession(ref.session)) : this.store.get(ref.lease ?? '');
    if (!record) throw new ContractFailure(ref.session !== undefined ? 'UNAUTHORIZED' : 'NOT_FOUND', ref.session !== undefined ? 'unknown session token' : `no lease ${ref.lease}`);
    return record;
  }

  /** Injected values of a live lease (for masking its output). */
  secretValues(id: string): Array<{ name: string; value: string }> {
    return [...(this.values.get(id) ?? new Map<string, string>())].map(([name, value]) => ({ name, value }));
  }

  async renew(ref: { lease?: string; session?: string }, ttlSeconds: number | undefined, caller: Caller): Promise<LeaseInfo> {
    const record = this.byRef(ref);
    if (record.state === 'expired' || record.state === 'revoked') throw new ContractFailure('LEASE_ENDED', `lease ${record.id} has ended (${record.state}); start a new shell`);
    const max = Date.parse(record.maxExpiresAt);
    const wanted = Date.now() + (ttlSeconds ?? record.ttlSeconds) * 1000;
    const next = Math.min(wanted, max);
    if (next <= Date.parse(record.expiresAt)) {
      throw new ContractFailure('CONFLICT', `lease ${record.id} is already at its max TTL (ends ${record.maxExpiresAt})`);
    }
    const expiresAt = new Date(next);
    for (const secret of this.store.secrets(record.id)) {
      if (!secret.providerSpec || !secret.handle) continue;
      const provider = await this.providers.build(JSON.parse(secret.providerSpec) as Provider, record.projectPath);
      await provider.renew(JSON.parse(secret.handle) as Record<string, string>, expiresAt).catch((error: unknown) => {
        throw new ContractFailure('PROVIDER_FAILED', `renewing ${secret.name} failed: ${error instanceof Error ? error.message : 'error'}`);
      });
    }
    this.store.renew(record.id, expiresAt.toISOString());
    this.arm({ ...record, expiresAt: expiresAt.toISOString() });
    await this.audit.append({ ...caller, action: 'lease.renew', target: record.id, outcome: 'ok', detail: `until ${expiresAt.toISOString()}` });
    const info = this.info(record.id);
    this.listener.changed(info);
    return info;
  }

  async revoke(id: string, caller: Caller, reason = 'revoked'): Promise<LeaseInfo> {
    const record = this.store.get(id);
    if (!record) throw new ContractFailure('NOT_FOUND', `no lease ${id}`);
    if (record.state === 'expired' || record.state === 'revoked') return this.toInfo(record);
    await this.audit.append({ ...caller, action: 'lease.revoke', target: id, outcome: 'ok', detail: reason });
    return this.end(id, 'revoked', reason);
  }

  /**
   * The client holding a lease bound to its connection went away (its `latch run` ended or
   * died): end the lease now. Not while the broker stops; a restart keeps it until its TTL.
   */
  clientDisconnected(id: string, caller: Caller): void {
    if (this.closed) return;
    this.revoke(id, caller, 'its client disconnected').catch((error: unknown) => {
      this.logger.warn('lease.disconnect_revoke_failed', { lease: id, ...describeErrorForLog(error) });
    });
  }

  async revokeProject(projectRef: string, caller: Caller): Promise<number> {
    const project = this.projects.resolve(projectRef);
    const live = this.store.live().filter((l) => l.projectPath === project.record.path);
    for (const l of live) await this.revoke(l.id, caller, 'project revoked');
    return live.length;
  }

  async revokeAll(caller: Caller, reason: string): Promise<number> {
    const live = this.store.live();
    for (const l of live) await this.revoke(l.id, caller, reason);
    return live.length;
  }

  close(): void {
    this.closed = true;
    for (const timers of this.timers.values()) for (const t of timers) clearTimeout(t);
    for (const t of this.retryTimers.values()) clearTimeout(t);
    this.timers.clear();
    this.retryTimers.clear();
  }

  private arm(record: LeaseRecord): void {
    for (const t of this.timers.get(record.id) ?? []) clearTimeout(t);
    const left = Date.parse(record.expiresAt) - Date.now();
    const lead = warningLeadSeconds(record.ttlSeconds) * 1000;
    const timers: NodeJS.Timeout[] = [];
    const expire = setTimeout(() => void this.end(record.id, 'expired', 'TTL reached'), Math.max(0, left));
    timers.push(expire);
    if (left > lead) {
      timers.push(
        setTimeout(() => {
          const current = this.store.get(record.id);
          if (!current || current.state !== 'active') return;
          this.store.setState(record.id, 'expiring');
          const info = this.info(record.id);
          this.listener.expiring(info, Math.round((Date.parse(current.expiresAt) - Date.now()) / 1000));
          this.listener.changed(info);
        }, left - lead),
      );
    }
    this.timers.set(record.id, timers);
  }

  private async end(id: string, state: 'expired' | 'revoked', reason: string): Promise<LeaseInfo> {
    for (const t of this.timers.get(id) ?? []) clearTimeout(t);
    this.timers.delete(id);
    const current = this.store.get(id);
    if (current && (current.state === 'expired' || current.state === 'revoked')) return this.toInfo(current);
    this.store.setState(id, state, new Date().toISOString(), reason);
    for (const secret of this.store.secrets(id)) {
      if (secret.providerSpec && secret.handle && secret.revocation !== 'done') {
        this.store.setRevocation(id, secret.name, 'owed', { attempts: secret.attempts });
        await this.tryRevoke({ ...secret, revocation: 'owed' });
      }
    }
    this.values.delete(id);
    this.logger.info('lease.ended', { lease: id, state, reason });
    await this.audit.append({ actor: 'latch', client: 'broker', action: `lease.${state}`, target: id, outcome: 'ok', detail: reason }).catch(() => undefined);
    const info = this.info(id);
    this.listener.ended(info);
    this.listener.changed(info);
    return info;
  }

  private async tryRevoke(secret: LeaseSecretRecord): Promise<void> {
    try {
      const provider = await this.providers.build(JSON.parse(secret.providerSpec as string) as Provider, this.store.get(secret.leaseId)?.projectPath);
      await provider.revoke(JSON.parse(secret.handle as string) as Record<string, string>);
      this.store.setRevocation(secret.leaseId, secret.name, 'done', { attempts: secret.attempts + 1 });
      this.logger.info('lease.revoked_at_source', { lease: secret.leaseId, secret: secret.name });
      const settled = this.store.get(secret.leaseId);
      if (settled && secret.attempts > 0) this.listener.changed(this.toInfo(settled));
    } catch (error) {
      const attempts = secret.attempts + 1;
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts - 1, 9));
      const message = error instanceof Error ? error.message.slice(0, 300) : 'revocation failed';
      const nextRetryAt = new Date(Date.now() + delay).toISOString();
      this.store.setRevocation(secret.leaseId, secret.name, 'owed', { attempts, nextRetryAt, lastError: message });
      this.logger.warn('lease.revocation_owed', { lease: secret.leaseId, secret: secret.name, attempts, delayMs: delay });
      this.scheduleRetry({ ...secret, attempts, nextRetryAt, lastError: message }, delay);
      const info = this.store.get(secret.leaseId);
      if (info) this.listener.changed(this.toInfo(info));
    }
  }

  private scheduleRetry(secret: LeaseSecretRecord, delayMs: number): void {
    const key = `${secret.leaseId}/${secret.name}`;
    clearTimeout(this.retryTimers.get(key));
    const wait = secret.nextRetryAt ? Math.max(delayMs, Date.parse(secret.nextRetryAt) - Date.now()) : delayMs;
    const timer = setTimeout(() => {
      this.retryTimers.delete(key);
      const fresh = this.store.secrets(secret.leaseId).find((s) => s.name === secret.name);
      if (fresh && fresh.revocation === 'owed') void this.tryRevoke(fresh);
    }, Math.max(0, wait));
    timer.unref();
    this.retryTimers.set(key, timer);
  }

  private toInfo(record: LeaseRecord): LeaseInfo {
    return {
      id: record.id,
      project: record.projectId,
      projectPath: record.projectPath,
      environment: record.environment,
      kind: record.kind,
      state: record.state,
      issuedAt: record.issuedAt,
      expiresAt: record.expiresAt,
      maxExpiresAt: record.maxExpiresAt,
      ttlSeconds: record.ttlSeconds,
      renewals: record.renewals,
      client: record.client,
      onExpiry: record.onExpiry,
      endedAt: record.endedAt,
      endReason: record.endReason,
      secrets: this.store.secrets(record.id).map((s) => ({
        name: s.name,
        source: s.source,
        revocation: s.revocation,
        attempts: s.attempts,
        nextRetryAt: s.nextRetryAt,
        lastError: s.lastError,
      })),
    };
  }
}
