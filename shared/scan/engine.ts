// The scanning engine: text in, findings out. Pure and synchronous.

import { runAssignmentRules, isConfigPath } from './assignment-runner';
import { type Candidate, PRIORITY_KNOWN, resolveOverlaps } from './candidates';
import { compileRules } from './compiled-rules';
import { buildFindings, KNOWN_RULE_IDS, STUB_MARKER_RULE_ID } from './findings';
import { defaultFingerprint, type FingerprintFunction, fingerprintInput } from './fingerprint';
import { findKnownValues, type KnownValueIndex, knownLengths } from './known-values';
import { runPatternRule } from './pattern-runner';
import { RULES } from './rules/index';
import type { AssignmentRule, Finding, Rule } from './types';

export { KNOWN_RULE_IDS, STUB_MARKER_RULE_ID };

export interface ScannerOptions {
  /** Rules to use (default: RULES). */
  readonly rules?: readonly Rule[];
  /** Rule ids to leave out. */
  readonly disabledRules?: readonly string[];
  /** Values the broker holds, matched exactly by keyed hash. */
  readonly knownValues?: KnownValueIndex;
  /** Hash for fingerprints, given fingerprintInput(); default FNV-1a 64 (hex). */
  readonly fingerprint?: FingerprintFunction;
}

export interface Scanner {
  readonly rules: readonly Rule[];
  /** Findings in `text`, sorted by offset. `path` feeds fingerprints and file-type heuristics. */
  scan(text: string, path?: string): Finding[];
  /** Replaces the known-value index (e.g. after a lease is issued or revoked). */
  setKnownValues(index: KnownValueIndex | undefined): void;
}

export function createScanner(options: ScannerOptions = {}): Scanner {
  const disabled = new Set(options.disabledRules ?? []);
  const rules = (options.rules ?? RULES).filter((rule) => !disabled.has(rule.id));
  const compiled = compileRules(rules);
  const ruleIds = new Set<string>([...rules.map((r) => r.id), ...Object.values(KNOWN_RULE_IDS), STUB_MARKER_RULE_ID]);
  const isRuleId = (id: string): boolean => ruleIds.has(id);
  const fingerprintOf = (ruleId: string, path: string | undefined, secret: string): string =>
    options.fingerprint ? options.fingerprint(fingerprintInput(ruleId, path, secret)) : defaultFingerprint(ruleId, path, secret);
  let knownValues = options.knownValues;
  let lengths = knownValues ? knownLengths(knownValues) : [];
  const active = new Uint8Array(rules.length);

  function collect(text: string, path: string | undefined): Candidate[] {
    // 1. One pass: which keywords occur (and where, for assignment keywords).
    const hits = compiled.automaton.scan(text, compiled.positional);
    // 2. Only rules with a keyword in the text run.
    active.fill(0);
    const assignmentKeywords = new Set<number>();
    for (let k = 0; k < hits.seen.length; k++) {
      if (hits.seen[k] === 0) continue;
      for (const r of compiled.rulesByKeyword[k] as number[]) active[r] = 1;
      if (compiled.positional[k] === 1) assignmentKeywords.add(k);
    }
    const candidates: Candidate[] = [];
    const activeAssignmentRules: AssignmentRule[] = [];
    for (let r = 0; r < rules.length; r++) {
      if (active[r] === 0) continue;
      const rule = rules[r] as Rule;
      if (rule.kind === 'pattern') runPatternRule(rule, text, candidates);
      else activeAssignmentRules.push(rule);
    }
    if (activeAssignmentRules.length > 0) {
      runAssignmentRules(activeAssignmentRules, assignmentKeywords, compiled.automaton.keywords, hits, text, isConfigPath(path), candidates);
    }
    // 3. Values the broker holds.
    if (knownValues && lengths.length > 0) {
      for (const hit of findKnownValues(text, knownValues, lengths)) {
        candidates.push({ start: hit.start, end: hit.end, secret: hit.secret, priority: PRIORITY_KNOWN, rule: undefined, known: hit.value });
      }
    }
    return candidates;
  }

  return {
    rules,
    scan(text, path) {
      if (text.length === 0) return [];
      const candidates = collect(text, path);
      if (candidates.length === 0) return [];
      return buildFindings(resolveOverlaps(candidates), { text, path, candidates, isRuleId, fingerprintOf });
    },
    setKnownValues(index) {
      knownValues = index;
      lengths = index ? knownLengths(index) : [];
    },
  };
}
