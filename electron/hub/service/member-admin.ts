// Member administration for `latch hub invite | members | disable`, run on the hub host against
// the database (no hub instance needed: running instances learn of changes by NOTIFY).
// The database must be migrated first (migrateHubDatabase; `latch hub init` does it).

import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { withTransaction } from '../store/transaction';
import { appendAudit } from './hub-audit';
import { invalidInput, notFound } from './hub-errors';
import { notifyMemberChanged, notifyRequestsChanged } from './hub-notify';
import { checkGroups, checkMemberName, MEMBER_COLUMNS, toMemberRecord, type MemberRecord, type MemberRow } from './member-records';

const INVITE_CODE_BYTES = 24;
const MAX_INVITE_TTL_SECONDS = 30 * 24 * 3600;

/** Only this is stored: the code itself is shown once, to the admin. */
export function inviteCodeHash(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

export async function createInvite(
  pool: pg.Pool,
  input: { name: string; groups: string[]; ttlSeconds: number },
  clock: () => Date = () => new Date(),
): Promise<{ code: string; expiresAt: string }> {
  const name = checkMemberName(input.name);
  const groups = checkGroups(input.groups);
  if (!Number.isInteger(input.ttlSeconds) || input.ttlSeconds <= 0 || input.ttlSeconds > MAX_INVITE_TTL_SECONDS) {
    throw invalidInput(`ttlSeconds must be a whole number of seconds from 1 to ${MAX_INVITE_TTL_SECONDS}`);
  }
  const code = randomBytes(INVITE_CODE_BYTES).toString('base64url');
  const now = clock();
  const expiresAt = new Date(now.getTime() + input.ttlSeconds * 1000);
  await withTransaction(pool, async (client) => {
    await client.query('INSERT INTO invites (code_hash, name, groups, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [inviteCodeHash(code), name, groups, now, expiresAt]);
    await appendAudit(client, [{ action: 'member.invited', actorId: null, requestId: null, details: { name, groups: groups.join(','), expiresAt: expiresAt.toISOString() }, proof: null }], now);
  });
  return { code, expiresAt: expiresAt.toISOString() };
}

/** Every member, disabled ones included, oldest first. */
export async function listMembers(pool: pg.Pool): Promise<MemberRecord[]> {
  const result = await pool.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members ORDER BY joined_at, id`);
  return result.rows.map(toMemberRecord);
}

export interface DisabledMember {
  member: MemberRecord;
  /** Their pending requests, now cancelled. */
  requestsCancelled: number;
  /** Their active grants, now ending: the sweeper revokes them at the source within a tick. */
  grantsEnded: number;
}

/**
 * Disables a member: their key stops authenticating (every instance's cache is invalidated by
 * NOTIFY), their pending requests are cancelled and their active grants end now.
 */
export async function disableMember(pool: pg.Pool, id: string, clock: () => Date = () => new Date()): Promise<DisabledMember> {
  const now = clock();
  return withTransaction(pool, async (client) => {
    const updated = await client.query<MemberRow>(`UPDATE members SET disabled = true WHERE id = $1 RETURNING ${MEMBER_COLUMNS}`, [id]);
    const row = updated.rows[0];
    if (row === undefined) throw notFound('no such member');
    const cancelled = await client.query<{ id: string }>(
      `UPDATE requests SET state = 'cancelled', comment = 'requester disabled', updated_at = $2
        WHERE requester_id = $1 AND state = 'pending' RETURNING id`,
      [id, now],
    );
    const ended = await client.query<{ id: string }>(
      `UPDATE requests SET ends_at = $2, updated_at = $2
        WHERE requester_id = $1 AND state = 'active' AND ends_at > $2 RETURNING id`,
      [id, now],
    );
    const endedIds = ended.rows.map((r) => r.id);
    if (endedIds.length > 0) await client.query('UPDATE grants SET ends_at = $2 WHERE request_id = ANY($1::text[])', [endedIds, now]);
    await notifyMemberChanged(client, row.key_id);
    await notifyRequestsChanged(client, [...cancelled.rows.map((r) => r.id), ...endedIds]);
    await appendAudit(
      client,
      [
        { action: 'member.disabled', actorId: null, requestId: null, details: { memberId: id, name: row.name, requestsCancelled: cancelled.rowCount ?? 0, grantsEnded: endedIds.length }, proof: null },
        ...cancelled.rows.map((r) => ({ action: 'request.cancelled', actorId: null, requestId: r.id, details: { reason: 'requester disabled' }, proof: null })),
      ],
      now,
    );
    return { member: toMemberRecord(row), requestsCancelled: cancelled.rowCount ?? 0, grantsEnded: endedIds.length };
  });
}
