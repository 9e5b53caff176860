// `defaults: { ttl, maxTtl, onExpiry }` at the top level or in an environment.

import type { Node } from 'yaml';
import { isMap } from 'yaml';
import type { ReadContext } from './readContext';
import { describeFound, isNullNode } from './describe';
import { readMapping } from './readMapping';
import { readChoice, readDuration } from './readScalars';
import { EXPIRY_ACTIONS } from '../model/vocabulary';
import { DEFAULTS_FIELD_OF_KEY, DEFAULTS_FILE_KEYS } from '../model/fileKeys';
import type { LeaseDefaults } from '../model/schema';

export interface DefaultsDraft {
  readonly defaults: LeaseDefaults;
  /** The value node of `ttl:`, where a too-long ttl is reported. */
  readonly ttlNode: Node | null;
}

/** `where` reads like `defaults` or `defaults of environment staging`. */
export function readDefaults(ctx: ReadContext, node: Node | null, where: string): DefaultsDraft {
  if (isNullNode(node)) return { defaults: {}, ttlNode: null };
  if (node === null || !isMap(node)) {
    ctx.error(node, `${where} must be a mapping with ttl, maxTtl or onExpiry; found ${describeFound(node)}`);
    return { defaults: {}, ttlNode: null };
  }
  const fields = readMapping(ctx, node, DEFAULTS_FILE_KEYS, `in ${where}`);
  const defaults: LeaseDefaults = {};
  for (const key of DEFAULTS_FILE_KEYS) {
    const field = fields.get(key);
    if (!field) continue;
    const value =
      key === 'onExpiry'
        ? readChoice(ctx, field.value, EXPIRY_ACTIONS, 'onExpiry', where)
        : readDuration(ctx, field.value, `${key} in ${where}`);
    if (value !== undefined) Object.assign(defaults, { [DEFAULTS_FIELD_OF_KEY[key]]: value });
  }
  return { defaults, ttlNode: fields.get('ttl')?.value ?? null };
}
