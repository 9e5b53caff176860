// Turns resolved candidates into findings: positions, inline allow, previews, fingerprints,
// messages, and the known-value rule ids.

import { isStubValue } from '../stubs/marker';
import type { Candidate } from './candidates';
import { isAllowedInline, INLINE_ALLOW_MARKER } from './inline-allow';
import type { KnownValue } from './known-values';
import { redactSecret } from './redact';
import { createTextPositions, type TextPositions } from './text-positions';
import type { Finding, Rule, SecretKind, Severity } from './types';

export const KNOWN_RULE_IDS = {
  personal: 'known-personal-token',
  lease: 'known-lease-value',
  stub: 'known-stub',
} as const satisfies Record<KnownValue['kind'], string>;

/** Rule id of matches that carry the Latch stub marker (stateless: no broker index needed). */
export const STUB_MARKER_RULE_ID = 'latch-stub';

/** The run of non-space, non-quote characters around a candidate (a URL, a `k=v` token). */
function enclosingToken(text: string, c: Candidate): string {
  let from = c.start;
  let to = c.end;
  const stop = /[\s"'`<>,;()[\]{}]/;
  while (from > 0 && c.start - from < 512 && !stop.test(text[from - 1] as string)) from--;
  while (to < text.length && to - c.end < 512 && !stop.test(text[to] as string)) to++;
  return text.slice(from, to);
}

/** A rule match that is a Latch stub: the marker is in the value or in the URL / token around it. */
function carriesStubMarker(text: string, c: Candidate): boolean {
  return isStubValue(c.secret) || isStubValue(enclosingToken(text, c));
}

const KNOWN_SEVERITY: Record<KnownValue['kind'], Severity> = { personal: 'critical', lease: 'critical', stub: 'info' };
const KNOWN_SECRET_KIND: Record<KnownValue['kind'], SecretKind> = { personal: 'known', lease: 'known', stub: 'stub' };

function knownMessage(value: KnownValue): string {
  switch (value.kind) {
    case 'personal':
      return `your token \`${value.label}\` is in plain text here`;
    case 'lease':
      return `the lease value \`${value.label}\` is in plain text here`;
    case 'stub':
      return `stub \`${value.label}\` issued by Latch (not a real secret)`;
  }
}

function isAllowedOnLines(positions: TextPositions, fromLine: number, toLine: number, ruleId: string, isRuleId: (id: string) => boolean): boolean {
  const last = Math.min(toLine, fromLine + 200);
  for (let line = fromLine; line <= last; line++) {
    if (isAllowedInline(positions.lineText(line), ruleId, isRuleId)) return true;
  }
  return false;
}

/** For a known-value hit, the rule (if any) that also matched it: names the provider. */
function bestOverlappingRule(candidates: readonly Candidate[], hit: Candidate): Rule | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (!c.rule || c.start >= hit.end || hit.start >= c.end) continue;
    if (!best || c.priority > best.priority) best = c;
  }
  return best?.rule;
}

export interface FindingContext {
  readonly text: string;
  readonly path: string | undefined;
  /** Every candidate before overlap resolution (to name the provider of known-value hits). */
  readonly candidates: readonly Candidate[];
  readonly isRuleId: (id: string) => boolean;
  readonly fingerprintOf: (ruleId: string, path: string | undefined, secret: string) => string;
}

export function buildFindings(resolved: readonly Candidate[], context: FindingContext): Finding[] {
  const { text, path } = context;
  const positions = createTextPositions(text);
  const hasAllowMarker = text.includes(INLINE_ALLOW_MARKER);
  const findings: Finding[] = [];
  for (const c of resolved) {
    const known = c.known;
    const stub = known === undefined && carriesStubMarker(text, c);
    const ruleId = known ? KNOWN_RULE_IDS[known.kind] : stub ? STUB_MARKER_RULE_ID : (c.rule as Rule).id;
    const from = positions.positionOf(c.start);
    const to = positions.positionOf(c.end - 1);
    if (hasAllowMarker && isAllowedOnLines(positions, from.line, to.line, ruleId, context.isRuleId)) continue;
    const rule = c.rule ?? bestOverlappingRule(context.candidates, c);
    const prefixLength = rule?.kind === 'pattern' ? rule.prefixLength : 0;
    const tailLength = rule?.kind === 'pattern' ? rule.tailLength : 4;
    findings.push({
      ruleId,
      provider: rule?.provider ?? 'Latch',
      severity: known ? KNOWN_SEVERITY[known.kind] : stub ? 'info' : (c.rule as Rule).severity,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column + 1,
      offset: c.start,
      length: c.end - c.start,
      redacted: redactSecret(c.secret, prefixLength, tailLength),
      fingerprint: context.fingerprintOf(ruleId, path, c.secret),
      message: known
        ? knownMessage(known)
        : stub
          ? `${(c.rule as Rule).title} carrying the Latch stub marker (a stub, not a real secret)`
          : `${(c.rule as Rule).title} found`,
      secretKind: known ? KNOWN_SECRET_KIND[known.kind] : stub ? 'stub' : 'leak',
    });
  }
  return findings;
}
