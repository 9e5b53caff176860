import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import Libsql from 'libsql';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrokerClient } from '../../electron/cli/broker-client';
import { BROKER_BUNDLE, makeLatchHome, requireKeyring, runLatch, secretToolLookup, type LatchHome } from './support/latch-home';

async function brokerPid(home: LatchHome): Promise<number> {
  const status = await runLatch(home, ['status', '--json']);
  expect(status.code).toBe(0);
  return (JSON.parse(status.stdout) as { pid: number }).pid;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('broker lifecycle', () => {
  let home: LatchHome;
  beforeAll(() => requireKeyring());
  afterEach(async () => home.cleanup());

  it('is started on demand by the CLI, with a 0600 socket in a 0700 folder', async () => {
    home = makeLatchHome();
    expect(existsSync(home.socketPath)).toBe(false);
    const pid = await brokerPid(home);
    expect(alive(pid)).toBe(true);
    expect(statSync(home.socketPath).mode & 0o777).toBe(0o600);
    expect(statSync(`${home.runtimeDir}/latch`).mode & 0o777).toBe(0o700);
    expect(statSync(home.dbPath).mode & 0o777).toBe(0o600);
    const daemon = await runLatch(home, ['daemon', 'status']);
    expect(daemon).toMatchObject({ code: 0 });
    expect(daemon.stdout).toContain(`pid ${pid}`);
  });

  it('refuses a second instance cleanly (exit 75) and keeps the first one serving', async () => {
    home = makeLatchHome();
    const pid = await brokerPid(home);
    const second = spawnSync(process.execPath, [BROKER_BUNDLE], { env: home.env, encoding: 'utf8', timeout: 10_000 });
    expect(second.status).toBe(75);
    expect(second.stderr).toBe(`latch: another Latch broker is already running on ${home.socketPath}\n`);
    expect(await brokerPid(home)).toBe(pid);
  });

  it('recovers a stale socket left by a killed broker', async () => {
    home = makeLatchHome();
    const pid = await brokerPid(home);
    process.kill(pid, 'SIGKILL');
    await waitUntil(() => !alive(pid));
    expect(existsSync(home.socketPath)).toBe(true);
    const next = await brokerPid(home);
    expect(next).not.toBe(pid);
    expect(readFileSync(home.logFile, 'utf8')).toContain('socket.stale_removed');
  });

  it('is not reachable by another user: the 0700 folder makes the kernel refuse them', async () => {
    home = makeLatchHome();
    await brokerPid(home);
    const nobody = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, '-e',
      `require('net').createConnection(${JSON.stringify(home.socketPath)}).on('error', e => { console.log(e.code); process.exit(0) }).on('connect', () => { console.log('CONNECTED'); process.exit(0) })`],
      { encoding: 'utf8', timeout: 10_000 });
    expect(nobody.error).toBeUndefined();
    expect(nobody.stdout.trim()).toBe('EACCES');
  });

  it('shuts down on SIGTERM leaving the store, keychain and audit chain consistent', async () => {
    home = makeLatchHome();
    const pid = await brokerPid(home);
    const client = await BrokerClient.connect(home.socketPath, 'test');
    const adds = Array.from({ length: 20 }, (_, i) => client.call('token.add', { name: `t-${i}`, value: `value-${i}-${Date.now()}` }));
    setTimeout(() => process.kill(pid, 'SIGTERM'), 30);
    const results = await Promise.all(adds);
    client.close();
    await waitUntil(() => !alive(pid));
    expect(existsSync(home.socketPath)).toBe(false);

    const db = new Libsql(home.dbPath, { readonly: true });
    expect(db.prepare('PRAGMA integrity_check').get()).toMatchObject({ integrity_check: 'ok' });
    const rows = db.prepare('SELECT id, name FROM tokens').all() as Array<{ id: string; name: string }>;
    db.close();
    // Every acknowledged add is stored; every stored token has its value in the keychain.
    const acknowledged = results.flatMap((r) => (r.ok ? [r.value.name] : []));
    expect(rows.map((r) => r.name).sort()).toEqual(expect.arrayContaining(acknowledged.sort()));
    for (const row of rows) expect(secretToolLookup('latch', row.id)).not.toBeNull();
    const verify = await runLatch(home, ['audit', 'verify']);
    expect(verify.stdout).toContain('Audit log intact');
  });

  it('refuses to start on a socket path owned by something else that answers', async () => {
    home = makeLatchHome();
    mkdirSync(`${home.runtimeDir}/latch`, { mode: 0o700 });
    const impostor = createServer(() => undefined).listen(home.socketPath);
    await new Promise((r) => impostor.once('listening', r));
    const started = spawnSync(process.execPath, [BROKER_BUNDLE], { env: home.env, encoding: 'utf8', timeout: 10_000 });
    expect(started.status).toBe(75);
    impostor.close();
  });

  it('writes a log without secret values', async () => {
    home = makeLatchHome();
    const value = `log-probe-${Date.now()}-secret`;
    await runLatch(home, ['token', 'add', 'log-probe'], value);
    await runLatch(home, ['token', 'add', 'Bad Name'], value);
    await runLatch(home, ['token', 'reveal', 'log-probe']);
    await runLatch(home, ['daemon', 'stop']);
    const log = readFileSync(home.logFile, 'utf8');
    expect(log).toContain('broker.started');
    expect(log).toContain('"code":"INVALID_INPUT"');
    expect(log).not.toContain(value);
    writeFileSync(home.logFile, '');
  });
});

describe('daemon commands', () => {
  let home: LatchHome;
  afterEach(async () => home.cleanup());

  it('start, status, stop', async () => {
    home = makeLatchHome();
    expect((await runLatch(home, ['daemon', 'status'])).code).toBe(3);
    expect(existsSync(home.socketPath)).toBe(false);
    const start = await runLatch(home, ['daemon', 'start']);
    expect(start).toMatchObject({ code: 0, stderr: `Broker started on ${home.socketPath}.\n` });
    expect((await runLatch(home, ['daemon', 'start'])).stderr).toContain('already running');
    expect((await runLatch(home, ['daemon', 'status'])).code).toBe(0);
    expect((await runLatch(home, ['daemon', 'stop'])).stderr).toBe('Broker stopped.\n');
    expect((await runLatch(home, ['daemon', 'status'])).code).toBe(3);
  });

  it('LATCH_NO_AUTOSTART=1 reports the broker as unavailable (exit 3)', async () => {
    home = makeLatchHome({ LATCH_NO_AUTOSTART: '1' });
    const result = await runLatch(home, ['token', 'ls']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^latch: cannot reach the broker at .*latch daemon start/);
  });

  it('reports a broker that cannot start (unwritable data folder) clearly', async () => {
    const blocker = `${process.env.TMPDIR ?? '/tmp'}/latch-blocker-${process.pid}`;
    writeFileSync(blocker, 'a file where a folder should be');
    home = makeLatchHome({ LATCH_DATA_DIR: `${blocker}/data` });
    const result = await runLatch(home, ['token', 'ls']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('the broker exited at start');
  });
});
