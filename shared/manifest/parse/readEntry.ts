// Reads the fields of one secret entry, or of an environment's override of it. Checks each
// field on its own; what the fields must be together is checkEntry's job.

import type { Node } from 'yaml';
import { isMap } from 'yaml';
import type { ReadContext } from './readContext';
import { describeFound, isNullNode } from './describe';
import { hasOnlyKeys, readMapping } from './readMapping';
import { readChoice, readDuration, readHttpUrl, readName, readText } from './readScalars';
import { readShape } from './readShape';
import { readProvider } from './readProvider';
import { EXPIRY_ACTIONS, SECRET_CLASSES } from '../model/vocabulary';
import { isTokenName } from '../model/names';
import { ENTRY_FIELD_OF_KEY, ENTRY_FILE_KEYS, type EntryField, type EntryFileKey } from '../model/fileKeys';
import type { SecretOverride } from '../model/schema';

export interface WrittenField {
  readonly key: Node;
  readonly value: Node | null;
}

export type WrittenFields = Partial<Record<EntryField, WrittenField>>;

export interface EntryDraft {
  readonly name: string;
  /** `STRIPE_KEY`, or `STRIPE_KEY in environment staging`. */
  readonly subject: string;
  /** The entry's key node: where "missing field" problems are reported. */
  readonly anchor: Node;
  /** Fields that were written and are valid on their own. */
  readonly fields: SecretOverride;
  /** Every field that was written, valid or not. */
  readonly written: WrittenFields;
  /** False when some field was reported invalid. */
  readonly valid: boolean;
}

export const TOKEN_EXPECTED =
  'a keychain token name such as github-work (1-64 characters of a-z 0-9 . _ / - starting with a letter or digit)';

export const CLASS_CHOICES = SECRET_CLASSES.join(' | ');

export function readEntryDraft(
  ctx: ReadContext,
  name: string,
  anchor: Node,
  node: Node | null,
  subject: string,
  kind: 'secret' | 'override',
): EntryDraft | undefined {
  if (isNullNode(node)) {
    if (kind === 'secret') ctx.error(anchor, `secret ${subject} has no fields; expected at least class: ${CLASS_CHOICES}`);
    else ctx.warn(anchor, `override of ${subject} is empty and changes nothing`);
    return kind === 'secret' ? undefined : { name, subject, anchor, fields: {}, written: {}, valid: true };
  }
  if (node === null || !isMap(node)) {
    const expected = kind === 'secret' ? 'a mapping with a class' : 'a mapping of the fields it changes';
    const whose = kind === 'secret' ? `secret ${subject}` : `override of ${subject}`;
    ctx.error(
      node ?? anchor,
      `${whose} must be ${expected}; found ${describeFound(node)} (latch.yaml declares secrets, never their values)`,
    );
    return undefined;
  }
  const mapping = readMapping(ctx, node, ENTRY_FILE_KEYS, kind === 'secret' ? `in secret ${subject}` : `in override of ${subject}`);
  let valid = hasOnlyKeys(mapping, ENTRY_FILE_KEYS);
  const fields: Record<string, unknown> = {};
  const written: WrittenFields = {};
  for (const fileKey of ENTRY_FILE_KEYS) {
    const field = mapping.get(fileKey);
    if (!field) continue;
    const fieldName = ENTRY_FIELD_OF_KEY[fileKey];
    written[fieldName] = { key: field.keyNode, value: field.value };
    const value = readEntryField(ctx, fileKey, field.value, subject);
    if (value === undefined) valid = false;
    else fields[fieldName] = value;
  }
  return { name, subject, anchor, fields: fields as SecretOverride, written, valid };
}

function readEntryField(ctx: ReadContext, key: EntryFileKey, node: Node | null, subject: string): unknown {
  const label = `${key} of ${subject}`;
  switch (key) {
    case 'class':
      return readChoice(ctx, node, SECRET_CLASSES, 'class', subject);
    case 'description':
    case 'owner':
      return readText(ctx, node, label);
    case 'docs':
      return readHttpUrl(ctx, node, label);
    case 'rotation':
    case 'ttl':
    case 'maxTtl':
      return readDuration(ctx, node, label);
    case 'shape':
      return readShape(ctx, node, subject);
    case 'token':
      return readName(ctx, node, `token name of ${subject}`, isTokenName, TOKEN_EXPECTED, { echo: false });
    case 'provider':
      return readProvider(ctx, node, subject);
    case 'onExpiry':
      return readChoice(ctx, node, EXPIRY_ACTIONS, 'onExpiry', subject);
  }
}
