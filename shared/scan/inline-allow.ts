// Inline suppression: a line containing `latch:allow` is not reported; `latch:allow RULE-ID
// [RULE-ID…]` suppresses only the named rules on that line.

export const INLINE_ALLOW_MARKER = 'latch:allow';

/**
 * What a line allows: undefined (no marker), 'all', or the set of rule ids named after the
 * marker. Words that are not rule ids (per `isRuleId`) are ignored, so free text after the
 * marker still allows everything.
 */
export function inlineAllowance(line: string, isRuleId: (id: string) => boolean): 'all' | ReadonlySet<string> | undefined {
  const at = line.indexOf(INLINE_ALLOW_MARKER);
  if (at < 0) return undefined;
  const rest = line.slice(at + INLINE_ALLOW_MARKER.length);
  const ids = new Set<string>();
  for (const word of rest.split(/[\s,;]+/)) {
    const id = word.replace(/^[:=(]+|[).]+$/g, '');
    if (id.length > 0 && isRuleId(id)) ids.add(id);
  }
  return ids.size === 0 ? 'all' : ids;
}

export function isAllowedInline(line: string, ruleId: string, isRuleId: (id: string) => boolean): boolean {
  const allowance = inlineAllowance(line, isRuleId);
  if (allowance === undefined) return false;
  return allowance === 'all' || allowance.has(ruleId);
}
