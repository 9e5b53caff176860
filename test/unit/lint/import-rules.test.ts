import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's import rules are enforced by eslint.config.js; these cases prove it.
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint: import rules', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';", 'shared/scan/x.ts', 'shared/ is pure'],
    ["import { randomBytes } from 'crypto';", 'shared/stubs/x.ts', 'shared/ is pure'],
    ["import { app } from 'electron';", 'shared/contract/x.ts', 'shared/ is pure'],
    ["import { startBroker } from '../../electron/broker/broker';", 'shared/contract/x.ts', 'shared/ imports only shared/'],
    ["import { useState } from 'react';", 'shared/redact/x.ts', 'shared/ is pure'],
    ["import { app } from 'electron';", 'electron/broker/x.ts', 'Only electron/main and electron/preload may import electron'],
    ["import { app } from 'electron';", 'electron/cli/x.ts', 'Only electron/main and electron/preload may import electron'],
    ["import { readFileSync } from 'node:fs';", 'renderer/features/x.tsx', 'renderer/ runs in a sandboxed page'],
    ["import { startBroker } from '../../electron/broker/broker';", 'renderer/features/x.tsx', 'renderer/ imports shared/ only'],
    ['export default 1;', 'shared/contract/x.ts', 'Use named exports'],
    ['export const x: any = 1;', 'electron/broker/x.ts', 'no-explicit-any'],
  ])('refuses %s in %s', async (code, file, expected) => {
    expect((await problems(code, file)).join('\n')).toContain(expected);
  });

  it.each([
    ["import { app } from 'electron';\nexport const a = app;", 'electron/main/x.ts'],
    ["import { contextBridge } from 'electron';\nexport const c = contextBridge;", 'electron/preload/x.ts'],
    ["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", 'electron/broker/x.ts'],
    ["import { ok } from '../contract/result';\nexport const o = ok;", 'shared/scan/x.ts'],
    ["import { ok } from '../../shared/contract/result';\nexport const o = ok;", 'renderer/features/x.tsx'],
  ])('allows %s in %s', async (code, file) => {
    expect(await problems(code, file)).toEqual([]);
  });
});
