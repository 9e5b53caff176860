// Readers for single values of a policy. Each reports its own problem (at the value, or at
// its key when the value is missing) and returns undefined on failure.

import { isScalar, isSeq, type Node } from 'yaml';
import { describeFound, quote, stringValue } from '../manifest/parse/describe';
import { isKebabId, toKebabId } from '../manifest/model/names';
import type { PolicyCommandLine } from './hub-policy-types';
import { formatPolicyDuration, MAX_POLICY_DURATION_SECONDS, parsePolicyDuration, POLICY_DURATION_EXAMPLES } from './policy-durations';
import { itemSpot, valueSpot, type Field, type PolicyReader } from './policy-reader';

const BOOLEAN_LOOKALIKES: Readonly<Record<string, boolean>> = { yes: true, on: true, y: true, no: false, off: false, n: false };

/** Free text such as a description. */
export function readText(reader: PolicyReader, field: Field, label: string): string | undefined {
  const text = stringValue(field.value);
  if (text === undefined) reader.error(valueSpot(field), `${label} must be text; found ${describeFound(field.value)}`);
  return text;
}

/** Text that must not be empty or blank (a database name). */
export function readNonEmptyText(reader: PolicyReader, field: Field, label: string): string | undefined {
  const text = readText(reader, field, label);
  if (text === undefined) return undefined;
  if (text.trim() !== '') return text;
  reader.error(valueSpot(field), `${label} must not be empty`);
  return undefined;
}

/**
 * A kebab-case name. `what` reads like "server", `where` like "in postgres provider of x"
 * (or ''), `example` like "prod-orders".
 */
export function readKebabName(
  reader: PolicyReader,
  node: Node | null,
  spot: Node,
  what: string,
  where: string,
  example: string,
): string | undefined {
  const text = stringValue(node);
  const place = where === '' ? '' : ` ${where}`;
  if (text === undefined) {
    reader.error(spot, `${what}${place} must be a kebab-case name such as ${example}; found ${describeFound(node)}`);
    return undefined;
  }
  if (isKebabId(text)) return text;
  const fixed = toKebabId(text);
  const hint = fixed !== undefined && fixed !== text ? ` (did you mean "${fixed}"?)` : '';
  reader.error(spot, `invalid ${what} ${quote(text)}${place}; expected a kebab-case name such as ${example}${hint}`);
  return undefined;
}

/** `requesters:` / `approvers:`: a non-empty list of group names. A repeat is a warning. */
export function readGroups(reader: PolicyReader, field: Field, label: string): string[] | undefined {
  const node = field.value;
  if (node === null || !isSeq(node)) {
    const text = stringValue(node);
    const hint = text !== undefined && isKebabId(text) ? ` (write [${text}] for a single group)` : '';
    reader.error(valueSpot(field), `${label} must be a list of group names; found ${describeFound(node)}${hint}`);
    return undefined;
  }
  if (node.items.length === 0) {
    reader.error(valueSpot(field), `${label} must name at least one group`);
    return undefined;
  }
  const groups: string[] = [];
  let ok = true;
  for (const item of node.items) {
    const itemNode = reader.resolve(item);
    const spot = itemSpot(reader, item, node);
    const group = readKebabName(reader, itemNode, spot, 'group name', `in ${label}`, 'backend or sre-oncall');
    if (group === undefined) ok = false;
    else if (groups.includes(group)) reader.warn(spot, `group ${quote(group)} is listed twice in ${label}`);
    else groups.push(group);
  }
  return ok ? groups : undefined;
}

/** `approvals:`: a whole number, at least 1. */
export function readApprovals(reader: PolicyReader, field: Field, label: string): number | undefined {
  const node = field.value;
  const value: unknown = node !== null && isScalar(node) ? node.value : undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
  let found = describeFound(node);
  if (typeof value === 'number') found = Number.isFinite(value) ? String(value) : 'a number that is not finite';
  const text = stringValue(node);
  const hint = text !== undefined && /^\d{1,6}$/.test(text) && Number(text) >= 1 ? ` (write ${Number(text)} without quotes)` : '';
  reader.error(valueSpot(field), `${label} must be a whole number of at least 1; found ${found}${hint}`);
  return undefined;
}

