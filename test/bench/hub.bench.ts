// npm run bench:hub — the team hub on PostgreSQL (inside scripts/with-postgres.sh), measured
// against its targets:
//  1. request → notification: a member creates a request; an approver's WebSocket receives
//     request.changed (p50/p95, target < 300 ms on loopback);
//  2. approval → credential: an approver approves (the hub mints a real PostgreSQL role); the
//     requester receives the event, fetches the sealed credential and unseals it (p50/p95,
//     target < 300 ms);
//  3. throughput of signed calls with 10,000 members (seeded straight into the database):
//     `latch hub serve` runs as its own process (ONE instance, TLS on), driven by client child
//     processes with many keep-alive connections, every call signed with a fresh nonce by one
//     of the 10,000 members. Two loads: GET /v1/requests?scope=mine&limit=1 only, and 90 % that
//     GET + 10 % POST /v1/requests (target ≥ 2,000/s on 2 cores);
//  4. the hub process's RSS under that load.
// Client, hub and PostgreSQL share the machine's cores; the CPU each used is printed too.
//   BENCH_HUB_SECONDS (default 15) per load, BENCH_HUB_CLIENTS (2) processes,
//   BENCH_HUB_CONCURRENCY (48) calls in flight per process, BENCH_HUB_MEMBERS (10000),
//   BENCH_HUB_PROFILE=DIR writes a CPU profile of the hub process there, BENCH_HUB_INSECURE=1
//   serves plain HTTP instead of TLS.

import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { HubClient } from '../../electron/hub/client/hub-client';
import { generateSealingKeyPair, openSealedValues } from '../../electron/hub/crypto/seal';
import { generateSigningKeyPair, keyIdOf, sha256Hex, signRequest } from '../../electron/hub/crypto/signing';
import type { HubEvent } from '../../electron/hub/service-types';

const SECONDS = Number(process.env.BENCH_HUB_SECONDS ?? 15);
const CLIENTS = Number(process.env.BENCH_HUB_CLIENTS ?? 2);
const CONCURRENCY = Number(process.env.BENCH_HUB_CONCURRENCY ?? 48);
const MEMBERS = Number(process.env.BENCH_HUB_MEMBERS ?? 10_000);
/** Plain HTTP (`latch hub serve --insecure-http`) to see what TLS costs. */
const INSECURE = process.env.BENCH_HUB_INSECURE === '1';
const LATENCY_ROUNDS = 200;
const CREDENTIAL_ROUNDS = 100;
const LATCH_BIN = join(process.cwd(), 'bin', 'latch.cjs');

interface WorkerKey {
  privateKeyPem: string;
}

interface WorkerResult {
  ok: number;
  errors: Record<string, number>;
  latenciesMs: number[];
  cpuMs: number;
}

// ---------------------------------------------------------------- client worker (child process)

