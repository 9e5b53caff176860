// Builders that turn compact format descriptions into rules with consistent defaults.

import type { AssignmentRule, AssignmentView, MatchContext, PatternRule, Severity } from '../types';

/** Right boundary appended to token patterns: the token is not followed by more token chars. */
export const TOKEN_END = '(?![A-Za-z0-9_+=-])';

export const PRIORITY_GENERIC = 1;
export const PRIORITY_NAMED = 2;
export const PRIORITY_FORMAT = 3;

export interface TokenSpec {
  readonly id: string;
  readonly provider: string;
  readonly title: string;
  readonly severity: Severity;
  /** Regex source. The secret is the named group `secret` if present, else the whole match. */
  readonly pattern: string;
  /** Lowercase literals, one of which occurs in every match. */
  readonly keywords: readonly string[];
  /** Extra regex flags (g is always set). */
  readonly flags?: string;
  /** Fixed leading characters of the secret (default: the first keyword's length if the secret starts with it). */
  readonly prefixLength?: number;
  readonly minEntropy?: number;
  /** Append TOKEN_END (default true). */
  readonly endBoundary?: boolean;
  readonly leftBoundary?: boolean;
  readonly skipPlaceholderCheck?: boolean;
  readonly tailLength?: number;
  readonly priority?: number;
  readonly validate?: (secret: string, context: MatchContext) => boolean;
  /**
   * The regex matches a distinctive tail (so it can start with a literal); the secret also
   * includes the `length` characters before it, which must match the regex source `pattern`.
   */
  readonly extendLeft?: { readonly length: number; readonly pattern: string };
}

export function tokenRule(spec: TokenSpec): PatternRule {
  const source = spec.endBoundary === false ? spec.pattern : `(?:${spec.pattern})${TOKEN_END}`;
  let flags = `g${spec.flags ?? ''}`;
  if (source.includes('(?<secret>')) flags += 'd';
  return {
    kind: 'pattern',
    id: spec.id,
    provider: spec.provider,
    title: spec.title,
    severity: spec.severity,
    keywords: spec.keywords,
    priority: spec.priority ?? PRIORITY_FORMAT,
    pattern: new RegExp(source, flags),
    prefixLength: spec.prefixLength ?? 0,
    minEntropy: spec.minEntropy ?? 0,
    leftBoundary: spec.leftBoundary ?? true,
    skipPlaceholderCheck: spec.skipPlaceholderCheck ?? false,
    tailLength: spec.tailLength ?? 4,
    ...(spec.validate ? { validate: spec.validate } : {}),
    ...(spec.extendLeft
      ? { extendLeft: { length: spec.extendLeft.length, pattern: new RegExp(`^(?:${spec.extendLeft.pattern})$`) } }
      : {}),
  };
}

/** A prefixed token: literal prefix(es) followed by a body regex. */
export interface PrefixedSpec extends Omit<TokenSpec, 'pattern' | 'keywords'> {
  readonly prefix: string | readonly string[];
  readonly body: string;
  readonly keywords?: readonly string[];
}

export function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function prefixedRule(spec: PrefixedSpec): PatternRule {
  const prefixes = typeof spec.prefix === 'string' ? [spec.prefix] : spec.prefix;
  const alternation = prefixes.map(escapeRegex).join('|');
  const shortest = Math.min(...prefixes.map((p) => p.length));
  return tokenRule({
    ...spec,
    pattern: `(?:${alternation})(?:${spec.body})`,
    keywords: spec.keywords ?? prefixes.map((p) => p.toLowerCase()),
    prefixLength: spec.prefixLength ?? shortest,
  });
}

export interface NamedSpec {
  readonly id: string;
  readonly provider: string;
  readonly title: string;
  readonly severity: Severity;
  /** Lowercase fragments, one of which occurs in the variable name. */
  readonly keywords: readonly string[];
  /** Extra test on the lowercased name (default: contains a keyword). */
  readonly name?: RegExp;
  /** Regex source for the whole value. */
  readonly value: string;
  readonly minEntropy?: number;
  readonly priority?: number;
  readonly validate?: (value: string, assignment: AssignmentView) => boolean;
}

/** A credential recognised by the name of the variable or key it is assigned to. */
export function namedRule(spec: NamedSpec): AssignmentRule {
  const keywords = spec.keywords;
  const name = spec.name ?? new RegExp(keywords.map(escapeRegex).join('|'));
  return {
    kind: 'assignment',
    id: spec.id,
    provider: spec.provider,
    title: spec.title,
    severity: spec.severity,
    keywords,
    priority: spec.priority ?? PRIORITY_NAMED,
    name,
    value: new RegExp(`^(?:${spec.value})$`),
    minEntropy: spec.minEntropy ?? 0,
    ...(spec.validate ? { validate: spec.validate } : {}),
  };
}

/** A version-agnostic UUID, as a regex source. */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
