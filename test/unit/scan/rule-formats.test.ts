// Every rule, from its provider's published format: three well-formed values must be reported
// under that rule id; every look-alike (checksum-invalid, wrong length or charset, glued,
// placeholder, documentation example) must not be. Values are generated at run time from the
// format descriptions in test/corpus/makers, so no credential-shaped literal lives in the repo.

import { describe, expect, it } from 'vitest';
import { createScanner, RULES } from '../../../shared/scan/index';
import { SECRET_MAKERS } from '../../corpus/makers/index';
import type { PlantContext } from '../../corpus/makers/index';
import { type AssignmentStyle, renderAssignment, renderBare } from '../../corpus/render';
import { createRng } from '../../corpus/rng';

const scanner = createScanner();
const STYLES: readonly AssignmentStyle[] = ['env', 'json', 'python', 'yaml', 'ts', 'shell'];
const ruleIds = RULES.map((rule) => rule.id);

function seedFor(ruleId: string, n: number): number {
  let h = 2166136261;
  for (const ch of ruleId) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) + n * 7919;
}

function placed(context: PlantContext, name: string, value: string, variant: number): { text: string; path: string } {
  if (context === 'block') return { text: `intro\n${value}\noutro\n`, path: 'notes/key.txt' };
  if (context === 'bare') return { text: `intro\n${renderBare(value, variant)}\noutro\n`, path: 'logs/app.log' };
  const style = STYLES[variant % STYLES.length] as AssignmentStyle;
  const path = { env: '.env', json: 'settings.json', python: 'settings.py', yaml: 'values.yaml', ts: 'config.ts', shell: 'deploy.sh' }[style];
  return { text: `# settings\n${renderAssignment(style, name, value)}\n# end\n`, path };
}

function positives(ruleId: string) {
  const maker = SECRET_MAKERS[ruleId];
  if (!maker) throw new Error(`no maker for ${ruleId}`);
  return [1, 2, 3].map((n) => {
    const rng = createRng(seedFor(ruleId, n));
    const value = maker.make(rng);
    const context = maker.contexts[n % maker.contexts.length] as PlantContext;
    return { value, context, ...placed(context, maker.name, value.text, n) };
  });
}

function negatives(ruleId: string) {
  const maker = SECRET_MAKERS[ruleId];
  if (!maker) throw new Error(`no maker for ${ruleId}`);
  const context: PlantContext = maker.contexts[0] === 'block' ? 'block' : maker.contexts.includes('bare') ? 'bare' : 'assign';
  return maker.lookalikes(createRng(seedFor(ruleId, 99))).map((lookalike, n) => ({ lookalike, ...placed(context, maker.name, lookalike.text, n) }));
}

describe('rule catalogue', () => {
  it('has at least 150 rules with unique ids, each with provider, title, severity and keywords', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const rule of RULES) {
      expect(rule.provider.length, rule.id).toBeGreaterThan(0);
      expect(rule.title.length, rule.id).toBeGreaterThan(0);
      expect(['critical', 'high', 'medium', 'low', 'info']).toContain(rule.severity);
      expect(rule.keywords.length, rule.id).toBeGreaterThan(0);
      for (const keyword of rule.keywords) expect(keyword, rule.id).toBe(keyword.toLowerCase());
    }
  });

  it('covers every rule with at least 3 positive and 3 negative cases', () => {
    const thin = ruleIds.filter((id) => !SECRET_MAKERS[id] || positives(id).length < 3 || negatives(id).length < 3);
    expect(thin).toEqual([]);
    expect(Object.keys(SECRET_MAKERS).filter((id) => !ruleIds.includes(id))).toEqual([]);
  });
});

describe.each(ruleIds)('%s', (ruleId) => {
  const rule = RULES.find((r) => r.id === ruleId);

  it('reports three well-formed values', () => {
    for (const { text, path, value } of positives(ruleId)) {
      const findings = scanner.scan(text, path);
      const hit = findings.find((f) => f.ruleId === ruleId);
      expect(hit, `${ruleId} in ${JSON.stringify(text.slice(0, 160))}`).toBeDefined();
      if (!hit) continue;
      expect(text.slice(hit.offset, hit.offset + hit.length)).toBe(value.secret);
      expect(hit.secretKind).toBe('leak');
      expect(hit.redacted).not.toContain(value.secret);
      expect(hit.message).not.toContain(value.secret);
    }
  });

  it('declares a keyword that occurs in every match (prefilter soundness)', () => {
    for (const { text } of positives(ruleId)) {
      const lower = text.toLowerCase();
      expect(rule?.keywords.some((k) => lower.includes(k)), ruleId).toBe(true);
    }
  });

  it('ignores look-alikes', () => {
    const cases = negatives(ruleId);
    expect(cases.length).toBeGreaterThanOrEqual(3);
    for (const { text, path, lookalike } of cases) {
      const findings = scanner.scan(text, path);
      const label = `${lookalike.why}: ${JSON.stringify(text.slice(0, 160))}`;
      expect(findings.filter((f) => f.ruleId === ruleId), label).toEqual([]);
      if (lookalike.decoy) expect(findings.map((f) => f.ruleId), label).toEqual([]);
    }
  });
});
