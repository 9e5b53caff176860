// The hub's audit log: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and
// hash-chained across every instance.
//
//   hash = hex SHA-256( prev_hash ‖ canonical JSON of {seq, at, action, actorId, requestId,
//                                                       details, proof, prevHash} )
//
// Appends take a transaction-level advisory lock, then read the last hash and draw the next
// seq, so the chain is one line in seq order whichever instance writes (a rolled-back append
// leaves a gap in seq, never a fork). Callers append as the LAST step of their transaction, so
// the lock is held only for the insert and the commit. Entries carry the member's signed proof;
// verifyHubAudit re-checks the chain and every proof against the member's recorded key.
// Details are value-free by construction: callers pass resource ids, durations, reasons and
// comments, never a credential.

import { createHash, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import type { HubAuditEntry, RequestProof } from '../service-types';
import { HUB_LOCKS } from '../store/advisory-locks';
import type { Queryable } from '../store/transaction';
import { canonicalJson } from './canonical-json';

export type AuditDetails = HubAuditEntry['details'];

export interface AuditDraft {
  action: string;
  actorId: string | null;
  requestId: string | null;
  details: AuditDetails;
  proof: RequestProof | null;
}

interface AuditRow {
  seq: string;
  at: Date;
  action: string;
  actor_id: string | null;
  request_id: string | null;
  details: AuditDetails;
  proof: RequestProof | null;
  prev_hash: string;
  hash: string;
}

export const AUDIT_GENESIS_HASH = '0'.repeat(64);
const AUDIT_COLUMNS = 'seq, at, action, actor_id, request_id, details, proof, prev_hash, hash';

export function auditEntryHash(entry: Omit<HubAuditEntry, 'hash'>): string {
  const body = canonicalJson({
    seq: entry.seq,
    at: entry.at,
    action: entry.action,
    actorId: entry.actorId,
    requestId: entry.requestId,
    details: entry.details,
    proof: entry.proof,
    prevHash: entry.prevHash,
  });
  return createHash('sha256').update(entry.prevHash).update(body).digest('hex');
}

function toEntry(row: AuditRow): HubAuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    action: row.action,
    actorId: row.actor_id,
    requestId: row.request_id,
    details: row.details,
    proof: row.proof,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Appends entries, in order, inside the caller's transaction. */
export async function appendAudit(client: Queryable, drafts: readonly AuditDraft[], at: Date): Promise<HubAuditEntry[]> {
  if (drafts.length === 0) return [];
  // The lock must be its own statement: a statement that also read the head would use a
  // snapshot taken before the lock was granted.
  await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [HUB_LOCKS.audit]);
  const head = await client.query<{ hash: string }>('SELECT hash FROM audit ORDER BY seq DESC LIMIT 1');
  const seqs = await client.query<{ seq: string }>("SELECT nextval(pg_get_serial_sequence('audit', 'seq')) AS seq FROM generate_series(1, $1)", [drafts.length]);
  let prevHash = head.rows[0]?.hash ?? AUDIT_GENESIS_HASH;
  const entries: HubAuditEntry[] = [];
  drafts.forEach((draft, index) => {
    const unhashed: Omit<HubAuditEntry, 'hash'> = {
      seq: Number(seqs.rows[index]?.seq),
      at: at.toISOString(),
      action: draft.action,
      actorId: draft.actorId,
      requestId: draft.requestId,
      details: draft.details,
      proof: draft.proof,
      prevHash,
    };
    const entry = { ...unhashed, hash: auditEntryHash(unhashed) };
    entries.push(entry);
    prevHash = entry.hash;
  });
  const values: unknown[] = [];
  const tuples = entries.map((entry) => {
    const base = values.length;
    values.push(entry.seq, entry.at, entry.action, entry.actorId, entry.requestId, JSON.stringify(entry.details), entry.proof === null ? null : JSON.stringify(entry.proof), entry.prevHash, entry.hash);
    return `(${Array.from({ length: 9 }, (_, i) => `$${base + i + 1}`).join(', ')})`;
  });
  await client.query(`INSERT INTO audit (${AUDIT_COLUMNS}) VALUES ${tuples.join(', ')}`, values);
  return entries;
}

