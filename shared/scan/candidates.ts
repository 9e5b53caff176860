// Candidate matches before overlap resolution, and the resolution itself.

import type { KnownValue } from './known-values';
import type { Rule } from './types';

export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly secret: string;
  readonly priority: number;
  /** The rule that matched; undefined for known-value hits. */
  readonly rule: Rule | undefined;
  /** Set for known-value hits. */
  readonly known: KnownValue | undefined;
}

/** Known values beat every rule. */
export const PRIORITY_KNOWN = 100;

/** The longest span a secret may cover (PEM blocks, long tokens); bounds the overlap search. */
const MAX_SPAN = 64 * 1024;

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

function beats(a: Candidate, b: Candidate): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return a.end - a.start > b.end - b.start;
}

/**
 * Keeps, among overlapping candidates, the one with the highest priority (then the longest;
 * then the first found). Returns them sorted by offset.
 */
export function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.priority - a.priority || b.end - a.end);
  const kept: Candidate[] = [];
  for (const candidate of sorted) {
    let wins = true;
    const losers: number[] = [];
    for (let j = kept.length - 1; j >= 0; j--) {
      const other = kept[j] as Candidate;
      if (other.start + MAX_SPAN < candidate.start) break;
      if (!overlaps(other, candidate)) continue;
      if (beats(candidate, other)) losers.push(j);
      else {
        wins = false;
        break;
      }
    }
    if (!wins) continue;
    for (const j of losers) kept.splice(j, 1); // descending indexes: safe to splice in order
    kept.push(candidate);
  }
  return kept;
}
