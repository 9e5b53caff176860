// npm run bench:scan — Latch's scanner vs secretlint 12 (recommend preset, @secretlint/core's
// lintSource per file, profiler marks made no-ops as RECIPES.md advises), side by side:
//  1. throughput on ~50 MB of real source text (the pinned npm packages in node_modules);
//  2. recall / decoys flagged on the planted corpus, and stray findings per 50 MB of clean text;
//  3. save-to-warning latency in a watched workspace (needs the broker: runs inside
//     scripts/with-keyring.sh); 4. peak memory of the 50 MB scan.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { lintSource } from '@secretlint/core';
import { secretLintProfiler } from '@secretlint/profiler';
import { creator as recommendPreset } from '@secretlint/secretlint-rule-preset-recommend';
import { BrokerClient } from '../../electron/cli/broker-client';
import { createScanner, type Finding } from '../../shared/scan';
import { plantCorpus } from '../corpus/plant';
import { githubToken } from '../support/github-token';

const TARGET_BYTES = Number(process.env.BENCH_SCAN_MB ?? 50) * 1024 * 1024;
const PACKAGES = ['typescript', 'react-dom', 'zod', 'yaml', 'pg', 'vite', 'rollup', 'eslint', '@typescript-eslint', 'fast-check', 'vitest', '@vitest', 'playwright-core', 'ws', 'esbuild', 'dotenv', 'ignore', 'react', '@electron-forge', '@electron', '@babel', '@types', 'undici-types', 'electron', 'lodash', 'rxjs', 'ajv', 'semver', 'tar'];
const EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.json', '.md']);

interface TextFile {
  path: string;
  content: string;
}

function realSourceTree(): TextFile[] {
  const files: TextFile[] = [];
  let bytes = 0;
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const entry of entries) {
      if (bytes >= TARGET_BYTES) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && EXTENSIONS.has(extname(entry.name)) && statSync(path).size < 2 * 1024 * 1024) {
        const content = readFileSync(path, 'utf8');
        files.push({ path, content });
        bytes += Buffer.byteLength(content);
      }
    }
  };
  for (const name of PACKAGES) walk(join('node_modules', name));
  return files;
}

const secretlintConfig = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommendPreset }] };

async function secretlintScan(file: TextFile): Promise<Array<{ start: number; end: number }>> {
  const result = await lintSource({
    source: { content: file.content, filePath: file.path, ext: extname(file.path), contentType: 'text' },
    options: { config: secretlintConfig as never, noPhysicFilePath: true },
  });
  return result.messages.map((m) => ({ start: m.range[0], end: m.range[1] }));
}

const mb = (bytes: number): number => bytes / 1024 / 1024;
const overlaps = (a: { offset: number; length: number }, start: number, end: number): boolean => start < a.offset + a.length && a.offset < end;
const quantile = (values: number[], q: number): number => [...values].sort((x, y) => x - y)[Math.min(values.length - 1, Math.floor(q * values.length))] as number;


