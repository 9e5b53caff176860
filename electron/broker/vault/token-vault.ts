import { randomBytes } from 'node:crypto';
import {
  ContractFailure,
  type TokenAddInput,
  type TokenDetail,
  type TokenMeta,
  type TokenUpdateInput,
} from '../../../shared/contract';
import type { AuditLog, AuditRecordInput } from '../audit/audit-log';
import { TOKEN_SERVICE, type Keychain } from '../keychain/keychain';
import { NameTakenError, toTokenMeta, type TokenRecord, type TokenStore } from '../store/token-store';
import { ValueCache } from './value-cache';

export interface Caller {
  /** OS user (or hub member) acting. */
  actor: string;
  /** Which client: cli, ui, app, shell:<lease>… */
  client: string;
}

export type TokenChange = 'added' | 'updated' | 'rotated' | 'removed';

function newTokenId(): string {
  return 'tok_' + randomBytes(10).toString('hex');
}

function notFound(name: string): ContractFailure {
  return new ContractFailure('NOT_FOUND', `no token named "${name}" (see \`latch token ls\`)`);
}

/**
 * Personal tokens: values only in the OS keychain (service "latch", account = token id),
 * metadata in the store, every access audited. Order of writes is chosen so that a failure
 * at any step leaves no value outside the keychain and no metadata without a value.
 */
export class TokenVault {
  constructor(
    private readonly keychain: Keychain,
    private readonly store: TokenStore,
    private readonly audit: AuditLog,
    private readonly onChange: (name: string, change: TokenChange) => void = () => {},
    /** Values read for leases, by token id (see ValueCache); off unless given. */
    private readonly cache: ValueCache = new ValueCache(0),
  ) {}

  /** Lock: forget every value read from the keychain; the next use asks it again. */
  forgetValues(): void {
    this.cache.clear();
  }

  list(): TokenMeta[] {
    const now = Date.now();
    return this.store.list().map((record) => toTokenMeta(record, now));
  }

  count(): number {
    return this.store.count();
  }

  get(name: string): TokenDetail {
    const record = this.require(name);
    return this.store.detail(record, Date.now());
  }

  async add(input: TokenAddInput, caller: Caller): Promise<TokenMeta> {
    if (this.store.byName(input.name)) {
      throw new ContractFailure('CONFLICT', `a token named "${input.name}" already exists (use \`latch token rotate\`)`);
    }
    const now = new Date().toISOString();
    const record: TokenRecord = {
      id: newTokenId(),
      name: input.name,
      kind: input.kind ?? 'generic',
      owner: input.owner ?? null,
      scopes: input.scopes ?? [],
      notes: input.notes ?? null,
      createdAt: now,
      updatedAt: now,
      expiresAt: input.expiresAt ?? null,
      lastRotatedAt: null,
      rotationPeriodDays: input.rotationPeriodDays ?? null,
    };
    await this.guarded('token.add', input.name, caller, () => this.keychain.set(TOKEN_SERVICE, record.id, input.value));
    try {
      this.store.insert(record);
    } catch (error) {
      await this.keychain.delete(TOKEN_SERVICE, record.id).catch(() => false);
      if (error instanceof NameTakenError) {
        throw new ContractFailure('CONFLICT', `a token named "${input.name}" already exists (use \`latch token rotate\`)`);
      }
      throw error;
    }
    await this.audit.append({ ...caller, action: 'token.add', target: input.name, outcome: 'ok', value: input.value });
    this.onChange(input.name, 'added');
    return toTokenMeta(record, Date.now());
  }

  /**
   * The value, for injection or an explicit reveal. Audited under `action` either way.
   * Injection may be answered from the cache; a reveal always asks the keychain.
   */
  async read(name: string, caller: Caller, action: 'token.read' | 'token.reveal' = 'token.read', detail?: string): Promise<string> {
    const [value] = await this.readRecords([this.require(name)], caller, action, detail ?? null);
    return value as string;
  }

  /**
   * Several tokens' values for one lease, in the order named: read concurrently (from the
   * cache when fresh) and audited as one write. Fails like `read` on the first token that
   * could not be read, after auditing every read.
   */
  async readAll(names: readonly string[], caller: Caller, detail: string): Promise<string[]> {
    return this.readRecords(names.map((name) => this.require(name)), caller, 'token.read', detail);
  }

