// What every reader of a hub-policy.yaml tree shares: the located problems and warnings
// collected so far, alias resolution, and reading a mapping's keys.

import { isAlias, isMap, isNode, isScalar, visit, type Alias, type Document, type Node } from 'yaml';
import { describeFound, isNullNode, quote } from '../manifest/parse/describe';
import { didYouMean } from '../manifest/parse/suggest';
import type { PolicyProblem } from './hub-policy-types';

/** Past this many problems the rest are summed up in one line. */
export const MAX_PROBLEMS = 500;

/** Where a problem is: a source offset, or a node (its start). */
export type Spot = number | Node | null | undefined;

export interface ParseHubPolicyOptions {
  /**
   * Checks one postgres grant (e.g. "SELECT ON ALL TABLES IN SCHEMA public") and returns
   * why it is refused, or undefined when it is fine. Without it grants are only checked
   * to be non-empty text (the grant grammar lives with the postgres provider).
   */
  readonly checkGrant?: (grant: string) => string | undefined;
}

export interface PolicyReader {
  readonly options: ParseHubPolicyOptions;
  error(spot: Spot, message: string): void;
  warn(spot: Spot, message: string): void;
  /** Follows aliases (`*name`) to the node they stand for. */
  resolve(node: unknown): Node | null;
  errorCount(): number;
  /** Errors sorted by place (plus a last line when some were left out), and warnings. */
  finish(): { problems: PolicyProblem[]; warnings: PolicyProblem[] };
}

export function offsetOf(spot: Spot): number {
  if (typeof spot === 'number') return spot;
  return spot?.range?.[0] ?? 0;
}

export function createPolicyReader(
  doc: Document.Parsed | undefined,
  linePos: (offset: number) => { line: number; col: number },
  options: ParseHubPolicyOptions,
): PolicyReader {
  const problems: PolicyProblem[] = [];
  const warnings: PolicyProblem[] = [];
  const seen = new Set<string>();
  let leftOut = 0;
  const aliases = doc === undefined ? new Map<Alias, Node>() : aliasTargets(doc);
  const add = (list: PolicyProblem[], spot: Spot, message: string): void => {
    if (list.length >= MAX_PROBLEMS) {
      if (list === problems) leftOut++;
      return;
    }
    const { line, col } = linePos(offsetOf(spot));
    const identity = `${list === problems ? 'e' : 'w'}:${line}:${col}:${message}`;
    if (seen.has(identity)) return;
    seen.add(identity);
    list.push({ line, column: col, message });
  };
  const byPlace = (a: PolicyProblem, b: PolicyProblem): number => a.line - b.line || a.column - b.column;
  return {
    options,
    error: (spot, message) => add(problems, spot, message),
    warn: (spot, message) => add(warnings, spot, message),
    resolve(node) {
      if (isAlias(node)) return aliases.get(node) ?? null;
      return isNode(node) ? node : null;
    },
    errorCount: () => problems.length + leftOut,
    finish() {
      const sorted = [...problems].sort(byPlace);
      const last = sorted[sorted.length - 1];
      if (leftOut > 0 && last) {
        sorted.push({ line: last.line, column: last.column, message: `… and ${leftOut} more problems not shown` });
      }
      return { problems: sorted, warnings: [...warnings].sort(byPlace) };
    },
  };
}

/** Each alias's node: the last node anchored with its name before it (as YAML says). O(n). */
function aliasTargets(doc: Document.Parsed): Map<Alias, Node> {
  const anchored = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        const target = anchored.get(node.source);
        if (target) targets.set(node, target);
      } else if (node.anchor) {
        anchored.set(node.anchor, node);
      }
    },
  });
  return targets;
}

export interface Field {
  readonly key: string;
  readonly keyNode: Node;
  /** Aliases already followed; null for `key:` with nothing after it. */
  readonly value: Node | null;
  /** Where a problem with the value as a whole is reported: the value as written (an alias
   * where one is used), or the key when there is no value. */
  readonly spot: Node;
}

export type Fields = ReadonlyMap<string, Field>;

/** The spot for a problem with a field's value as a whole. */
export function valueSpot(field: Field): Node {
  return field.spot;
}

/** Where a problem with a list item is reported: the item as written (an alias where one is used). */
export function itemSpot(reader: PolicyReader, item: unknown, list: Node): Node {
  return isAlias(item) ? item : (reader.resolve(item) ?? list);
}

/**
 * The key/value pairs of a mapping, in source order. Keys that are not plain names and keys
 * given twice are reported (a repeated key keeps its first value).
 */
export function readFields(reader: PolicyReader, node: Node, where: string): Fields {
  const fields = new Map<string, Field>();
  if (!isMap(node)) return fields;
  for (const pair of node.items) {
    const keyNode = reader.resolve(pair.key);
    if (keyNode === null || !isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
      reader.error(keyNode ?? reader.resolve(pair.value) ?? node, `expected a plain name as key ${where}; found ${describeFound(keyNode)}`);
      continue;
    }
    const key = String(keyNode.value);
    if (fields.has(key)) {
      reader.error(keyNode, `duplicate key ${quote(key)} ${where}; each key may appear only once`);
      continue;
    }
    const value = reader.resolve(pair.value);
    const written = isAlias(pair.value) ? pair.value : value;
    fields.set(key, { key, keyNode, value, spot: written === null || isNullNode(written) ? keyNode : written });
  }
  return fields;
}

/**
 * Reports each key outside `allowed`: `unknown key "aprovers" in resource x; expected one of
 * …`. `misplaced` may explain a key that belongs elsewhere instead of listing the allowed ones.
 */
export function checkKeys(
  reader: PolicyReader,
  fields: Fields,
  allowed: readonly string[],
  where: string,
  misplaced?: (key: string) => string | undefined,
): void {
  for (const field of fields.values()) {
    if (allowed.includes(field.key)) continue;
    const elsewhere = misplaced?.(field.key);
    reader.error(
      field.keyNode,
      elsewhere !== undefined
        ? `unknown key ${quote(field.key)} ${where}; ${elsewhere}`
        : `unknown key ${quote(field.key)} ${where}; expected one of ${allowed.join(', ')}${didYouMean(field.key, allowed)}`,
    );
  }
}
