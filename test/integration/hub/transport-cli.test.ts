// `latch hub init | serve | invite | members | audit verify` as an admin runs them (the built
// CLI, real processes), and a member joining the served hub with the printed invite string.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSealingKeyPair } from '../../../electron/hub/crypto/seal';
import { generateSigningKeyPair } from '../../../electron/hub/crypto/signing';
import { HubClient } from '../../../electron/hub/client/hub-client';
import { decodeInvite } from '../../../electron/hub/client/invite';
import { HubError } from '../../../electron/hub/service-types';
import { certificateFingerprint } from '../../../electron/hub/tls/fingerprint';
import { generateHubTls } from '../../../electron/hub/tls/generate-tls';
import { closedPort } from '../providers/pg-test-server';
import { LATCH_BIN, REPO_ROOT, runLatchWithEnv, type RunResult } from '../support/latch-home';
import { createHubTestDatabase, type HubTestDatabase } from './hub-test-support';

const latch = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> => runLatchWithEnv(args, { ...process.env, ...env });

interface Serving {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number>;
}

function serve(args: string[], env: NodeJS.ProcessEnv): Promise<Serving> {
  const child = spawn(process.execPath, [LATCH_BIN, 'hub', 'serve', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub serve did not start: ${stderr}`)), 20_000);
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const match = /serving (\S+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] as string, stdout: () => stdout, stderr: () => stderr, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`hub serve exited ${code}: ${stderr}`), { code, stderr }));
    });
  });
}

describe('latch hub CLI: init, serve, invite, members, audit verify', () => {
  let db: HubTestDatabase;
  let work: string;
  let dir: string;
  let port: number;
  let hub: Serving | null = null;
  let databaseUrl: string;
  const env = (): NodeJS.ProcessEnv => ({ LATCH_HUB_PROD_PASSWORD: db.server.adminPassword });

  beforeAll(async () => {
    if (!existsSync(join(REPO_ROOT, 'dist', 'cli.mjs'))) throw new Error('dist/ missing: run `npm run build` first');
    db = await createHubTestDatabase();
    work = mkdtempSync(join(tmpdir(), 'latch-hub-cli-'));
    dir = join(work, 'hub');
    port = await closedPort();
    databaseUrl = `postgres://${db.server.adminUser}:${encodeURIComponent(db.server.adminPassword)}@${db.server.host}:${db.server.port}/${db.name}`;
  });

  afterAll(async () => {
    if (hub && hub.child.exitCode === null) {
      hub.child.kill('SIGTERM');
      await hub.exited;
    }
    await db?.drop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('init writes the config, a CA and a server certificate, keys 0600, the password outside hub.yaml', async () => {
    const run = await latch(['hub', 'init', '--dir', dir, '--host', '127.0.0.2,hub.internal', '--port', String(port), '--database-url', databaseUrl, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { caFingerprint: string; publicUrl: string; hosts: string[] };
    expect(result.publicUrl).toBe(`https://127.0.0.2:${port}`);
    expect(result.hosts).toEqual(['localhost', '127.0.0.1', '127.0.0.2', 'hub.internal']);
    expect(result.caFingerprint).toBe(certificateFingerprint(readFileSync(join(dir, 'ca.pem'), 'utf8')));
    for (const file of ['ca-key.pem', 'server-key.pem', 'database-url']) expect(statSync(join(dir, file)).mode & 0o777, file).toBe(0o600);
    const yaml = readFileSync(join(dir, 'hub.yaml'), 'utf8');
    expect(yaml).not.toContain(db.server.adminPassword);
    expect(yaml).toContain('url_file: "database-url"');
    // Run it again: refused (the CA members pinned must not silently change).
    const again = await latch(['hub', 'init', '--dir', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds a hub/);
  });

  it('serve refuses to start on policy errors, printing FILE:LINE:COL', async () => {
    const policyFile = join(dir, 'hub-policy.yaml');
    const good = readFileSync(policyFile, 'utf8');
    writeFileSync(policyFile, 'version: 1\nresources:\n  prod-db:\n    provider: {type: postgres, server: prod}\n    requesters: [dev]\n    approvers: sre\n    max_duration: forever\n');
    const run = await latch(['hub', 'serve', '--dir', dir, '--port', '0']);
    expect(run.code).toBe(9);
    expect(run.stderr).toMatch(new RegExp(`${policyFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: `));
    writeFileSync(policyFile, good);
  });

  it('serve refuses a config error with its place in hub.yaml', async () => {
    const file = join(dir, 'hub.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('listen:\n  host: 0.0.0.0', 'listen:\n  hots: 0.0.0.0'));
    const run = await latch(['hub', 'serve', '--dir', dir]);
    expect(run.code).toBe(9);
    expect(run.stderr).toMatch(/hub\.yaml:7:3: unknown key "hots" in listen/);
    writeFileSync(file, original);
  });

  it('serve runs the hub over TLS; a member joins with the printed invite; only the pinned CA is trusted', async () => {
    const yamlFile = join(dir, 'hub.yaml');
    writeFileSync(
      yamlFile,
      readFileSync(yamlFile, 'utf8').replace(
        'servers: {}',
        `servers:\n  prod:\n    host: ${db.server.host}\n    port: ${db.server.port}\n    database: app\n    admin_user: ${db.server.adminUser}\n    admin_password_env: LATCH_HUB_PROD_PASSWORD`,
      ),
    );
    writeFileSync(
      join(dir, 'hub-policy.yaml'),
      'version: 1\nresources:\n  prod-db:\n    provider:\n      type: postgres\n      server: prod\n      grants: [SELECT ON ALL TABLES IN SCHEMA public]\n    requesters: [dev]\n    approvers: [sre]\n    max_duration: 2h\n',
    );
    hub = await serve(['--dir', dir], env());
    expect(hub.url).toBe(`https://127.0.0.1:${port}`);

    const invited = await latch(['hub', 'invite', 'Alice', '--groups', 'dev', '--ttl', '1h', '--dir', dir]);
    expect(invited.code, invited.stderr).toBe(0);
    const invite = invited.stdout.trim();
    expect(invite).toMatch(/^lh1_[A-Za-z0-9_-]+$/);
    expect(decodeInvite(invite)).toMatchObject({ url: `https://127.0.0.2:${port}`, caFingerprint: certificateFingerprint(readFileSync(join(dir, 'ca.pem'), 'utf8')) });

    const signing = generateSigningKeyPair();
    const joined = await HubClient.join({ invite, signingKey: signing, sealingKey: generateSealingKeyPair().publicKey });
    expect(joined.member).toMatchObject({ name: 'Alice', groups: ['dev'] });
    expect(joined.caCertPem).toBe(readFileSync(join(dir, 'ca.pem'), 'utf8'));

    const pinned = new HubClient({ url: joined.url, caCertPem: joined.caCertPem, signingKey: signing });
    expect((await pinned.me()).name).toBe('Alice');
    const created = await pinned.createRequest({ resource: 'prod-db', durationSeconds: 600, reason: 'cli test' });
    expect(created.state).toBe('pending');
    pinned.close();

    const other = await generateHubTls();
    const stranger = new HubClient({ url: joined.url, caCertPem: other.caCertPem, signingKey: signing });
    const error = await stranger.me().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).code).toBe('UNTRUSTED_HUB');
    stranger.close();

    // A hub log line per call, JSON, and no secret in it.
    const log = hub.stdout();
    expect(log).toMatch(/"event":"hub.request".*"route":"\/v1\/requests"/);
    expect(log).not.toContain(db.server.adminPassword);
    expect(log).not.toContain('cli test');
  });

  it('members lists who joined', async () => {
    const run = await latch(['hub', 'members', '--dir', dir, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const members = JSON.parse(run.stdout) as Array<{ name: string; groups: string[]; disabled: boolean }>;
    expect(members).toEqual([expect.objectContaining({ name: 'Alice', groups: ['dev'], disabled: false })]);
    const table = await latch(['hub', 'members', '--dir', dir]);
    expect(table.stdout).toMatch(/Alice\s+dev/);
  });

  it('audit verify passes, and fails (exit 1) once an entry is altered', async () => {
    const ok = await latch(['hub', 'audit', 'verify', '--dir', dir]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/intact: \d+ entries/);
    const client = db.pool;
    await client.query('ALTER TABLE audit DISABLE TRIGGER ALL');
    await client.query(`UPDATE audit SET details = jsonb_set(details::jsonb, '{reason}', '"edited"')::jsonb WHERE action = 'request.created'`);
    await client.query('ALTER TABLE audit ENABLE TRIGGER ALL');
    const broken = await latch(['hub', 'audit', 'verify', '--dir', dir]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/BROKEN at entry \d+/);
  });

  it('SIGHUP reloads the policy; a broken one is refused and the old one stays', async () => {
    const running = hub as Serving;
    const policyFile = join(dir, 'hub-policy.yaml');
    const good = readFileSync(policyFile, 'utf8');
    writeFileSync(policyFile, 'version: 1\nresources: [\n');
    running.child.kill('SIGHUP');
    await expect.poll(() => running.stderr(), { timeout: 5_000 }).toMatch(/policy NOT reloaded/);
    writeFileSync(policyFile, good.replace('max_duration: 2h', 'max_duration: 3h'));
    running.child.kill('SIGHUP');
    await expect.poll(() => running.stdout(), { timeout: 5_000 }).toMatch(/"event":"hub.policy.replaced"/);
  });

  it('SIGTERM closes the hub gracefully (exit 0)', async () => {
    const running = hub as Serving;
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(running.stderr()).toMatch(/SIGTERM: closing/);
  });
});
