// Assembles a secret entry from checked fields, in the canonical field order.

import type { SecretClass } from '../model/vocabulary';
import type { SecretEntry, SecretOverride } from '../model/schema';
import type { EntryField } from '../model/fileKeys';

export const ENTRY_FIELD_ORDER: readonly EntryField[] = [
  'class',
  'description',
  'owner',
  'docs',
  'rotationSeconds',
  'shape',
  'token',
  'provider',
  'ttlSeconds',
  'maxTtlSeconds',
  'onExpiry',
];

/** Trusts that `fields` hold what `secretClass` needs (checkEntry made sure). */
export function buildEntry(secretClass: SecretClass, fields: SecretOverride): SecretEntry {
  const entry: Record<string, unknown> = {};
  for (const field of ENTRY_FIELD_ORDER) {
    const value = field === 'class' ? secretClass : fields[field];
    if (value !== undefined) entry[field] = value;
  }
  return entry as SecretEntry;
}
