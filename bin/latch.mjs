#!/usr/bin/env node
// The `latch` command. The real code is the bundle built by `npm run build`.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('latch: not built yet: run `npm run build` in the Latch checkout\n');
  process.exit(10);
}
await import(bundle.href);
