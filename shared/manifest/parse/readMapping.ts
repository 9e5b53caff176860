// Reads a YAML mapping into named fields, reporting keys outside the allowed set.

import type { Node } from 'yaml';
import { isMap, isScalar } from 'yaml';
import type { ReadContext } from './readContext';
import { describeFound, quote } from './describe';
import { didYouMean } from './suggest';

export interface MappingField {
  readonly key: string;
  readonly keyNode: Node;
  /** Aliases already followed; null for `key:` with nothing after it. */
  readonly value: Node | null;
}

/** Fields in source order; a key given twice keeps its first value (YAML reports the second). */
export type Mapping = ReadonlyMap<string, MappingField>;

/**
 * Every key/value pair of `node` (which must be a mapping). Keys that are not plain scalars
 * are reported and skipped. No allowed-key check: see `checkKeys`.
 */
export function readPairs(ctx: ReadContext, node: Node): Mapping {
  const fields = new Map<string, MappingField>();
  if (!isMap(node)) return fields;
  for (const pair of node.items) {
    const keyNode = ctx.resolve(pair.key);
    if (keyNode === null || !isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
      ctx.error(keyNode ?? ctx.resolve(pair.value) ?? node, `expected a plain name as key; found ${describeFound(keyNode)}`);
      continue;
    }
    const key = String(keyNode.value);
    if (fields.has(key)) continue;
    fields.set(key, { key, keyNode, value: ctx.resolve(pair.value) });
  }
  return fields;
}

/** Reports each key not in `allowed`, e.g. `unknown key "clas" in secret X; expected one of …`. */
export function checkKeys(ctx: ReadContext, fields: Mapping, allowed: readonly string[], where: string): void {
  for (const field of fields.values()) {
    if (allowed.includes(field.key)) continue;
    ctx.error(
      field.keyNode,
      `unknown key ${quote(field.key)} ${where}; expected one of ${allowed.join(', ')}${didYouMean(field.key, allowed)}`,
    );
  }
}

export function readMapping(
  ctx: ReadContext,
  node: Node,
  allowed: readonly string[],
  where: string,
): Mapping {
  const fields = readPairs(ctx, node);
  checkKeys(ctx, fields, allowed, where);
  return fields;
}

export function hasOnlyKeys(fields: Mapping, allowed: readonly string[]): boolean {
  for (const key of fields.keys()) if (!allowed.includes(key)) return false;
  return true;
}
