import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../../electron/broker/projects/template-loader';

const template = (project: string): string => `version: 1\nproject: ${project}\nsecrets:\n  API_KEY: { class: stub, shape: github-pat }\n`;

describe('loadTemplate', () => {
  it('parses a template once while the file is unchanged, and again after any change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'latch-template-'));
    writeFileSync(join(dir, 'latch.yaml'), template('demo-a'));
    const first = loadTemplate(dir);
    expect(first.ok && first.template.project).toBe('demo-a');
    expect(loadTemplate(dir)).toBe(first);
    // Same size, different content: still seen.
    writeFileSync(join(dir, 'latch.yaml'), template('demo-b'));
    const second = loadTemplate(dir);
    expect(second.ok && second.template.project).toBe('demo-b');
    writeFileSync(join(dir, 'latch.yaml'), 'version: 1\nproject: [\n');
    expect(loadTemplate(dir).ok).toBe(false);
  });
});
