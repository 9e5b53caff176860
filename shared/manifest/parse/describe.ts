// Short descriptions of what was found, for "…; found a list" messages. Strings are never
// echoed here: a mistyped field may hold a pasted secret.

import type { Node } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';

export function describeFound(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value: unknown = node.value;
    if (value === null || value === undefined) return 'nothing';
    if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
    if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
    if (typeof value === 'boolean') return `the boolean ${String(value)}`;
    return 'a value of another type';
  }
  return 'something else';
}

/** `"stb"` for messages about closed vocabularies; long text is cut short. */
export function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return JSON.stringify(short);
}

export function isNullNode(node: Node | null): boolean {
  return node === null || (isScalar(node) && (node.value === null || node.value === undefined));
}

/** The string held by a plain scalar node, or undefined when it holds something else. */
export function stringValue(node: Node | null): string | undefined {
  return node !== null && isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

export function listOf(items: readonly string[], last = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}
