// npm run bench:vault — token read latency through the broker vs keytar directly, and the
// whole `latch token show` process vs a bare `node -e 0`. Runs inside scripts/with-keyring.sh
// (a real Secret Service). Prints figures side by side; not a timed test.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const keytar = require('keytar');
const root = resolve(import.meta.dirname, '../..');
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const PROCESS_RUNS = Number(process.env.BENCH_PROCESS_RUNS ?? 25);

const home = mkdtempSync(join(tmpdir(), 'latch-bench-'));
const env = {
  ...process.env,
  HOME: home,
  XDG_DATA_HOME: join(home, 'data'),
  XDG_STATE_HOME: join(home, 'state'),
  XDG_RUNTIME_DIR: join(home, 'run'),
};
spawnSync('mkdir', ['-p', '-m', '700', env.XDG_RUNTIME_DIR]);
const socketPath = join(env.XDG_RUNTIME_DIR, 'latch', 'broker.sock');

function quantile(samples, q) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function connect() {
  return new Promise((resolvePromise, reject) => {
    const socket = createConnection(socketPath);
    let buffered = '';
    const waiting = new Map();
    let id = 0;
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      buffered += chunk;
      let nl;
      while ((nl = buffered.indexOf('\n')) !== -1) {
        const frame = JSON.parse(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
        if (frame.type === 'response') waiting.get(frame.id)?.(frame.result);
      }
    });
    socket.once('error', reject);
    socket.once('connect', () =>
      resolvePromise({
        call(method, params) {
          return new Promise((done) => {
            const n = ++id;
            waiting.set(n, done);
            socket.write(JSON.stringify({ type: 'request', id: n, method, params }) + '\n');
          });
        },
        close: () => socket.end(),
      }),
    );
  });
}

function time(fn) {
  const start = process.hrtime.bigint();
  return Promise.resolve(fn()).then(() => Number(process.hrtime.bigint() - start) / 1e6);
}

function runProcess(args) {
  return new Promise((resolvePromise) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
    child.on('close', (code) => resolvePromise({ ms: Number(process.hrtime.bigint() - start) / 1e6, code }));
  });
}

const row = (label, a, b, target) =>
  `${label.padEnd(44)} ${a.padStart(12)} ${b.padStart(12)} ${target.padStart(22)}`;

try {
  const broker = spawn(process.execPath, [join(root, 'dist', 'broker.mjs')], { env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise((r) => broker.once('message', r));
  const client = await connect();
  const value = 'bench-value-' + Math.random().toString(36).slice(2);
  const added = await client.call('token.add', { name: 'bench', value });
  if (!added.ok) throw new Error(`token.add failed: ${added.error.code}`);
  const account = added.value.id;

  // Warm both paths.
  for (let i = 0; i < 20; i++) {
    await client.call('token.reveal', { name: 'bench' });
    await keytar.getPassword('latch', account);
  }
  const viaBroker = [];
  const direct = [];
  for (let i = 0; i < ITERATIONS; i++) {
    viaBroker.push(await time(() => client.call('token.reveal', { name: 'bench' })));
    direct.push(await time(() => keytar.getPassword('latch', account)));
  }
  client.close();

  const bare = [];
  const cli = [];
  for (let i = 0; i < PROCESS_RUNS; i++) {
    bare.push((await runProcess(['-e', '0'])).ms);
    const run = await runProcess([join(root, 'bin', 'latch.cjs'), 'token', 'show', 'bench']);
    if (run.code !== 0) throw new Error(`latch token show exited ${run.code}`);
    cli.push(run.ms);
  }
  broker.kill('SIGTERM');

  const b50 = quantile(viaBroker, 0.5);
  const d50 = quantile(direct, 0.5);
  const c50 = quantile(cli, 0.5);
  const n50 = quantile(bare, 0.5);
  console.log(`\nbench:vault — ${ITERATIONS} reads, ${PROCESS_RUNS} process runs, node ${process.version}, ${new Date().toISOString()}\n`);
  console.log(row('', 'latch', 'baseline', 'target'));
  console.log(row('token read, median (broker socket | keytar)', `${b50.toFixed(2)} ms`, `${d50.toFixed(2)} ms`, 'overhead < 2 ms'));
  console.log(row('token read, p95', `${quantile(viaBroker, 0.95).toFixed(2)} ms`, `${quantile(direct, 0.95).toFixed(2)} ms`, ''));
  console.log(row('  broker overhead (median difference)', `${(b50 - d50).toFixed(2)} ms`, '', (b50 - d50 < 2 ? 'MET' : 'MISSED')));
  console.log(row('process, median (latch token show | node -e 0)', `${c50.toFixed(1)} ms`, `${n50.toFixed(1)} ms`, 'adds < 50 ms'));
  console.log(row('process, p95', `${quantile(cli, 0.95).toFixed(1)} ms`, `${quantile(bare, 0.95).toFixed(1)} ms`, ''));
  console.log(row('  CLI cost above node start (median)', `${(c50 - n50).toFixed(1)} ms`, '', c50 - n50 < 50 ? 'MET' : 'MISSED'));
} finally {
  rmSync(home, { recursive: true, force: true });
}
