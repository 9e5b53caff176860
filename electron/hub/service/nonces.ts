// Replay protection shared by every instance: an INSERT … ON CONFLICT DO NOTHING per signed
// call, concurrent calls coalesced into one statement (nonce-writer.ts). The commit is
// asynchronous (synchronous_commit off for that statement only, set inside it with
// set_config(..., true)): the hot path never waits for a WAL flush. The accepted cost: if the
// DATABASE server crashes, the nonces of its last fraction of a second may be forgotten, so a
// call captured in that instant could be replayed until its timestamp leaves the transport's
// window. Everything else the hub writes commits synchronously. The sweeper purges expired nonces.

import type pg from 'pg';
import { HUB_LOCKS } from '../store/advisory-locks';
import { withTransaction } from '../store/transaction';
import { invalidInput } from './hub-errors';
import type { NonceWriter } from './nonce-writer';

/** How long a nonce is remembered after its timestamp (must exceed the transport's timestamp window). */
export const DEFAULT_NONCE_RETENTION_MS = 15 * 60_000;
const MAX_KEY_ID = 64;
const MAX_NONCE = 200;
const PURGE_BATCH = 20_000;

/** True the first time (keyId, nonce) is seen; false for a replay. */
export function rememberNonce(writer: NonceWriter, keyId: string, nonce: string, timestampMs: number, now: Date, retentionMs: number): Promise<boolean> {
  if (typeof keyId !== 'string' || keyId.length === 0 || keyId.length > MAX_KEY_ID) return Promise.reject(invalidInput('invalid key id'));
  if (typeof nonce !== 'string' || nonce.length === 0 || nonce.length > MAX_NONCE || nonce.includes('\0')) return Promise.reject(invalidInput('invalid nonce'));
  if (!Number.isFinite(timestampMs)) return Promise.reject(invalidInput('invalid timestamp'));
  return writer.remember(keyId, nonce, new Date(Math.max(timestampMs, now.getTime()) + retentionMs));
}

/** Deletes expired nonces; one instance at a time (others skip). Returns how many went. */
export async function purgeExpiredNonces(pool: pg.Pool, now: Date): Promise<number> {
  return withTransaction(pool, async (client) => {
    const locked = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [HUB_LOCKS.noncePurge]);
    if (locked.rows[0]?.locked !== true) return 0;
    const deleted = await client.query(
      `DELETE FROM nonces WHERE (key_id, nonce) IN (SELECT key_id, nonce FROM nonces WHERE expires_at <= $1 LIMIT ${PURGE_BATCH})`,
      [now],
    );
    return deleted.rowCount ?? 0;
  });
}