export interface AuditQuery {
  afterSeq: number;
  limit: number;
  requestId: string | null;
  /** Only entries this member acted in, or about requests they made or may review. */
  visibleTo: { memberId: string; reviewResources: readonly string[] } | null;
}

export async function readAudit(client: Queryable, query: AuditQuery): Promise<HubAuditEntry[]> {
  const visible = query.visibleTo;
  const result = await client.query<AuditRow>(
    `SELECT ${AUDIT_COLUMNS.split(', ').map((c) => `a.${c}`).join(', ')}
       FROM audit a LEFT JOIN requests r ON r.id = a.request_id
      WHERE a.seq > $1
        AND ($2::text IS NULL OR a.request_id = $2)
        AND ($3::text IS NULL OR a.actor_id = $3 OR r.requester_id = $3 OR r.resource = ANY($4::text[]))
      ORDER BY a.seq
      LIMIT $5`,
    [query.afterSeq, query.requestId, visible?.memberId ?? null, visible?.reviewResources ?? [], query.limit],
  );
  return result.rows.map(toEntry);
}

export type AuditVerifyResult = { ok: true; entries: number } | { ok: false; seq: number; problem: string };

const VERIFY_BATCH = 1_000;

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === 32 && y.length === 32 && timingSafeEqual(x, y);
}

/**
 * Walks the whole chain in seq order: every link, every hash, and every member proof against
 * the signing key the member joined with. Detects an edited, inserted or removed entry (a
 * removed LAST entry needs an outside checkpoint of the head: compare `entries`).
 */
export async function verifyHubAudit(pool: pg.Pool, verifySignature: (proof: RequestProof, signingKey: string) => boolean): Promise<AuditVerifyResult> {
  const keys = new Map<string, { signingKey: string; keyId: string } | null>();
  async function keyOf(memberId: string): Promise<{ signingKey: string; keyId: string } | null> {
    if (!keys.has(memberId)) {
      const found = await pool.query<{ signing_key: string; key_id: string }>('SELECT signing_key, key_id FROM members WHERE id = $1', [memberId]);
      const row = found.rows[0];
      keys.set(memberId, row === undefined ? null : { signingKey: row.signing_key, keyId: row.key_id });
    }
    return keys.get(memberId) ?? null;
  }

  let prevHash = AUDIT_GENESIS_HASH;
  let afterSeq = 0;
  let count = 0;
  for (;;) {
    const batch = await pool.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2`, [afterSeq, VERIFY_BATCH]);
    for (const row of batch.rows) {
      const entry = toEntry(row);
      if (entry.prevHash !== prevHash) return { ok: false, seq: entry.seq, problem: 'broken link: prev_hash is not the hash of the entry before (an entry was removed, inserted or altered)' };
      const { hash, ...unhashed } = entry;
      if (!sameHash(auditEntryHash(unhashed), hash)) return { ok: false, seq: entry.seq, problem: 'hash mismatch: the entry was altered' };
      if (entry.proof !== null) {
        if (entry.actorId === null) return { ok: false, seq: entry.seq, problem: 'a signed entry without an actor' };
        const key = await keyOf(entry.actorId);
        if (key === null) return { ok: false, seq: entry.seq, problem: 'signed by an unknown member' };
        if (entry.proof.keyId !== key.keyId) return { ok: false, seq: entry.seq, problem: "the proof's key id is not the actor's" };
        let valid = false;
        try {
          valid = verifySignature(entry.proof, key.signingKey);
        } catch {
          valid = false;
        }
        if (!valid) return { ok: false, seq: entry.seq, problem: "the member's signature does not verify" };
      }
      prevHash = hash;
      afterSeq = entry.seq;
      count += 1;
    }
    if (batch.rows.length < VERIFY_BATCH) return { ok: true, entries: count };
  }
}
