// npm run bench:shells — runs inside scripts/with-keyring.sh (a real Secret Service):
//  1. the whole `latch run -- true` process with 20 secrets (10 from the keychain) vs `node -e 0`
//     (pairs run back to back; the median of their differences);
//  2. output throughput of `latch run -- cat BIGFILE` masking 50 values vs `cat BIGFILE | cat`
//     (both into a file; best of 3), and of the masked stream alone;
//  3. 50 concurrent shells: broker RSS and CPU while idle.
// Prints figures side by side; not a timed test.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';

const root = resolve(import.meta.dirname, '../..');
const LATCH = join(root, 'bin', 'latch.cjs');
const RUNS = Number(process.env.BENCH_PROCESS_RUNS ?? 30);
const BIG_MB = Number(process.env.BENCH_BIG_MB ?? 200);

const home = mkdtempSync(join(tmpdir(), 'latch-bench-shells-'));
const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_STATE_HOME: join(home, 'state'), XDG_RUNTIME_DIR: join(home, 'run'), LATCH_SHELL: 'bash --noprofile --norc -i' };
mkdirSync(env.XDG_RUNTIME_DIR, { mode: 0o700 });
const latch = (args, input) => spawnSync(process.execPath, [LATCH, ...args], { env, input, encoding: 'utf8' });

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeProcess(cmd, args, options = {}) {
  return new Promise((done) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, stdio: ['ignore', options.stdout ?? 'ignore', 'inherit'], shell: options.shell ?? false });
    child.on('close', (code) => done({ ms: Number(process.hrtime.bigint() - start) / 1e6, code }));
  });
}

async function sequence(n, step) {
  const results = [];
  for (let i = 0; i < n; i++) results.push(await step());
  return results;
}

function project(name, secrets) {
  const dir = join(home, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'latch.yaml'), `version: 1\nproject: ${name}\ndefaults: { ttl: 1h, maxTtl: 8h }\nsecrets:\n${secrets.join('\n')}\n`);
  return dir;
}

const row = (a, b, c, d) => `${a.padEnd(52)}${b.padStart(14)}${c.padStart(14)}${d.padStart(22)}`;

