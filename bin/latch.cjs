#!/usr/bin/env node
'use strict';
// The `latch` command. The real code is the bundles built by `npm run build`: dist/run.cjs
// for `latch run` (CommonJS, so no ES module loader starts before the wrapped command) and
// dist/cli.mjs for everything else.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const dist = join(__dirname, '..', 'dist');
if (!existsSync(join(dist, 'cli.mjs')) || !existsSync(join(dist, 'run.cjs'))) {
  process.stderr.write('latch: not built yet: run `npm run build` in the Latch checkout\n');
  process.exit(10);
}
if (process.argv[2] === 'run') require(join(dist, 'run.cjs')).main(process.argv.slice(3), join(dist, 'broker.mjs'));
else void import(pathToFileURL(join(dist, 'cli.mjs')).href);
