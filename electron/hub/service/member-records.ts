// Reading members from the database, and checking the public keys they join with.

import { createHash } from 'node:crypto';
import type { MemberView } from '../service-types';
import type { Queryable } from '../store/transaction';
import { invalidInput, unknownMember } from './hub-errors';

export interface MemberRecord extends MemberView {
  disabled: boolean;
}

export interface MemberRow {
  id: string;
  name: string;
  groups: string[];
  signing_key: string;
  sealing_key: string;
  key_id: string;
  joined_at: Date;
  disabled: boolean;
}

export const MEMBER_COLUMNS = 'id, name, groups, signing_key, sealing_key, key_id, joined_at, disabled';
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const GROUP = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const MAX_NAME = 100;

export function toMemberView(row: MemberRow): MemberView {
  return { id: row.id, name: row.name, groups: [...row.groups], signingKey: row.signing_key, sealingKey: row.sealing_key, keyId: row.key_id, joinedAt: row.joined_at.toISOString() };
}

export function toMemberRecord(row: MemberRow): MemberRecord {
  return { ...toMemberView(row), disabled: row.disabled };
}

/** Key id = base64url(SHA-256(raw Ed25519 public key)), first 22 characters. */
export function memberKeyId(signingKey: string): string {
  return createHash('sha256').update(Buffer.from(signingKey, 'base64url')).digest('base64url').slice(0, 22);
}

/** A base64url raw 32-byte public key, in its canonical spelling. */
export function checkRawPublicKey(key: unknown, field: string): string {
  if (typeof key !== 'string' || !BASE64URL.test(key)) throw invalidInput(`${field} must be base64url`);
  const raw = Buffer.from(key, 'base64url');
  if (raw.length !== 32 || raw.toString('base64url') !== key) throw invalidInput(`${field} must be a raw 32-byte public key in base64url`);
  return key;
}

export function checkMemberName(name: unknown): string {
  if (typeof name !== 'string') throw invalidInput('name must be a string');
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME || /[\x00-\x1f\x7f]/.test(trimmed)) throw invalidInput(`name must be 1 to ${MAX_NAME} printable characters`);
  return trimmed;
}

export function checkGroups(groups: unknown): string[] {
  if (!Array.isArray(groups) || !groups.every((group): group is string => typeof group === 'string' && GROUP.test(group))) {
    throw invalidInput('groups must be a list of names (lower-case letters, digits, - and _)');
  }
  return [...new Set(groups)];
}

export async function findMemberById(client: Queryable, id: string): Promise<MemberRow | null> {
  const result = await client.query<MemberRow>({ name: 'hub.member-by-id', text: `SELECT ${MEMBER_COLUMNS} FROM members WHERE id = $1`, values: [id] });
  return result.rows[0] ?? null;
}

/** The acting member: must exist and not be disabled. */
export async function activeMember(client: Queryable, id: string): Promise<MemberRow> {
  const row = typeof id === 'string' ? await findMemberById(client, id) : null;
  if (row === null || row.disabled) throw unknownMember();
  return row;
}