try {
  // 20 secrets: 10 personal tokens from the keychain, 10 stubs.
  const twenty = [];
  for (let i = 0; i < 10; i++) {
    if (latch(['token', 'add', `bench-${i}`], `bench-token-value-${i}-${Math.random().toString(36).slice(2)}`).status !== 0) throw new Error('token add failed');
    twenty.push(`  TOKEN_${i}: { class: personal, token: bench-${i} }`);
    twenty.push(`  STUB_${i}: { class: stub, shape: github-pat }`);
  }
  const p20 = project('bench-twenty', twenty);
  const fifty = Array.from({ length: 50 }, (_, i) => `  MASKED_${i}: { class: stub, shape: ${i % 2 ? 'stripe-secret-key' : 'github-pat'} }`);
  const p50 = project('bench-fifty', fifty);

  // 1. Process cost. Each `latch run` is paired with a `node -e 0` run just before it, and the
  // figure is the median of the pairs' differences: a slow spell of the machine (other VMs on
  // the host) slows both sides of a pair instead of skewing one side's median.
  const pair = async (before = () => undefined) => {
    const bareMs = (await timeProcess(process.execPath, ['-e', '0'])).ms;
    before();
    const r = await timeProcess(process.execPath, [LATCH, 'run', '--project', p20, '--', 'true']);
    if (r.code !== 0) throw new Error(`latch run exited ${r.code}`);
    return { bare: bareMs, latch: r.ms, over: r.ms - bareMs };
  };
  await pair();
  const warm = await sequence(RUNS, () => pair());
  // The same after `latch lock` each time (untimed): the broker reads the 10 tokens from the
  // keychain again instead of its cache (cold).
  const cold = await sequence(Math.min(RUNS, 10), () =>
    pair(() => {
      if (latch(['lock']).status !== 0) throw new Error('latch lock failed');
    }),
  );

  // 2. Throughput with masking of 50 values (the file contains some of them, too).
  const big = join(home, 'big.txt');
  const value0 = parseDotenv(latch(['env', '--project', p50]).stdout).MASKED_0;
  const line = 'INFO 2026-11-26T07:00:00Z request served path=/api/v1/orders status=200 duration=12ms user=42 region=eu-west-1\n';
  const block = Buffer.from(line.repeat(Math.ceil((1024 * 1024) / line.length)) + `token=${value0}\n`);
  writeFileSync(big, '');
  for (let i = 0; i < BIG_MB; i++) writeFileSync(big, block, { flag: 'a' });
  const size = BIG_MB * block.length;
  // Both write into a file on the same disk; best of 3 each (the page cache is warm for both).
  const best = async (command) => Math.min(...(await sequence(3, () => timeProcess('sh', ['-c', command]))).map((r) => r.ms));
  const plain = { ms: await best(`cat ${big} | cat > ${join(home, 'plain.out')}`) };
  const masked = { ms: await best(`node ${LATCH} run --project ${p50} -- cat ${big} > ${join(home, 'masked.out')}`) };
  rmSync(join(home, 'plain.out'));
  const maskedOut = readFileSync(join(home, 'masked.out'));
  const leaked = maskedOut.includes(Buffer.from(value0));
  const concealed = maskedOut.toString('latin1').split('<concealed:MASKED_0>').length - 1;
  rmSync(join(home, 'masked.out'));
  const mbps = (ms) => size / 1024 / 1024 / (ms / 1000);

  // 3. 50 concurrent shells, idle.
  latch(['daemon', 'start']);
  const status = JSON.parse(latch(['status', '--json']).stdout);
  const socket = createConnection(status.socketPath);
  await new Promise((r) => socket.once('connect', r));
  let id = 0;
  let buffered = '';
  const waiting = new Map();
  socket.setEncoding('utf8').on('data', (chunk) => {
    buffered += chunk;
    let nl;
    while ((nl = buffered.indexOf('\n')) !== -1) {
      const frame = JSON.parse(buffered.slice(0, nl));
      buffered = buffered.slice(nl + 1);
      if (frame.type === 'response') waiting.get(frame.id)?.(frame.result);
    }
  });
  const call = (method, params) => new Promise((done) => { const n = ++id; waiting.set(n, done); socket.write(JSON.stringify({ type: 'request', id: n, method, params }) + '\n'); });
  const rssBefore = Number(readFileSync(`/proc/${status.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
  const opened = [];
  for (let i = 0; i < 50; i++) {
    const r = await call('shell.open', { project: p20, cols: 100, rows: 30 });
    if (!r.ok) throw new Error(`shell.open: ${r.error.message}`);
    opened.push(r.value.id);
  }
  await new Promise((r) => setTimeout(r, 3000));
  const cpu = () => readFileSync(`/proc/${status.pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0);
  const cpu0 = cpu();
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, 10_000));
  const cpuPct = ((cpu() - cpu0) / 100 / ((Date.now() - t0) / 1000)) * 100;
  const rss = Number(readFileSync(`/proc/${status.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
  for (const shell of opened) await call('shell.close', { shell });
  socket.end();
  latch(['daemon', 'stop']);

  const over = median(warm.map((p) => p.over));
  const coldOver = median(cold.map((p) => p.over));
  const runs = warm.map((p) => p.latch);
  const cost = 1 - mbps(masked.ms) / mbps(plain.ms);
  // The masked stream alone: the whole run less what `latch run -- true` takes (start-up, lease).
  const streamMbps = mbps(masked.ms - median(runs));
  console.log(`\nbench:shells — node ${process.version}, ${RUNS} runs, ${BIG_MB} MiB file, ${new Date().toISOString()}\n`);
  console.log(row('', 'latch', 'baseline', 'target'));
  console.log(row('`latch run -- true`, 20 secrets (10 keychain) | node -e 0', `${median(runs).toFixed(0)} ms`, `${median(warm.map((p) => p.bare)).toFixed(0)} ms`, `< +50 ms: +${over.toFixed(0)} ${over < 50 ? 'MET' : 'MISSED'}`));
  console.log(row('  the same after `latch lock` (tokens read from keychain)', `${median(cold.map((p) => p.latch)).toFixed(0)} ms`, `${median(cold.map((p) => p.bare)).toFixed(0)} ms`, `+${coldOver.toFixed(0)}`));
  console.log(row('  (+N: median of the differences within pairs)', '', '', ''));
  console.log(row('`latch run -- cat BIG` masking 50 values | cat | cat', `${mbps(masked.ms).toFixed(0)} MB/s`, `${mbps(plain.ms).toFixed(0)} MB/s`, `≥ 200 MB/s: ${mbps(masked.ms) >= 200 ? 'MET' : 'MISSED'}`));
  console.log(row('  throughput lost to latch (vs the plain pipe)', `${(cost * 100).toFixed(0)} %`, '', `< 25%: ${cost < 0.25 ? 'MET' : 'MISSED'}`));
  console.log(row('  masked stream alone (less `latch run -- true`)', `${streamMbps.toFixed(0)} MB/s`, '', ''));
  console.log(row('  values in BIG masked / leaked', `${concealed}/${BIG_MB}`, leaked ? 'LEAKED' : 'none', ''));
  console.log(row('50 idle shells: broker RSS (before: ' + rssBefore.toFixed(0) + ' MB)', `${rss.toFixed(0)} MB`, '', `< 150 MB: ${rss < 150 ? 'MET' : 'MISSED'}`));
  console.log(row('50 idle shells: broker CPU over 10 s', `${cpuPct.toFixed(1)} %`, '', `~0%: ${cpuPct < 1 ? 'MET' : 'MISSED'}`));
} finally {
  latch(['daemon', 'stop']);
  rmSync(home, { recursive: true, force: true });
}
