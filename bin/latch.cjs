#!/usr/bin/env node
'use strict';
// The `latch` command. The real code is the bundles built by `npm run build`: dist/quick.cjs
// for `latch run` and `latch ui` (CommonJS, so no ES module loader starts before the wrapped
// command or the browser), dist/cli.mjs for everything else.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const dist = join(__dirname, '..', 'dist');
if (!existsSync(join(dist, 'cli.mjs')) || !existsSync(join(dist, 'quick.cjs'))) {
  process.stderr.write('latch: not built yet: run `npm run build` in the Latch checkout\n');
  process.exit(10);
}
const command = process.argv[2];
if (command === 'run' || command === 'ui') require(join(dist, 'quick.cjs')).main(command, process.argv.slice(3), join(dist, 'broker.mjs'));
else void import(pathToFileURL(join(dist, 'cli.mjs')).href);
