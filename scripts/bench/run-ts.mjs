// Runs a TypeScript benchmark entry: bundles it with esbuild (as the app is built) and runs it.
//   node scripts/bench/run-ts.mjs test/bench/NAME.bench.ts [args…]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/bench/run-ts.mjs ENTRY.ts [args…]');
  process.exit(2);
}
// Inside the checkout, so externals resolve from its node_modules.
mkdirSync(join('node_modules', '.cache'), { recursive: true });
const dir = mkdtempSync(join('node_modules', '.cache', 'latch-bench-'));
const outfile = join(dir, basename(entry).replace(/\.ts$/, '.mjs'));
try {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile,
    external: ['keytar', 'node-pty', 'libsql', '@parcel/watcher', 'pg-native', '@secretlint/*', 'secretlint'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  const result = spawnSync(process.execPath, ['--expose-gc', outfile, ...args], { stdio: 'inherit', cwd: process.cwd() });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
