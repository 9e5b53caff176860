// PostgreSQL NOTIFY between hub instances. Payloads are ids only (a request id, a member's
// key id), never a value: each listening instance reloads what changed from the database.
// Sent inside the changing transaction, so they are delivered only if it commits.

import type { Queryable } from '../store/transaction';

/** Payload: a request id. */
export const REQUEST_CHANNEL = 'latch_hub';
/** Payload: the key id of a member who joined or changed (for memberByKeyId caches). */
export const MEMBER_CHANNEL = 'latch_hub_members';

export async function notifyRequestsChanged(client: Queryable, requestIds: readonly string[]): Promise<void> {
  if (requestIds.length === 0) return;
  await client.query('SELECT pg_notify($1, id) FROM unnest($2::text[]) AS id', [REQUEST_CHANNEL, [...new Set(requestIds)]]);
}

export async function notifyMemberChanged(client: Queryable, keyId: string): Promise<void> {
  await client.query('SELECT pg_notify($1, $2)', [MEMBER_CHANNEL, keyId]);
}
