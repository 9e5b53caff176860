// What a secret entry's fields must be together: a class, the fields that class needs, and
// none that belong to another class.

import type { ReadContext } from './readContext';
import type { EntryDraft } from './readEntry';
import { CLASS_CHOICES } from './readEntry';
import { listOf } from './describe';
import { CLASS_FIELDS } from '../resolve/mergeEntry';
import { buildEntry } from '../resolve/buildEntry';
import type { SecretClass } from '../model/vocabulary';
import type { SecretEntry } from '../model/schema';
import type { EntryField } from '../model/fileKeys';

const REQUIRED_FIELD: Record<SecretClass, { field: EntryField; expected: string }> = {
  stub: { field: 'shape', expected: 'shape: a built-in shape id or a custom shape {prefix, charset, length}' },
  personal: { field: 'token', expected: 'token: the name of the keychain token that feeds it' },
  dynamic: { field: 'provider', expected: 'provider: {type: postgres | command, …}' },
  prod: { field: 'provider', expected: 'provider: {type: postgres | command, …}' },
};

export function checkEntry(ctx: ReadContext, draft: EntryDraft): SecretEntry | undefined {
  const { fields, written, subject, anchor } = draft;
  const secretClass = fields.class;
  if (secretClass === undefined) {
    if (!written.class) ctx.error(anchor, `secret ${subject} has no class; expected class: ${CLASS_CHOICES}`);
    return undefined;
  }
  let ok = draft.valid;
  for (const [field, classes] of Object.entries(CLASS_FIELDS) as [EntryField, readonly SecretClass[]][]) {
    const given = written[field];
    if (given === undefined || classes.includes(secretClass)) continue;
    ctx.error(
      given.key,
      `${field} does not apply to ${secretClass} secret ${subject}; only ${listOf(classes, 'and')} secrets have a ${field}`,
    );
    ok = false;
  }
  const required = REQUIRED_FIELD[secretClass];
  if (written[required.field] === undefined) {
    ctx.error(anchor, `${secretClass} secret ${subject} has no ${required.field}; expected ${required.expected}`);
    ok = false;
  }
  return ok ? buildEntry(secretClass, fields) : undefined;
}