async function latency(): Promise<Array<{ size: string; p50: number; p95: number; n: number }> | null> {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return null;
  const home = mkdtempSync(join(tmpdir(), 'latch-bench-scan-'));
  const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_STATE_HOME: join(home, 'state'), XDG_RUNTIME_DIR: join(home, 'run') };
  mkdirSync(env.XDG_RUNTIME_DIR, { mode: 0o700 });
  const workspace = join(home, 'ws');
  mkdirSync(workspace);
  const latch = (args: string[]) => spawnSync(process.execPath, ['bin/latch.cjs', ...args], { env, encoding: 'utf8' });
  try {
    latch(['workspace', 'add', workspace]);
    const client = await BrokerClient.connect(join(env.XDG_RUNTIME_DIR, 'latch', 'broker.sock'), 'bench');
    const seen = new Map<string, number>();
    client.onEvent((frame) => {
      if (frame.event === 'finding.opened') seen.set(String((frame.payload as { file: string }).file), performance.now());
    });
    const filler = 'const value = compute(input, options); // ordinary source line\n';
    const results = [];
    for (const [size, bytes] of [['1 KB', 1024], ['50 KB', 50 * 1024], ['1 MB', 1024 * 1024]] as const) {
      const samples: number[] = [];
      for (let i = 0; i < 25; i++) {
        const name = `f-${size.replace(' ', '')}-${i}.ts`;
        const text = filler.repeat(Math.ceil(bytes / filler.length)).slice(0, bytes - 80) + `\nconst token = '${githubToken()}';\n`;
        const start = performance.now();
        writeFileSync(join(workspace, name), text);
        const until = Date.now() + 5000;
        while (!seen.has(name) && Date.now() < until) await new Promise((r) => setTimeout(r, 1));
        if (seen.has(name)) samples.push((seen.get(name) as number) - start);
      }
      results.push({ size, p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), n: samples.length });
    }
    client.close();
    return results;
  } finally {
    latch(['daemon', 'stop']);
    rmSync(home, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  (secretLintProfiler as { mark: (marker: unknown) => void }).mark = () => undefined;
  const tree = realSourceTree();
  const treeBytes = tree.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0);
  const scanner = createScanner();
  for (const f of tree.slice(0, 200)) scanner.scan(f.content, f.path);
  let latchFindings = 0;
  const latchStart = performance.now();
  const strays: string[] = [];
  for (const f of tree) {
    for (const x of scanner.scan(f.content, f.path)) {
      if (x.secretKind === 'stub') continue;
      latchFindings++;
      strays.push(`${f.path}:${x.line} ${x.ruleId}`);
    }
  }
  const latchMs = performance.now() - latchStart;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  let secretlintFindings = 0;
  const slStart = performance.now();
  for (const f of tree) secretlintFindings += (await secretlintScan(f)).length;
  const slMs = performance.now() - slStart;

  const corpus = plantCorpus({ seed: 20261126 });
  let latchFound = 0;
  let latchDecoys = 0;
  let slFound = 0;
  let slDecoys = 0;
  for (const file of corpus.files) {
    const planted = corpus.secrets.filter((s) => s.path === file.path);
    const decoys = corpus.decoys.filter((d) => d.path === file.path);
    const ours: Finding[] = scanner.scan(file.content, file.path);
    const theirs = await secretlintScan({ path: file.path, content: file.content });
    latchFound += planted.filter((s) => ours.some((f) => overlaps(s, f.offset, f.offset + f.length))).length;
    latchDecoys += decoys.filter((d) => ours.some((f) => overlaps(d, f.offset, f.offset + f.length))).length;
    slFound += planted.filter((s) => theirs.some((m) => overlaps(s, m.start, m.end))).length;
    slDecoys += decoys.filter((d) => theirs.some((m) => overlaps(d, m.start, m.end))).length;
  }
  const lat = await latency();

  const ours = mb(treeBytes) / (latchMs / 1000);
  const theirs = mb(treeBytes) / (slMs / 1000);
  const per50 = (n: number) => ((n * 50) / mb(treeBytes)).toFixed(1);
  const row = (a: string, b: string, c: string, d: string) => `${a.padEnd(46)}${b.padStart(16)}${c.padStart(16)}${d.padStart(28)}`;
  console.log(`\nbench:scan — ${tree.length} files, ${mb(treeBytes).toFixed(1)} MB of pinned npm sources; planted corpus ${corpus.secrets.length} secrets / ${corpus.decoys.length} decoys; node ${process.version}; ${new Date().toISOString()}\n`);
  console.log(row('', 'latch', 'secretlint 12', 'target'));
  console.log(row('throughput, single thread', `${ours.toFixed(0)} MB/s`, `${theirs.toFixed(1)} MB/s`, `≥ 100 MB/s, ≥ 5×: ${(ours / theirs).toFixed(1)}× ${ours >= 100 && ours / theirs >= 5 ? 'MET' : 'MISSED'}`));
  console.log(row('recall on the planted corpus', (latchFound / corpus.secrets.length).toFixed(3), (slFound / corpus.secrets.length).toFixed(3), `≥ 0.97 ${latchFound / corpus.secrets.length >= 0.97 ? 'MET' : 'MISSED'}`));
  console.log(row('decoys flagged', String(latchDecoys), String(slDecoys), `0 ${latchDecoys === 0 ? 'MET' : 'MISSED'}`));
  console.log(row('findings per 50 MB of clean text', per50(latchFindings), per50(secretlintFindings), `≤ 1 ${Number(per50(latchFindings)) <= 1 ? 'MET' : 'MISSED'}`));
  console.log(row('peak RSS of the 50 MB scan', `${peakRssMb.toFixed(0)} MB`, '', `< 300 MB ${peakRssMb < 300 ? 'MET' : 'MISSED'}`));
  console.log(`\nlatch findings in the real tree (read them: a real leak in a package is not a stray):\n  ${strays.join('\n  ') || 'none'}`);
  if (lat) for (const l of lat) console.log(row(`save-to-warning ${l.size} (p50 / p95, n=${l.n})`, `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)} ms`, '', l.size === '1 MB' ? `p95 ≤ 50 ms ${l.p95 <= 50 ? 'MET' : 'MISSED'}` : ''));
  else console.log('save-to-warning latency: skipped (run through `npm run bench:scan`, which starts a keyring session)');
}

await main();
