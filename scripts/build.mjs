// Bundles the CLI, its quick entry (`latch run`, `latch ui`) and the broker with esbuild (fast start-up: one file, lazy command chunks),
// then builds the renderer with Vite when it exists. Usage: node scripts/build.mjs [--no-renderer]
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = ['keytar', 'node-pty', 'libsql', '@parcel/watcher', 'pg-native', 'electron'];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: false,
  legalComments: 'none',
  external,
  define: { 'process.env.LATCH_VERSION': JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies call require(); give them one in ESM output.
  banner: { js: "import { createRequire as __latchCreateRequire } from 'node:module'; const require = __latchCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};

// Only what esbuild writes: the renderer (emptied by Vite itself) survives a --no-renderer build.
for (const stale of ['dist/chunks', 'dist/cli.mjs', 'dist/quick.cjs', 'dist/broker.mjs', 'dist/scan-worker.mjs']) rmSync(stale, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { cli: 'electron/cli/bin.ts' },
  outdir: 'dist',
  splitting: true,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
});
// `latch run` and `latch ui` alone, as CommonJS: no ES module loader to start (~10 ms) first.
await build({
  ...common,
  format: 'cjs',
  entryPoints: { quick: 'electron/cli/quick-bin.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  define: { ...common.define, 'import.meta.url': '__latchModuleUrl' },
  banner: { js: "const __latchModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({
  ...common,
  entryPoints: { broker: 'electron/broker/main.ts', 'scan-worker': 'electron/broker/workspaces/scan-worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
});

if (!process.argv.includes('--no-renderer') && existsSync('vite.renderer.config.ts')) {
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
console.log('built dist/cli.mjs, dist/quick.cjs, dist/broker.mjs' + (existsSync('dist/renderer/index.html') ? ', dist/renderer/' : ''));
