// shared/scan must stay pure and isomorphic: no node: imports, no DOM, no packages, no
// default exports, relative imports without file extensions.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../../shared/scan');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('shared/scan purity', () => {
  const files = sources(ROOT);

  it('imports only relative modules without extensions, never node:, electron or packages', () => {
    const offending: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)) {
        const spec = match[1] as string;
        if (!spec.startsWith('.') || /\.(ts|js|mjs)$/.test(spec)) offending.push(`${file}: ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('has no default exports and no Buffer / process / window use', () => {
    const offending = files.filter((file) => /export default|\bBuffer\.|\bprocess\.env\b(?!')|\bwindow\./.test(readFileSync(file, 'utf8').replace(/'[^'\n]*'/g, "''")));
    expect(offending).toEqual([]);
  });
});