/** `reason_required:`: true or false (YAML 1.2: `yes`/`no` are text, so they get a hint). */
export function readBoolean(reader: PolicyReader, field: Field, label: string): boolean | undefined {
  const node = field.value;
  if (node !== null && isScalar(node) && typeof node.value === 'boolean') return node.value;
  const text = stringValue(node);
  const lookalike = text === undefined ? undefined : BOOLEAN_LOOKALIKES[text.toLowerCase()];
  const hint = lookalike === undefined ? '' : ` (did you mean ${String(lookalike)}?)`;
  reader.error(valueSpot(field), `${label} must be true or false; found ${describeFound(node)}${hint}`);
  return undefined;
}

/** A duration such as `1h30m`, as seconds; above zero and at most seven days. */
export function readDuration(reader: PolicyReader, field: Field, label: string): number | undefined {
  const node = field.value;
  const expected = `a duration such as ${POLICY_DURATION_EXAMPLES}`;
  if (node !== null && isScalar(node) && typeof node.value === 'number') {
    const hint = Number.isSafeInteger(node.value) && node.value > 0 ? ` (did you mean "${node.value}s"?)` : '';
    reader.error(valueSpot(field), `${label} must be ${expected}; found a number${hint}`);
    return undefined;
  }
  const text = stringValue(node);
  if (text === undefined) {
    reader.error(valueSpot(field), `${label} must be ${expected}; found ${describeFound(node)}`);
    return undefined;
  }
  const parsed = parsePolicyDuration(text);
  if (parsed.ok) return parsed.seconds;
  if (parsed.reason === 'zero') {
    reader.error(valueSpot(field), `${label} must be longer than zero; found ${quote(text)}`);
  } else if (parsed.reason === 'too-long') {
    const length = parsed.seconds === undefined ? quote(text) : formatPolicyDuration(parsed.seconds);
    reader.error(valueSpot(field), `${label} is ${length}; at most ${formatPolicyDuration(MAX_POLICY_DURATION_SECONDS)} is allowed`);
  } else {
    const compact = text.toLowerCase().replace(/\s+/g, '');
    const hint = compact !== text && parsePolicyDuration(compact).ok ? ` (did you mean "${compact}"?)` : '';
    reader.error(valueSpot(field), `invalid duration ${quote(text)} for ${label}; expected ${expected}${hint}`);
  }
  return undefined;
}

/** A command: one string (run by /bin/sh -c) or a list of arguments. Never echoed. */
export function readCommandLine(reader: PolicyReader, field: Field, label: string): PolicyCommandLine | undefined {
  const node = field.value;
  const text = stringValue(node);
  if (text !== undefined) {
    if (text.trim() !== '') return text;
    reader.error(valueSpot(field), `${label} must not be empty; expected a command as a string or a list of arguments`);
    return undefined;
  }
  if (node === null || !isSeq(node)) {
    reader.error(valueSpot(field), `${label} must be a command as a string or a list of arguments; found ${describeFound(node)}`);
    return undefined;
  }
  if (node.items.length === 0) {
    reader.error(valueSpot(field), `${label} must not be an empty list; expected the program and its arguments`);
    return undefined;
  }
  const args: string[] = [];
  let ok = true;
  for (const item of node.items) {
    const itemNode = reader.resolve(item);
    const arg = stringValue(itemNode);
    if (arg === undefined || arg === '') {
      reader.error(itemSpot(reader, item, node), `each argument of ${label} must be a non-empty string; found ${describeFound(itemNode)}`);
      ok = false;
    } else {
      args.push(arg);
    }
  }
  return ok ? args : undefined;
}
