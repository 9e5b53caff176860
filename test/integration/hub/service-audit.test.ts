import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyProof } from '../../../electron/hub/crypto/signing';
import { verifyHubAudit, type HubServiceInstance } from '../../../electron/hub/service';
import { auditEntryHash } from '../../../electron/hub/service/hub-audit';
import type { HubAuditEntry } from '../../../electron/hub/service-types';
import { asAdmin } from '../providers/pg-test-server';
import { createHubTestDatabase, joinMember, newPool, startHub, type HubTestDatabase, type TestMember } from './hub-test-support';

interface StoredRow {
  seq: string;
  at: Date;
  action: string;
  actor_id: string | null;
  request_id: string | null;
  details: HubAuditEntry['details'];
  proof: HubAuditEntry['proof'];
  prev_hash: string;
  hash: string;
}

describe('hub audit: append-only, hash-chained, signed', () => {
  let db: HubTestDatabase;
  let a: HubServiceInstance;
  let b: HubServiceInstance;
  let dev: TestMember;
  let sre: TestMember;
  let sre2: TestMember;

  /** Runs statements as the superuser on the hub database with the append-only triggers off (an attacker with full access). */
  async function tamper(work: (query: (sql: string, params?: unknown[]) => Promise<unknown>) => Promise<unknown>): Promise<void> {
    await asAdmin(
      db.server,
      async (c) => {
        await c.query('BEGIN');
        await c.query('ALTER TABLE audit DISABLE TRIGGER audit_append_only');
        await work((sql, params = []) => c.query(sql, params));
        await c.query('ALTER TABLE audit ENABLE TRIGGER audit_append_only');
        await c.query('COMMIT');
      },
      db.name,
    );
  }

  async function rows(): Promise<StoredRow[]> {
    return (await db.pool.query<StoredRow>('SELECT * FROM audit ORDER BY seq')).rows;
  }

  function entryOf(row: StoredRow): HubAuditEntry {
    return { seq: Number(row.seq), at: row.at.toISOString(), action: row.action, actorId: row.actor_id, requestId: row.request_id, details: row.details, proof: row.proof, prevHash: row.prev_hash, hash: row.hash };
  }

  let pristine: StoredRow[] = [];

  beforeAll(async () => {
    db = await createHubTestDatabase();
    a = await startHub(db);
    b = await startHub(db, { pool: newPool(db.server, db.name) });
    dev = await joinMember(a, db.pool, 'Dev', ['dev']);
    sre = await joinMember(b, db.pool, 'Sre', ['sre']);
    sre2 = await joinMember(b, db.pool, 'Sre Two', ['sre']);
    // Appends from two instances at once still form one line.
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const body = { resource: 'orders-db', durationSeconds: 600, reason: `ticket ${i}` };
        return (i % 2 === 0 ? a : b).createRequest(dev.view.id, body, dev.proof('POST', '/v1/requests', body));
      }),
    );
    await Promise.all(created.map((r, i) => (i % 2 === 0 ? b : a).approve(sre.view.id, r.id, { comment: 'fine' }, sre.proof('POST', `/v1/requests/${r.id}/approve`))));
    await Promise.all(created.slice(0, 10).map((r) => a.deny(sre2.view.id, r.id, { comment: 'no' }, sre2.proof('POST', `/v1/requests/${r.id}/deny`))));
    pristine = await rows();
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  beforeEach(async () => {
    // Put back the pristine log (as the superuser) before each tampering test.
    await tamper(async (query) => {
      await query('DELETE FROM audit');
      await query(
        `INSERT INTO audit (seq, at, action, actor_id, request_id, details, proof, prev_hash, hash)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(seq bigint, at timestamptz, action text, actor_id text, request_id text, details jsonb, proof jsonb, prev_hash text, hash text)`,
        [JSON.stringify(pristine)],
      );
    });
  });

  it('verifies the whole chain and every member signature', async () => {
    const result = await verifyHubAudit(db.pool, verifyProof);
    // 3 invites + 3 joins + 20 created + 20 approved + 10 denied
    expect(result).toEqual({ ok: true, entries: 56 });
    const seqs = pristine.map((r) => Number(r.seq));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(pristine.filter((r) => r.proof !== null).every((r) => r.proof?.keyId !== undefined)).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the trigger', async () => {
    await expect(db.pool.query("UPDATE audit SET action = 'x' WHERE seq = (SELECT min(seq) FROM audit)")).rejects.toThrow(/append-only/);
    await expect(db.pool.query('DELETE FROM audit')).rejects.toThrow(/append-only/);
    await expect(db.pool.query('TRUNCATE audit')).rejects.toThrow(/append-only/);
    expect(await verifyHubAudit(db.pool, verifyProof)).toEqual({ ok: true, entries: 56 });
  });

  it('detects an edited entry', async () => {
    const target = pristine.find((r) => r.action === 'request.denied');
    await tamper((query) => query("UPDATE audit SET details = jsonb_set(details, '{comment}', '\"approved after all\"') WHERE seq = $1", [target?.seq]));
    expect(await verifyHubAudit(db.pool, verifyProof)).toEqual({ ok: false, seq: Number(target?.seq), problem: expect.stringMatching(/hash mismatch/) });
  });

  it('detects an entry re-hashed after editing (the next link breaks)', async () => {
    const index = pristine.findIndex((r) => r.action === 'request.created');
    const target = pristine[index] as StoredRow;
    const details = { ...target.details, durationSeconds: 3600 };
    const { hash: _old, ...unhashed } = entryOf({ ...target, details });
    await tamper((query) => query('UPDATE audit SET details = $2, hash = $3 WHERE seq = $1', [target.seq, JSON.stringify(details), auditEntryHash(unhashed)]));
    expect(await verifyHubAudit(db.pool, verifyProof)).toEqual({ ok: false, seq: Number(pristine[index + 1]?.seq), problem: expect.stringMatching(/broken link/) });
  });

  it('detects a removed entry', async () => {
    const target = pristine[20] as StoredRow;
    await tamper((query) => query('DELETE FROM audit WHERE seq = $1', [target.seq]));
    expect(await verifyHubAudit(db.pool, verifyProof)).toEqual({ ok: false, seq: Number(pristine[21]?.seq), problem: expect.stringMatching(/broken link/) });
  });

  it('detects a forged action even when the whole chain after it is re-hashed (the signature does not match)', async () => {
    // The attacker rewrites an approval as another approver's and recomputes every hash after it.
    const index = pristine.findIndex((r) => r.action === 'request.approved');
    let prevHash = (pristine[index - 1] as StoredRow).hash;
    await tamper(async (query) => {
      for (let i = index; i < pristine.length; i += 1) {
        const row = pristine[i] as StoredRow;
        const forged = i === index ? { ...row, actor_id: sre2.view.id, proof: row.proof === null ? null : { ...row.proof, keyId: sre2.view.keyId } } : row;
        const { hash: _old, ...unhashed } = entryOf({ ...forged, prev_hash: prevHash });
        const hash = auditEntryHash(unhashed);
        await query('UPDATE audit SET actor_id = $2, proof = $3, prev_hash = $4, hash = $5 WHERE seq = $1', [row.seq, forged.actor_id, forged.proof === null ? null : JSON.stringify(forged.proof), prevHash, hash]);
        prevHash = hash;
      }
    });
    expect(await verifyHubAudit(db.pool, verifyProof)).toEqual({ ok: false, seq: Number(pristine[index]?.seq), problem: expect.stringMatching(/signature does not verify/) });
  });

  it('shows members only the entries they may see', async () => {
    const outsider = await joinMember(a, db.pool, 'Outsider', ['sales']);
    const seen = await a.audit(outsider.view.id, {});
    expect(seen.map((e) => e.action)).toEqual(['member.joined']);
    const devSees = await a.audit(dev.view.id, { limit: 1000 });
    expect(devSees.filter((e) => e.action === 'request.created')).toHaveLength(20);
    const page = await a.audit(sre.view.id, { afterSeq: Number(pristine[5]?.seq), limit: 3 });
    expect(page.map((e) => e.seq)).toEqual(pristine.slice(6, 9).map((r) => Number(r.seq)));
  });
});