async function runWorker(): Promise<void> {
  const [url, caFile, keysFile, indexText, countText, mode, secondsText, concurrencyText, warm] = process.argv.slice(3);
  const ca = readFileSync(caFile as string, 'utf8');
  const all = JSON.parse(readFileSync(keysFile as string, 'utf8')) as WorkerKey[];
  const index = Number(indexText);
  const count = Number(countText);
  const keys = all.filter((_, i) => i % count === index);
  const concurrency = Number(concurrencyText);
  const base = new URL(url as string);
  const secure = base.protocol === 'https:';
  const agent = secure ? new HttpsAgent({ keepAlive: true, maxSockets: concurrency, ca }) : new HttpAgent({ keepAlive: true, maxSockets: concurrency });
  const request = secure ? httpsRequest : httpRequest;
  const result: WorkerResult = { ok: 0, errors: {}, latenciesMs: [], cpuMs: 0 };
  let next = 0;

  function call(key: WorkerKey, post: boolean): Promise<number> {
    const path = post ? '/v1/requests' : mode === 'me' ? '/v1/me' : '/v1/requests?scope=mine&limit=1';
    const body = post ? Buffer.from(JSON.stringify({ resource: 'bench-db', durationSeconds: 600, reason: 'bench' })) : Buffer.alloc(0);
    const proof = signRequest(key.privateKeyPem, { method: post ? 'POST' : 'GET', path, timestampMs: Date.now(), nonce: randomBytes(18).toString('base64url'), bodySha256: sha256Hex(body) });
    const headers: Record<string, string> = { 'Latch-Key': proof.keyId, 'Latch-Timestamp': String(proof.timestampMs), 'Latch-Nonce': proof.nonce, 'Latch-Signature': proof.signature };
    if (post) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(body.length);
    }
    return new Promise((resolve) => {
      const req = request({ host: base.hostname, port: base.port, path, method: post ? 'POST' : 'GET', headers, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(-1));
      req.end(body);
    });
  }

  async function loop(deadline: number): Promise<void> {
    while (Date.now() < deadline) {
      const key = keys[next++ % keys.length] as WorkerKey;
      const post = mode === 'mixed' && next % 10 === 0;
      const started = performance.now();
      const status = await call(key, post);
      if (status === 200 || status === 201) {
        result.ok++;
        if (result.latenciesMs.length < 50_000) result.latenciesMs.push(performance.now() - started);
      } else {
        result.errors[String(status)] = (result.errors[String(status)] ?? 0) + 1;
      }
    }
  }

  // Uncounted warm-up: parse every private key once (a real client holds its one key ready),
  // and — first load only — one call per member, so the hub's member and key caches are in
  // the steady state of a long-running hub (10,000 members fit its caches).
  for (const key of keys) signRequest(key.privateKeyPem, { method: 'GET', path: '/', timestampMs: 0, nonce: 'warm', bodySha256: '' });
  const warmCalls = warm === 'warm' ? keys.length : concurrency;
  let warmed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (warmed < warmCalls) await call(keys[warmed++ % keys.length] as WorkerKey, false);
    }),
  );
  result.ok = 0;
  result.errors = {};
  result.latenciesMs = [];
  const cpuBefore = process.cpuUsage();
  process.send?.('ready');
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  const deadline = Date.now() + Number(secondsText) * 1000;
  await Promise.all(Array.from({ length: concurrency }, () => loop(deadline)));
  const cpu = process.cpuUsage(cpuBefore);
  result.cpuMs = (cpu.user + cpu.system) / 1000;
  agent.destroy();
  process.send?.(result);
}

// ---------------------------------------------------------------- helpers