  private async readRecords(records: readonly TokenRecord[], caller: Caller, action: 'token.read' | 'token.reveal', detail: string | null): Promise<string[]> {
    const generation = this.cache.generation;
    const reads = await Promise.allSettled(
      records.map(async (record) => {
        const cached = action === 'token.read' ? this.cache.get(record.id) : undefined;
        if (cached !== undefined) return cached;
        const value = await this.keychain.get(TOKEN_SERVICE, record.id);
        if (value !== null) this.cache.set(record.id, value, generation);
        return value;
      }),
    );
    const entries: AuditRecordInput[] = [];
    let failure: unknown = null;
    const values = reads.map((read, i) => {
      const name = (records[i] as TokenRecord).name;
      if (read.status === 'fulfilled' && read.value !== null) {
        entries.push({ ...caller, action, target: name, outcome: 'ok', detail, value: read.value });
        return read.value;
      }
      if (read.status === 'fulfilled') {
        entries.push({ ...caller, action, target: name, outcome: 'error', detail: 'value missing from keychain' });
        failure ??= new ContractFailure(
          'NOT_FOUND',
          `token "${name}" has metadata but no value in the OS keychain (was it deleted outside Latch?); set it again with \`latch token rotate ${name}\``,
        );
      } else {
        if (read.reason instanceof ContractFailure) entries.push({ ...caller, action, target: name, outcome: 'error', detail: read.reason.code });
        failure ??= read.reason;
      }
      return '';
    });
    const audited = this.audit.appendAll(entries);
    if (failure !== null) {
      await audited.catch(() => undefined);
      throw failure;
    }
    await audited;
    return values;
  }

  async update(input: TokenUpdateInput, caller: Caller): Promise<TokenMeta> {
    const record = this.require(input.name);
    const { patch } = input;
    const next: TokenRecord = {
      ...record,
      name: patch.rename ?? record.name,
      kind: patch.kind ?? record.kind,
      owner: patch.owner !== undefined ? patch.owner : record.owner,
      scopes: patch.scopes ?? record.scopes,
      notes: patch.notes !== undefined ? patch.notes : record.notes,
      expiresAt: patch.expiresAt !== undefined ? patch.expiresAt : record.expiresAt,
      rotationPeriodDays: patch.rotationPeriodDays !== undefined ? patch.rotationPeriodDays : record.rotationPeriodDays,
      updatedAt: new Date().toISOString(),
    };
    try {
      this.store.update(next);
    } catch (error) {
      if (error instanceof NameTakenError) throw new ContractFailure('CONFLICT', `a token named "${next.name}" already exists`);
      throw error;
    }
    const detail = patch.rename ? `renamed from ${record.name}` : null;
    await this.audit.append({ ...caller, action: 'token.update', target: next.name, outcome: 'ok', detail });
    this.onChange(next.name, 'updated');
    return toTokenMeta(next, Date.now());
  }

  async rotate(name: string, value: string, caller: Caller): Promise<TokenMeta> {
    const record = this.require(name);
    await this.guarded('token.rotate', name, caller, () => this.keychain.set(TOKEN_SERVICE, record.id, value));
    this.cache.delete(record.id);
    const at = new Date().toISOString();
    this.store.recordRotation(record.id, at);
    await this.audit.append({ ...caller, action: 'token.rotate', target: name, outcome: 'ok', value });
    this.onChange(name, 'rotated');
    return toTokenMeta({ ...record, lastRotatedAt: at, updatedAt: at }, Date.now());
  }

  async remove(name: string, caller: Caller): Promise<void> {
    const record = this.require(name);
    await this.guarded('token.remove', name, caller, () => this.keychain.delete(TOKEN_SERVICE, record.id));
    this.cache.delete(record.id);
    this.store.remove(record.id);
    await this.audit.append({ ...caller, action: 'token.remove', target: name, outcome: 'ok' });
    this.onChange(name, 'removed');
  }

  private require(name: string): TokenRecord {
    const record = this.store.byName(name);
    if (!record) throw notFound(name);
    return record;
  }

  /** Runs a keychain step; on failure audits the attempt when possible and rethrows the clear error. */
  private async guarded<T>(action: string, target: string, caller: Caller, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof ContractFailure) {
        await this.audit.append({ ...caller, action, target, outcome: 'error', detail: error.code }).catch(() => undefined);
      }
      throw error;
    }
  }
}
