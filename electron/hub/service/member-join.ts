// Joining with a one-time invite: the invite is claimed (unexpired, unused) and the member
// created in one transaction, so a code works once even when two instances race on it, and a
// failed join (e.g. a key already registered) leaves the invite unused.

import { randomUUID } from 'node:crypto';
import { importSealingPublicKey } from '../crypto/seal';
import type { MemberView } from '../service-types';
import { sqlState, withTransaction } from '../store/transaction';
import { appendAudit } from './hub-audit';
import type { HubContext } from './hub-context';
import { invalidInput, invalidInvite } from './hub-errors';
import { notifyMemberChanged } from './hub-notify';
import { inviteCodeHash } from './member-admin';
import { checkMemberName, checkRawPublicKey, MEMBER_COLUMNS, memberKeyId, toMemberView, type MemberRow } from './member-records';
import { HubError } from '../service-types';

const MAX_CODE_LENGTH = 200;

export async function joinWithInvite(ctx: HubContext, input: { code: string; name?: string; signingKey: string; sealingKey: string }): Promise<MemberView> {
  if (typeof input.code !== 'string' || input.code.length === 0 || input.code.length > MAX_CODE_LENGTH) throw invalidInvite();
  const signingKey = checkRawPublicKey(input.signingKey, 'signingKey');
  const sealingKey = checkRawPublicKey(input.sealingKey, 'sealingKey');
  try {
    importSealingPublicKey(sealingKey);
  } catch {
    throw invalidInput('sealingKey is not a valid X25519 public key');
  }
  const chosenName = input.name === undefined ? undefined : checkMemberName(input.name);
  const keyId = memberKeyId(signingKey);
  const now = ctx.clock();
  try {
    const member = await withTransaction(ctx.pool, async (client) => {
      const claimed = await client.query<{ name: string; groups: string[] }>(
        'UPDATE invites SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING name, groups',
        [inviteCodeHash(input.code), now],
      );
      const invite = claimed.rows[0];
      if (invite === undefined) throw invalidInvite();
      // The admin named the invite; a member's own choice is used only when the invite has none.
      const name = invite.name.length > 0 ? invite.name : (chosenName ?? 'member');
      const id = randomUUID();
      const inserted = await client.query<MemberRow>(
        `INSERT INTO members (id, name, groups, signing_key, sealing_key, key_id, joined_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${MEMBER_COLUMNS}`,
        [id, name, invite.groups, signingKey, sealingKey, keyId, now],
      );
      await client.query('UPDATE invites SET member_id = $2 WHERE code_hash = $1', [inviteCodeHash(input.code), id]);
      await notifyMemberChanged(client, keyId);
      await appendAudit(client, [{ action: 'member.joined', actorId: id, requestId: null, details: { name, groups: invite.groups.join(','), keyId }, proof: null }], now);
      const row = inserted.rows[0];
      if (row === undefined) throw new HubError('INTERNAL', 'the member was not created', 500);
      return toMemberView(row);
    });
    ctx.logger.info('hub.member.joined', { memberId: member.id, keyId });
    return member;
  } catch (error) {
    if (sqlState(error) === '23505') throw new HubError('INVALID_INPUT', 'this signing key is already registered', 409);
    throw error;
  }
}