function pgEnv(): { host: string; port: number; user: string; password: string } {
  const need = ['LATCH_TEST_PG_HOST', 'LATCH_TEST_PG_PORT', 'LATCH_TEST_PG_ADMIN_USER', 'LATCH_TEST_PG_ADMIN_PASSWORD'];
  for (const name of need) if (!process.env[name]) throw new Error(`${name} not set: run inside scripts/with-postgres.sh (npm run bench:hub does)`);
  return { host: process.env.LATCH_TEST_PG_HOST as string, port: Number(process.env.LATCH_TEST_PG_PORT), user: process.env.LATCH_TEST_PG_ADMIN_USER as string, password: process.env.LATCH_TEST_PG_ADMIN_PASSWORD as string };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))] as number;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [LATCH_BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

function rssMbOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** CPU time the whole machine spent busy (all processes), from /proc/stat. */
function machineBusyMs(): number {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  const total = fields.reduce((a, b) => a + b, 0);
  return ((total - idle) * 1000) / 100;
}

/** CPU time of every PostgreSQL process (the cluster runs on this machine). */
function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuMsOf(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a';
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const server = pgEnv();
  const database = `hub_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const databaseUrl = `postgres://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/${database}`;
  const work = mkdtempSync(join(tmpdir(), 'latch-hub-bench-'));
  const dir = join(work, 'hub');
  let hub: ChildProcess | null = null;
  const env = { LATCH_HUB_BENCH_PROD_PASSWORD: server.password };
  try {
    // --- a hub folder made by `latch hub init`, a policy with one postgres resource.
    const port = await freePort();
    const init = await run(['hub', 'init', '--dir', dir, '--port', String(port), '--database-url', databaseUrl], env);
    if (init.code !== 0) throw new Error(`latch hub init failed: ${init.stderr}`);
    const yamlFile = join(dir, 'hub.yaml');
    writeFileSync(
      yamlFile,
      readFileSync(yamlFile, 'utf8')
        .replace('host: 0.0.0.0', 'host: 127.0.0.1')
        .replace(/public_url: .*/, `public_url: ${INSECURE ? 'http' : 'https'}://127.0.0.1:${port}`)
        .replace('servers: {}', `servers:\n  prod:\n    host: ${server.host}\n    port: ${server.port}\n    database: app\n    admin_user: ${server.user}\n    admin_password_env: LATCH_HUB_BENCH_PROD_PASSWORD`),
    );
    writeFileSync(
      join(dir, 'hub-policy.yaml'),
      'version: 1\nresources:\n  bench-db:\n    provider:\n      type: postgres\n      server: prod\n      grants: [SELECT ON ALL TABLES IN SCHEMA public]\n    requesters: [dev]\n    approvers: [sre]\n    approvals: 1\n    max_duration: 1h\n    reason_required: false\n    request_timeout: 1h\n',
    );

    // --- the hub: one `latch hub serve` process (TLS), its log to a file.
    const logFile = join(work, 'hub.log');
    // The hub's JSON log lines go straight to a file (as under systemd or docker), not through this process.
    const logFd = openSync(logFile, 'a', 0o600);
    const url = await new Promise<string>((resolve, reject) => {
      const profile = process.env.BENCH_HUB_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_HUB_PROFILE] : [];
      const child = spawn(process.execPath, [...profile, LATCH_BIN, 'hub', 'serve', '--dir', dir, ...(INSECURE ? ['--insecure-http'] : [])], { env: { ...process.env, ...env }, stdio: ['ignore', logFd, 'pipe'] });
      hub = child;
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => {
        stderr += d.toString();
        const match = /serving (\S+)/.exec(stderr);
        if (match) resolve(match[1] as string);
      });
      child.on('exit', (code) => reject(new Error(`latch hub serve exited ${code}: ${stderr}`)));
    });
    closeSync(logFd);
    const hubPid = (hub as unknown as ChildProcess).pid as number;

    // --- 10,000 members straight into the database (group dev), plus two who join by invite.
    const seedStarted = performance.now();
    const keys: WorkerKey[] = [];
    const rows = { id: [] as string[], name: [] as string[], signing: [] as string[], sealing: [] as string[], keyId: [] as string[] };
    const sealingPublic = generateKeyPairSync('x25519').publicKey.export({ format: 'jwk' }).x as string;
    for (let i = 0; i < MEMBERS; i++) {
      const pair = generateSigningKeyPair();
      keys.push({ privateKeyPem: pair.privateKeyPem });
      rows.id.push(randomUUID());
      rows.name.push(`member ${i}`);
      rows.signing.push(pair.publicKey);
      rows.sealing.push(sealingPublic);
      rows.keyId.push(keyIdOf(pair.publicKey));
    }
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    await pool.query(
      `INSERT INTO members (id, name, groups, signing_key, sealing_key, key_id, joined_at)
       SELECT id, name, ARRAY['dev'], s, x, k, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, name, s, x, k)`,
      [rows.id, rows.name, rows.signing, rows.sealing, rows.keyId],
    );
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const keysFile = join(work, 'member-keys.json');
    writeFileSync(keysFile, JSON.stringify(keys), { mode: 0o600 });
    const caFile = join(dir, 'ca.pem');

    async function member(name: string, groups: string): Promise<{ client: HubClient; sealingPem: string }> {
      const invite = await run(['hub', 'invite', name, '--groups', groups, '--dir', dir], env);
      if (invite.code !== 0) throw new Error(`latch hub invite failed: ${invite.stderr}`);
      const signing = generateSigningKeyPair();
      const sealing = generateSealingKeyPair();
      const joined = await HubClient.join({ invite: invite.stdout.trim(), signingKey: signing, sealingKey: sealing.publicKey });
      return { client: new HubClient({ url, caCertPem: joined.caCertPem, signingKey: signing }), sealingPem: sealing.privateKeyPem };
    }
    const requester = await member('Rita Requester', 'dev');
    const approver = await member('Alex Approver', 'sre');

    // --- 1. request → notification
    const seenByApprover = new Map<string, number>();
    const seenByRequester = new Map<string, { state: string; at: number }[]>();
    const waiters = new Set<() => void>();
    const wake = (): void => {
      for (const w of waiters) w();
    };
    const until = async (check: () => boolean, timeoutMs = 10_000): Promise<void> => {
      const deadline = Date.now() + timeoutMs;
      while (!check()) {
        if (Date.now() > deadline) throw new Error('timed out waiting for an event');
        await new Promise<void>((resolve) => {
          const w = (): void => {
            waiters.delete(w);
            resolve();
          };
          waiters.add(w);
          setTimeout(w, 50);
        });
      }
    };
    let approverReady = false;
    let requesterReady = false;
    const stopApprover = approver.client.subscribe((event: HubEvent) => {
      if (event.type === 'hello') approverReady = true;
      else if (!seenByApprover.has(event.request.id)) seenByApprover.set(event.request.id, performance.now());
      wake();
    });
    let onActive: ((id: string) => void) | null = null;
    const stopRequester = requester.client.subscribe((event: HubEvent) => {
      if (event.type === 'hello') requesterReady = true;
      else {
        const list = seenByRequester.get(event.request.id) ?? [];
        list.push({ state: event.request.state, at: performance.now() });
        seenByRequester.set(event.request.id, list);
        if (event.request.state === 'active') onActive?.(event.request.id);
      }
      wake();
    });
    await until(() => approverReady && requesterReady);

    const notifyMs: number[] = [];
    const pendingIds: string[] = [];
    for (let i = 0; i < LATENCY_ROUNDS; i++) {
      const started = performance.now();
      const created = await requester.client.createRequest({ resource: 'bench-db', durationSeconds: 600, reason: `latency ${i}` });
      await until(() => seenByApprover.has(created.id));
      notifyMs.push((seenByApprover.get(created.id) as number) - started);
      pendingIds.push(created.id);
    }
    for (const id of pendingIds) await requester.client.cancel(id);

    // --- 2. approval → credential (event, fetch, unseal), a real role minted each time
    const credentialMs: number[] = [];
    const activeIds: string[] = [];
    for (let i = 0; i < CREDENTIAL_ROUNDS; i++) {
      const created = await requester.client.createRequest({ resource: 'bench-db', durationSeconds: 600, reason: `credential ${i}` });
      await until(() => seenByApprover.has(created.id));
      const done = new Promise<number>((resolve, reject) => {
        onActive = (id) => {
          if (id !== created.id) return;
          onActive = null;
          requester.client
            .credential(id)
            .then((credential) => {
              const values = openSealedValues(requester.sealingPem, credential.sealed, id);
              if (!values.DATABASE_URL) throw new Error('no DATABASE_URL in the credential');
              resolve(performance.now());
            })
            .catch(reject);
        };
      });
      const started = performance.now();
      await approver.client.approve(created.id, {});
      credentialMs.push((await done) - started);
      activeIds.push(created.id);
    }
    for (const id of activeIds) await requester.client.revoke(id, {});
    stopApprover();
    stopRequester();

    // --- 3/4. throughput with 10,000 members; hub RSS and CPU
    const idleRss = rssMbOf(hubPid);
    interface LoadResult {
      perSecond: number;
      p50: number;
      p95: number;
      errors: Record<string, number>;
      hubCpu: number;
      clientCpu: number;
      pgCpu: number;
      machineCpu: number;
      peakRss: number;
    }
    async function load(mode: 'me' | 'get' | 'mixed', warm: boolean): Promise<LoadResult> {
      const children: ChildProcess[] = [];
      const results: Promise<WorkerResult>[] = [];
      const ready: Promise<void>[] = [];
      for (let index = 0; index < CLIENTS; index++) {
        const child = spawn(process.execPath, [process.argv[1] as string, '--worker', url, caFile, keysFile, String(index), String(CLIENTS), mode, String(SECONDS), String(CONCURRENCY), warm ? 'warm' : 'cold'], {
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        children.push(child);
        ready.push(new Promise((resolve) => child.once('message', () => resolve())));
        results.push(
          new Promise((resolve, reject) => {
            child.on('message', (message) => {
              if (message !== 'ready') resolve(message as WorkerResult);
            });
            child.on('exit', (code) => code !== 0 && reject(new Error(`client ${index} exited ${code}`)));
          }),
        );
      }
      await Promise.all(ready);
      const hubCpuBefore = cpuMsOf(hubPid);
      const pgCpuBefore = postgresCpuMs();
      const machineBefore = machineBusyMs();
      let peakRss = rssMbOf(hubPid);
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMbOf(hubPid))), 250);
      const started = performance.now();
      for (const child of children) child.send('go');
      const done = await Promise.all(results);
      const elapsed = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const ok = done.reduce((n, r) => n + r.ok, 0);
      const latencies = done.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
      const errors: Record<string, number> = {};
      for (const r of done) for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
      return {
        perSecond: ok / SECONDS,
        p50: percentile(latencies, 0.5),
        p95: percentile(latencies, 0.95),
        errors,
        hubCpu: (cpuMsOf(hubPid) - hubCpuBefore) / 1000 / elapsed,
        clientCpu: done.reduce((n, r) => n + r.cpuMs, 0) / 1000 / elapsed,
        pgCpu: (postgresCpuMs() - pgCpuBefore) / 1000 / elapsed,
        machineCpu: (machineBusyMs() - machineBefore) / 1000 / elapsed,
        peakRss,
      };
    }
    const meLoad = await load('me', true);
    const getLoad = await load('get', true);
    const mixedLoad = await load('mixed', false);
    const requestsStored = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM requests')).rows[0]?.n ?? 0;
    await pool.end();
    requester.client.close();
    approver.client.close();

    // --- report
    const sortedNotify = [...notifyMs].sort((a, b) => a - b);
    const sortedCredential = [...credentialMs].sort((a, b) => a - b);
    const logLines = readFileSync(logFile, 'utf8').split('\n').length;
    const rowsOut: [string, string, string, boolean][] = [
      [`request → notification p50 / p95 (${LATENCY_ROUNDS} requests)`, `${fmt(percentile(sortedNotify, 0.5))} / ${fmt(percentile(sortedNotify, 0.95))} ms`, '< 300 ms', percentile(sortedNotify, 0.95) < 300],
      [
        `approval → credential unsealed p50 / p95 (${CREDENTIAL_ROUNDS}, a role minted each)`,
        `${fmt(percentile(sortedCredential, 0.5))} / ${fmt(percentile(sortedCredential, 0.95))} ms`,
        '< 300 ms',
        percentile(sortedCredential, 0.95) < 300,
      ],
      [`signed calls/s, GET /v1/me (verify, member of 10,000, nonce)`, `${fmt(meLoad.perSecond, 0)} /s (p50 ${fmt(meLoad.p50)} ms, p95 ${fmt(meLoad.p95)} ms)`, '≥ 2,000 /s', meLoad.perSecond >= 2000],
      [`signed calls/s, GET /v1/requests?scope=mine&limit=1`, `${fmt(getLoad.perSecond, 0)} /s (p50 ${fmt(getLoad.p50)} ms, p95 ${fmt(getLoad.p95)} ms)`, '≥ 2,000 /s', getLoad.perSecond >= 2000],
      [`signed calls/s, 90 % that GET + 10 % POST /v1/requests`, `${fmt(mixedLoad.perSecond, 0)} /s (p50 ${fmt(mixedLoad.p50)} ms, p95 ${fmt(mixedLoad.p95)} ms)`, '≥ 2,000 /s', mixedLoad.perSecond >= 2000],
      [`hub RSS: idle with ${MEMBERS.toLocaleString('en-US')} members / peak under load`, `${fmt(idleRss, 0)} / ${fmt(Math.max(meLoad.peakRss, getLoad.peakRss, mixedLoad.peakRss), 0)} MB`, '(reported)', true],
    ];
    const width = Math.max(...rowsOut.map((r) => r[0].length));
    const width2 = Math.max(...rowsOut.map((r) => r[1].length));
    console.log(`\nbench:hub — ${cpus().length} cores, ${MEMBERS.toLocaleString('en-US')} members (seeded in ${fmt(seedSeconds)} s), 1 hub instance (latch hub serve, ${INSECURE ? 'plain HTTP: BENCH_HUB_INSECURE' : 'TLS'}), ${CLIENTS} client processes × ${CONCURRENCY} keep-alive connections, ${SECONDS} s per load\n`);
    console.log(`${'metric'.padEnd(width)}  ${'measured'.padEnd(width2)}  target`);
    for (const [name, value, target, ok] of rowsOut) console.log(`${name.padEnd(width)}  ${value.padEnd(width2)}  ${target} ${target.startsWith('(') ? '' : ok ? '✔' : '✘'}`);
    for (const [label, l] of [
      ['me', meLoad],
      ['GET', getLoad],
      ['mixed', mixedLoad],
    ] as const) {
      const other = l.machineCpu - l.hubCpu - l.clientCpu - l.pgCpu;
      const perCall = (cores: number): number => (cores * 1000) / l.perSecond;
      const ours = perCall(l.hubCpu) + perCall(l.clientCpu) + perCall(l.pgCpu);
      console.log(
        `  ${label}: CPU cores busy — hub ${fmt(l.hubCpu, 2)}, clients ${fmt(l.clientCpu, 2)}, postgres ${fmt(l.pgCpu, 2)}, everything else on the machine ${fmt(Math.max(0, other), 2)} (of ${cpus().length}); failed calls: ${JSON.stringify(l.errors)}`,
      );
      console.log(
        `  ${label}: CPU per call — hub ${fmt(perCall(l.hubCpu), 2)} ms, clients ${fmt(perCall(l.clientCpu), 2)} ms, postgres ${fmt(perCall(l.pgCpu), 2)} ms: ${cpus().length} idle cores would serve ≈ ${fmt((cpus().length * 1000) / ours, 0)} calls/s`,
      );
    }
    console.log(`  requests stored: ${requestsStored.toLocaleString('en-US')}; hub log lines: ${logLines.toLocaleString('en-US')}`);
  } finally {
    if (hub) {
      const child = hub as ChildProcess;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    const adminEnd = new pg.Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: 'postgres' });
    await adminEnd.connect();
    await adminEnd.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await adminEnd.end();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--worker') {
  await runWorker();
} else {
  await main();
}
