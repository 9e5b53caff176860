// End-to-end on the planted corpus: realistic files with every rule's format planted among
// decoys. Recall must be at least 0.97 and no decoy may be reported.

import { describe, expect, it } from 'vitest';
import { createScanner, type Finding, RULES } from '../../../shared/scan/index';
import { plantCorpus } from '../../corpus/plant';

const overlaps = (f: Finding, offset: number, length: number): boolean => f.offset < offset + length && offset < f.offset + f.length;

describe('planted corpus', () => {
  const corpus = plantCorpus({ seed: 20240501 });
  const scanner = createScanner();
  const findings = new Map(corpus.files.map((file) => [file.path, scanner.scan(file.content, file.path)]));

  it('plants every rule and many decoys', () => {
    expect(new Set(corpus.secrets.map((s) => s.ruleId))).toEqual(new Set(RULES.map((r) => r.id)));
    expect(corpus.decoys.length).toBeGreaterThan(500);
    expect(new Set(corpus.files.map((f) => f.path.split('.').pop())).size).toBeGreaterThanOrEqual(8);
  });

  it('is deterministic for a seed and different for another seed', () => {
    const again = plantCorpus({ seed: 20240501 });
    expect(again.files).toEqual(corpus.files);
    expect(again.secrets).toEqual(corpus.secrets);
    expect(plantCorpus({ seed: 7 }).files[0]?.content).not.toBe(corpus.files[0]?.content);
  });

  it('records ground truth that points at the planted text', () => {
    const byPath = new Map(corpus.files.map((f) => [f.path, f.content]));
    for (const secret of corpus.secrets.slice(0, 200)) {
      const content = byPath.get(secret.path) ?? '';
      expect(content.slice(0, secret.offset).split('\n').length).toBe(secret.line);
      expect(secret.length).toBeGreaterThan(0);
    }
  });

  it('finds at least 97% of planted secrets under the right rule', () => {
    const missed = corpus.secrets.filter(
      (s) => !(findings.get(s.path) ?? []).some((f) => f.ruleId === s.ruleId && overlaps(f, s.offset, s.length)),
    );
    const recall = 1 - missed.length / corpus.secrets.length;
    const report = missed.map((m) => `${m.ruleId} @ ${m.path}:${m.line}`).slice(0, 20).join('\n');
    expect(recall, `recall ${recall.toFixed(4)}; missed:\n${report}`).toBeGreaterThanOrEqual(0.97);
  });

  it('flags no decoy', () => {
    const flagged = corpus.decoys.flatMap((d) =>
      (findings.get(d.path) ?? []).filter((f) => overlaps(f, d.offset, d.length)).map((f) => `${d.kind} -> ${f.ruleId} @ ${d.path}:${d.line}`),
    );
    expect(flagged).toEqual([]);
  });

  it('reports nothing that was not planted', () => {
    const extra = [...findings].flatMap(([path, list]) =>
      list.filter((f) => !corpus.secrets.some((s) => s.path === path && overlaps(f, s.offset, s.length))).map((f) => `${f.ruleId} @ ${path}:${f.line}`),
    );
    expect(extra).toEqual([]);
  });
});
