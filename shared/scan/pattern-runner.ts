// Runs one pattern rule over a text and checks each match: boundaries, placeholders, entropy,
// documented examples, encoded-blob context and the rule's own validator.

import type { Candidate } from './candidates';
import { longestRun, randomEntropyFloor, shannonEntropy } from './entropy';
import type { PatternRule } from './types';
import { hasPlaceholderFragment, insideEncodedBlob, isDocumentedExample, isLowVariety } from './value-filters';

function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function runPatternRule(rule: PatternRule, text: string, out: Candidate[]): void {
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    let start = match.index;
    let end = start + match[0].length;
    const group = match.indices?.groups?.['secret'];
    if (group) [start, end] = group;
    if (rule.extendLeft) {
      const from = start - rule.extendLeft.length;
      if (from < 0 || !rule.extendLeft.pattern.test(text.slice(from, start))) continue;
      start = from;
    }
    if (rule.leftBoundary && start > 0 && isAlnumCode(text.charCodeAt(start - 1)) && text.charCodeAt(start - 2) !== 92) continue;
    const secret = text.slice(start, end);
    const body = secret.slice(rule.prefixLength);
    if (!rule.skipPlaceholderCheck && (hasPlaceholderFragment(body) || longestRun(body) >= 6 || isLowVariety(body))) continue;
    if (rule.minEntropy > 0 && shannonEntropy(body) < Math.min(rule.minEntropy, randomEntropyFloor(body))) continue;
    if (isDocumentedExample(secret) || insideEncodedBlob(text, start)) continue;
    if (rule.validate && !rule.validate(secret, { text, start, end })) continue;
    out.push({ start, end, secret, priority: rule.priority, rule, known: undefined });
  }
}
