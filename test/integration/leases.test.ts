import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATCH_BIN, makeLatchHome, requireKeyring, runLatch, type LatchHome } from './support/latch-home';
import { asAdmin, requirePgServer } from './providers/pg-test-server';

type Server = ReturnType<typeof requirePgServer>;

async function waitUntil(check: () => Promise<boolean> | boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function latchRoles(server: Server): Promise<string[]> {
  return asAdmin(server, async (c) => (await c.query("SELECT rolname FROM pg_roles WHERE rolname ~ '^latch_[a-z0-9]{1,12}_[0-9a-f]{12}$' ORDER BY 1")).rows.map((r: { rolname: string }) => r.rolname));
}

async function leases(home: LatchHome) {
  return JSON.parse((await runLatch(home, ['lease', 'ls', '--json'])).stdout) as Array<{
    id: string;
    state: string;
    endReason: string | null;
    secrets: Array<{ name: string; revocation: string; attempts: number; lastError: string | null }>;
  }>;
}

const QUERY = `
const pg = require(${JSON.stringify(join(process.cwd(), 'node_modules', 'pg'))});
const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
c.connect().then(() => c.query('SELECT count(*)::int AS n FROM orders')).then((r) => c.query('INSERT INTO orders DEFAULT VALUES').then(() => 'insert-allowed', (e) => 'insert-refused:' + e.code).then((ins) => { console.log('rows=' + r.rows[0].n + ' ' + ins); return c.end(); }))
  .catch((e) => { console.log('failed:' + e.code); process.exit(1); });`;

describe('dynamic Postgres credentials through leases', () => {
  let home: LatchHome;
  let server: Server;
  let dir: string;

  beforeAll(async () => {
    requireKeyring();
    server = requirePgServer();
    home = makeLatchHome();
    const added = await runLatch(home, ['provider', 'add-postgres', 'local-pg', '--host', server.host, '--port', String(server.port), '--database', server.database, '--admin-user', server.adminUser], server.adminPassword);
    expect(added.stderr).toContain('configured');
    dir = mkdtempSync(join(tmpdir(), 'latch-lease-pg-'));
    writeFileSync(
      join(dir, 'latch.yaml'),
      `version: 1
project: pg-demo
secrets:
  DATABASE_URL:
    class: dynamic
    ttl: 10m
    maxTtl: 1h
    provider: { type: postgres, server: local-pg, grants: [ "SELECT ON ALL TABLES IN SCHEMA public" ] }
`,
    );
  });
  afterAll(() => home?.cleanup());

  it('mints a role that can do what the grants allow, masks its URL, and drops it when the run ends', async () => {
    const before = await latchRoles(server);
    const run = await runLatch(home, ['run', '--project', dir, '--', 'sh', '-c', `node -e "${QUERY.replace(/"/g, '\\"')}"; echo "url=$DATABASE_URL"`]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/rows=\d+ insert-refused:42501/);
    expect(run.stdout).toContain('url=<concealed:DATABASE_URL>');
    expect(await latchRoles(server)).toEqual(before);
    const [last] = await leases(home);
    expect(last).toMatchObject({ state: 'revoked', endReason: 'revoked' });
    expect(last?.secrets[0]).toMatchObject({ name: 'DATABASE_URL', revocation: 'done' });
  });

  it('revokes at the source when the TTL runs out, while the command still runs', async () => {
    const child = spawn(process.execPath, [LATCH_BIN, 'run', '--ttl', '5s', '--project', dir, '--', 'sh', '-c', 'echo started; sleep 12'], { env: home.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await waitUntil(() => out.includes('started'), 15_000, 'the command');
    const roles = await latchRoles(server);
    expect(roles.length).toBe(1);
    const leaseId = (await leases(home)).find((l) => l.state === 'active')?.id;
    const url = await minted(home);
    await waitUntil(async () => (await latchRoles(server)).length === 0, 15_000, 'the role to be dropped at expiry');
    await expect(connect(url)).rejects.toThrow();
    expect((await leases(home)).find((l) => l.id === leaseId)).toMatchObject({ state: 'expired', endReason: 'TTL reached' });
    child.kill('SIGTERM');
    await new Promise((r) => child.on('close', r));
  });

  it('a broker killed with SIGKILL during a lease: the restarted broker revokes it', async () => {
    const child = spawn(process.execPath, [LATCH_BIN, 'run', '--ttl', '5s', '--project', dir, '--', 'sh', '-c', 'echo started; sleep 20'], { env: home.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await waitUntil(() => out.includes('started'), 15_000, 'the command');
    expect((await latchRoles(server)).length).toBe(1);
    const pid = (JSON.parse((await runLatch(home, ['status', '--json'])).stdout) as { pid: number }).pid;
    process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 6500));
    // Nobody revoked it while the broker was down.
    expect((await latchRoles(server)).length).toBe(1);
    expect((await runLatch(home, ['daemon', 'start'])).code).toBe(0);
    await waitUntil(async () => (await latchRoles(server)).length === 0, 15_000, 'the restarted broker to revoke');
    expect((await leases(home))[0]).toMatchObject({ state: 'expired', endReason: 'expired while the broker was down' });
    child.kill('SIGTERM');
    await new Promise((r) => child.on('close', r));
  });

  async function minted(h: LatchHome): Promise<string> {
    // The URL itself never leaves the broker except to the lease holder: ask for a fresh one.
    const capture = join(mkdtempSync(join(tmpdir(), 'latch-url-')), 'url');
    await runLatch(h, ['run', '--no-masking', '--nested', '--ttl', '5s', '--project', dir, '--', 'sh', '-c', `printf %s "$DATABASE_URL" > ${capture}; sleep 1`]);
    return readFileSync(capture, 'utf8');
  }

  async function connect(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    await client.connect();
    await client.end();
  }
});

describe('command provider through leases', () => {
  let home: LatchHome;
  let dir: string;
  let log: string;

  beforeAll(() => {
    requireKeyring();
    home = makeLatchHome();
    dir = mkdtempSync(join(tmpdir(), 'latch-lease-cmd-'));
    log = join(dir, 'calls.log');
    writeFileSync(join(dir, 'mint.sh'), `#!/bin/sh\necho "mint $LATCH_PROJECT $LATCH_SECRET_NAME $LATCH_LEASE_ID ttl=$LATCH_TTL_SECONDS" >> ${log}\nprintf '{"value":"cmd-secret-%s","handle":{"keyId":"k-%s"}}' "$LATCH_LEASE_ID" "$LATCH_LEASE_ID"\n`);
    // Fails twice, then succeeds: the lease manager must keep the revocation owed and retry.
    writeFileSync(join(dir, 'revoke.sh'), `#!/bin/sh\necho "revoke $LATCH_HANDLE" >> ${log}\nn=$(cat ${dir}/fails 2>/dev/null || echo 0)\nif [ "$n" -lt 2 ]; then echo $((n+1)) > ${dir}/fails; echo "upstream unavailable" >&2; exit 1; fi\n`);
    chmodSync(join(dir, 'mint.sh'), 0o755);
    chmodSync(join(dir, 'revoke.sh'), 0o755);
    writeFileSync(
      join(dir, 'latch.yaml'),
      `version: 1
project: cmd-demo
secrets:
  SEARCH_API_KEY:
    class: dynamic
    ttl: 5m
    provider: { type: command, mint: [ ./mint.sh ], revoke: [ ./revoke.sh ] }
`,
    );
  });
  afterAll(() => home?.cleanup());

  it('calls mint with the lease context, injects its value, and retries a failing revoke until it succeeds', async () => {
    const run = await runLatch(home, ['run', '--project', dir, '--', 'sh', '-c', 'echo "$SEARCH_API_KEY" | cut -c1-11']);
    expect(run.stdout.trim()).toBe('cmd-secret-');
    const [lease] = await leases(home);
    expect(lease).toBeDefined();
    const calls = () => readFileSync(log, 'utf8').trim().split('\n');
    expect(calls()[0]).toMatch(new RegExp(`^mint cmd-demo SEARCH_API_KEY ${lease!.id} ttl=(299|300)$`));
    await waitUntil(() => existsSync(join(dir, 'fails')), 5000, 'a first revoke attempt');
    const owed = (await leases(home))[0]!.secrets[0]!;
    expect(owed.revocation).toBe('owed');
    expect(owed.attempts).toBeGreaterThanOrEqual(1);
    expect(owed.lastError).toContain('upstream unavailable');
    expect((await runLatch(home, ['lease', 'ls'])).stdout).toContain('SEARCH_API_KEY (');
    await waitUntil(async () => (await leases(home))[0]!.secrets[0]!.revocation === 'done', 20_000, 'the retried revoke');
    const revokes = calls().filter((line) => line.startsWith('revoke '));
    expect(revokes).toHaveLength(3);
    expect(revokes[0]).toContain(`k-${lease!.id}`);
  });
});
