import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditEntry, AuditListInput, AuditOutcome, AuditVerifyReport } from '../../../shared/contract';
import type { InternalKeys } from '../keychain/internal-keys';
import { INTERNAL_SERVICE, type Keychain } from '../keychain/keychain';
import type { Database } from '../store/database';

export interface AuditRecordInput {
  actor: string;
  client: string;
  action: string;
  target?: string | null;
  outcome: AuditOutcome;
  /** Short, value-free context (e.g. an error code). */
  detail?: string | null;
  /** The secret involved; stored only as a keyed HMAC. */
  value?: string;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  client: string;
  action: string;
  target: string | null;
  outcome: AuditOutcome;
  detail: string | null;
  value_hmac: string | null;
  prev_hash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);
const HEAD_ACCOUNT = 'audit-head';

function canonical(row: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([
    row.seq,
    row.at,
    row.actor,
    row.client,
    row.action,
    row.target,
    row.outcome,
    row.detail,
    row.value_hmac,
    row.prev_hash,
  ]);
}

function chainHash(key: Buffer, row: Omit<AuditRow, 'hash'>): string {
  return createHmac('sha256', key).update(canonical(row)).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    client: row.client,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    detail: row.detail,
    valueHmac: row.value_hmac,
    hash: row.hash,
  };
}

/**
 * Append-only, hash-chained audit log. Each row's hash is an HMAC (key in the OS keychain)
 * over the row and the previous hash, so an edited, inserted or deleted row breaks the chain
 * and cannot be re-sealed without the key. The latest (seq, hash) is checkpointed in the
 * keychain too, so cutting entries off the end is detected as well.
 */
export class AuditLog {
  private headTimer: NodeJS.Timeout | null = null;
  private pendingHead: string | null = null;

  constructor(
    private readonly db: Database,
    private readonly keys: InternalKeys,
    private readonly keychain: Keychain,
    private readonly onAppend: (entry: AuditEntry) => void = () => {},
  ) {}

  /** HMAC of a secret value, comparable across entries, useless without the key. */
  async valueHmac(value: string): Promise<string> {
    const key = await this.keys.get('audit-hmac-key');
    return createHmac('sha256', key).update('value\0').update(value).digest('hex').slice(0, 32);
  }

  /** Appends one entry. Requires the audit key, i.e. a reachable keychain (throws otherwise). */
  async append(input: AuditRecordInput): Promise<AuditEntry> {
    const [entry] = await this.appendAll([input]);
    return entry as AuditEntry;
  }

  /** Appends entries in order, in one transaction (a lease's token reads: one write, not ten). */
  async appendAll(inputs: readonly AuditRecordInput[]): Promise<AuditEntry[]> {
    if (inputs.length === 0) return [];
    const key = await this.keys.get('audit-hmac-key');
    const hmacs = await Promise.all(inputs.map((input) => (input.value === undefined ? null : this.valueHmac(input.value))));
    const last = this.db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
    const insert = this.db.prepare(
      `INSERT INTO audit (seq, at, actor, client, action, target, outcome, detail, value_hmac, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const entries = this.db.transaction(() => {
      const newest = last.get() as { seq: number; hash: string } | undefined;
      let seq = newest?.seq ?? 0;
      let prev = newest?.hash ?? GENESIS;
      const at = new Date().toISOString();
      return inputs.map((input, i) => {
        const draft: Omit<AuditRow, 'hash'> = {
          seq: ++seq,
          at,
          actor: input.actor,
          client: input.client,
          action: input.action,
          target: input.target ?? null,
          outcome: input.outcome,
          detail: input.detail ?? null,
          value_hmac: hmacs[i] ?? null,
          prev_hash: prev,
        };
        const row: AuditRow = { ...draft, hash: chainHash(key, draft) };
        insert.run(row.seq, row.at, row.actor, row.client, row.action, row.target, row.outcome, row.detail, row.value_hmac, row.prev_hash, row.hash);
        prev = row.hash;
        return toEntry(row);
      });
    })();
    const newest = entries[entries.length - 1] as AuditEntry;
    this.scheduleHeadCheckpoint(`${newest.seq}:${newest.hash}`);
    for (const entry of entries) this.onAppend(entry);
    return entries;
  }

  list(filter: AuditListInput): AuditEntry[] {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (filter.beforeSeq !== undefined) {
      where.push('seq < ?');
      params.push(filter.beforeSeq);
    }
    if (filter.action !== undefined) {
      where.push('action = ?');
      params.push(filter.action);
    }
    if (filter.target !== undefined) {
      where.push('target = ?');
      params.push(filter.target);
    }
    if (filter.outcome !== undefined) {
      where.push('outcome = ?');
      params.push(filter.outcome);
    }
    const sql = `SELECT * FROM audit ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq DESC LIMIT ?`;
    params.push(filter.limit ?? 200);
    return (this.db.prepare(sql).all(...params) as AuditRow[]).map(toEntry);
  }

  async verify(): Promise<AuditVerifyReport> {
    await this.flushHead();
    const key = await this.keys.get('audit-hmac-key');
    const rows = this.db.prepare('SELECT * FROM audit ORDER BY seq').all() as AuditRow[];
    let prev = GENESIS;
    let expectedSeq = 1;
    for (const row of rows) {
      const bad = (problem: string, seq = row.seq): AuditVerifyReport => ({ ok: false, checked: seq - 1, firstBadSeq: seq, problem });
      if (row.seq !== expectedSeq) return bad(`entry #${expectedSeq} is missing (next is #${row.seq})`, expectedSeq);
      if (row.prev_hash !== prev) return bad(`entry #${row.seq} does not follow entry #${row.seq - 1} (deleted or reordered)`);
      if (!sameHex(chainHash(key, row), row.hash)) return bad(`entry #${row.seq} was modified after it was written`);
      prev = row.hash;
      expectedSeq += 1;
    }
    const head = await this.keychain.get(INTERNAL_SERVICE, HEAD_ACCOUNT);
    if (head !== null) {
      const [seqText, hash] = head.split(':');
      const headSeq = Number(seqText);
      if (headSeq > rows.length) {
        return {
          ok: false,
          checked: rows.length,
          firstBadSeq: rows.length + 1,
          problem: `entries #${rows.length + 1}..#${headSeq} were deleted from the end of the log`,
        };
      }
      const atHead = rows[headSeq - 1];
      if (atHead && hash !== undefined && atHead.hash !== hash) {
        return { ok: false, checked: headSeq - 1, firstBadSeq: headSeq, problem: `entry #${headSeq} does not match the keychain checkpoint` };
      }
    }
    return { ok: true, checked: rows.length, firstBadSeq: null, problem: null };
  }

  /** Writes the pending head checkpoint now (called on shutdown and before verify). */
  async flushHead(): Promise<void> {
    if (this.headTimer) clearTimeout(this.headTimer);
    this.headTimer = null;
    const head = this.pendingHead;
    this.pendingHead = null;
    if (head !== null) await this.keychain.set(INTERNAL_SERVICE, HEAD_ACCOUNT, head).catch(() => undefined);
  }

  private scheduleHeadCheckpoint(head: string): void {
    this.pendingHead = head;
    if (this.headTimer) return;
    this.headTimer = setTimeout(() => void this.flushHead(), 200);
    this.headTimer.unref();
  }
}
