// Readers for single values. Each reports its own problem and returns undefined on failure.

import type { Node } from 'yaml';
import { isScalar, isSeq } from 'yaml';
import type { ReadContext } from './readContext';
import { describeFound, quote, stringValue } from './describe';
import { didYouMean } from './suggest';
import { DURATION_EXAMPLES, parseDuration } from '../model/duration';

/** Any string (free text such as a description). */
export function readText(ctx: ReadContext, node: Node | null, label: string): string | undefined {
  const text = stringValue(node);
  if (text === undefined) ctx.error(node, `${label} must be text; found ${describeFound(node)}`);
  return text;
}

/** A member of a closed vocabulary; `what` reads like `class` or `provider type`. */
export function readChoice<T extends string>(
  ctx: ReadContext,
  node: Node | null,
  choices: readonly T[],
  what: string,
  subject: string,
): T | undefined {
  const text = stringValue(node);
  if (text === undefined) {
    ctx.error(node, `${what} of ${subject} must be one of ${choices.join(', ')}; found ${describeFound(node)}`);
    return undefined;
  }
  if ((choices as readonly string[]).includes(text)) return text as T;
  ctx.error(
    node,
    `unknown ${what} ${quote(text)} for ${subject}; expected one of ${choices.join(', ')}${didYouMean(text, choices)}`,
  );
  return undefined;
}

/** A duration such as `15m`, as seconds. */
export function readDuration(ctx: ReadContext, node: Node | null, label: string): number | undefined {
  if (node !== null && isScalar(node) && typeof node.value === 'number') {
    const hint = Number.isInteger(node.value) && node.value > 0 ? ` (did you mean "${node.value}s"?)` : '';
    ctx.error(node, `${label} must be a duration such as ${DURATION_EXAMPLES}; found a number${hint}`);
    return undefined;
  }
  const text = stringValue(node);
  if (text === undefined) {
    ctx.error(node, `${label} must be a duration such as ${DURATION_EXAMPLES}; found ${describeFound(node)}`);
    return undefined;
  }
  const seconds = parseDuration(text);
  if (seconds !== undefined) return seconds;
  const compact = text.toLowerCase().replace(/\s+/g, '');
  const hint = compact !== text && parseDuration(compact) !== undefined ? ` (did you mean "${compact}"?)` : '';
  ctx.error(
    node,
    `invalid duration ${quote(text)} for ${label}; expected a positive duration up to 3650d such as ${DURATION_EXAMPLES}${hint}`,
  );
  return undefined;
}

/** An http(s) URL. The URL itself is not echoed: it may carry a token in its query. */
export function readHttpUrl(ctx: ReadContext, node: Node | null, label: string): string | undefined {
  const text = stringValue(node);
  if (text === undefined) {
    ctx.error(node, `${label} must be an http(s) URL; found ${describeFound(node)}`);
    return undefined;
  }
  let protocol: string;
  try {
    protocol = new URL(text).protocol;
  } catch {
    ctx.error(node, `${label} must be an http(s) URL; found text that is not a URL`);
    return undefined;
  }
  if (protocol === 'http:' || protocol === 'https:') return text;
  const scheme = /^[a-z][a-z0-9+.-]{0,15}:$/i.test(protocol) ? ` ${quote(protocol.slice(0, -1))}` : '';
  ctx.error(node, `${label} must be an http(s) URL; found a URL with scheme${scheme}`);
  return undefined;
}

/** A string matching `pattern`; `expected` says what that is. The text is only echoed when `echo`. */
export function readName(
  ctx: ReadContext,
  node: Node | null,
  label: string,
  test: (name: string) => boolean,
  expected: string,
  options: { echo: boolean; fix?: (name: string) => string | undefined },
): string | undefined {
  const text = stringValue(node);
  if (text === undefined) {
    ctx.error(node, `${label} must be ${expected}; found ${describeFound(node)}`);
    return undefined;
  }
  if (test(text)) return text;
  if (!options.echo) {
    ctx.error(node, `invalid ${label}; expected ${expected}`);
    return undefined;
  }
  const fixed = options.fix?.(text);
  const hint = fixed !== undefined && fixed !== text ? ` (did you mean "${fixed}"?)` : '';
  ctx.error(node, `invalid ${label} ${quote(text)}; expected ${expected}${hint}`);
  return undefined;
}

/** A non-empty list of non-empty strings. Items are not echoed (commands may hold secrets). */
export function readTextList(ctx: ReadContext, node: Node | null, label: string): string[] | undefined {
  if (node === null || !isSeq(node)) {
    ctx.error(node, `${label} must be a list of strings; found ${describeFound(node)}`);
    return undefined;
  }
  if (node.items.length === 0) {
    ctx.error(node, `${label} must not be an empty list`);
    return undefined;
  }
  const items: string[] = [];
  let ok = true;
  for (const item of node.items) {
    const itemNode = ctx.resolve(item);
    const text = stringValue(itemNode);
    if (text === undefined || text === '') {
      ctx.error(itemNode ?? node, `each item of ${label} must be a non-empty string; found ${describeFound(itemNode)}`);
      ok = false;
    } else {
      items.push(text);
    }
  }
  return ok ? items : undefined;
}
