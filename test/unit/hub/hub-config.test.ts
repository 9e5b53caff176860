import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadHubConfig, parseHubConfig, HubConfigError } from '../../../electron/hub/config/hub-config';
import { HubInitError, initHub } from '../../../electron/hub/config/hub-init';
import { hubDatabaseUrl, hubServers, readHubSecret } from '../../../electron/hub/config/hub-secrets';
import { parseHubPolicy } from '../../../shared/policy';
import { certificateFingerprint } from '../../../electron/hub/tls/fingerprint';

const work = mkdtempSync(join(tmpdir(), 'latch-hub-config-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const VALID = `version: 1
listen:
  host: 127.0.0.1
  port: 9443
public_url: https://hub.example.com:9443
database:
  url_env: HUB_DB
tls:
  ca: ca.pem
  cert: server.pem
  key: /etc/latch/server-key.pem
policy: hub-policy.yaml
servers:
  prod-orders:
    host: db.internal
    database: orders
    admin_user: latch_admin
    admin_password_file: prod.password
`;

describe('hub.yaml', () => {
  it('parses a full config, resolving relative paths against its folder', () => {
    const result = parseHubConfig(VALID, '/srv/hub/hub.yaml', '/srv/hub');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      listen: { host: '127.0.0.1', port: 9443 },
      publicUrl: 'https://hub.example.com:9443',
      database: { env: 'HUB_DB' },
      tls: { ca: '/srv/hub/ca.pem', cert: '/srv/hub/server.pem', key: '/etc/latch/server-key.pem' },
      policy: '/srv/hub/hub-policy.yaml',
      servers: { 'prod-orders': { host: 'db.internal', port: 5432, database: 'orders', adminUser: 'latch_admin', ssl: false, adminPassword: { file: '/srv/hub/prod.password' } } },
    });
    expect(result.warnings).toEqual([]);
  });

  it('reports every problem with its line and column', () => {
    const text = VALID.replace('  port: 9443', '  port: 99999').replace('  url_env: HUB_DB', '  url_env: HUB_DB\n  url_file: x').replace('policy: hub-policy.yaml', 'polcy: hub-policy.yaml');
    const result = parseHubConfig(text, 'hub.yaml', '/srv/hub');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { line: 1, column: 1, message: 'missing key "policy"' },
      { line: 4, column: 9, message: 'listen.port must be 0 to 65535' },
      { line: 8, column: 3, message: 'give only one of url_env, url_file' },
      { line: 13, column: 1, message: 'unknown key "polcy"' },
    ]);
  });

  it('explains a missing secret source, a bad URL and YAML syntax errors', () => {
    const noDb = parseHubConfig(VALID.replace('  url_env: HUB_DB\n', '  {}\n').replace('database:\n  {}', 'database: {}'), 'hub.yaml', '/x');
    expect(!noDb.ok && noDb.problems.map((p) => p.message)).toEqual(['give one of url_env (an environment variable) or url_file (a 0600 file)']);
    const badUrl = parseHubConfig(VALID.replace('https://hub.example.com:9443', 'https://hub.example.com/hub'), 'hub.yaml', '/x');
    expect(!badUrl.ok && badUrl.problems[0]).toMatchObject({ line: 5, column: 13, message: expect.stringMatching(/public_url must be an https:\/\/ origin/) });
    const syntax = parseHubConfig('version: 1\nlisten: [\n', 'hub.yaml', '/x');
    expect(syntax.ok).toBe(false);
    expect(!syntax.ok && syntax.problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('warns about secrets written inline', () => {
    const text = VALID.replace('  url_env: HUB_DB', '  url: postgres://hub:s3cret@db/hub').replace('admin_password_file: prod.password', 'admin_password: hunter2');
    const result = parseHubConfig(text, 'hub.yaml', '/x');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => w.message)).toEqual([
      'database.url holds a password inline: prefer url_env or url_file (0600)',
      'servers.prod-orders.admin_password is inline: prefer admin_password_env or admin_password_file (0600)',
    ]);
    expect(JSON.stringify(result.warnings)).not.toMatch(/s3cret|hunter2/);
  });

  it('loadHubConfig throws located problems as FILE:LINE:COL lines', () => {
    const dir = join(work, 'broken');
    initHubSync(dir, 'version: 2\n');
    expect(() => loadHubConfig(dir)).toThrow(HubConfigError);
    try {
      loadHubConfig(dir);
    } catch (error) {
      expect((error as Error).message).toMatch(new RegExp(`${join(dir, 'hub.yaml').replace(/\//g, '\\/')}:1:10: version must be 1`));
    }
  });
});

function initHubSync(dir: string, text: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'hub.yaml'), text);
}

describe('hub secrets', () => {
  it('reads from the environment or a 0600 file; refuses a file others can read; never shows the value', () => {
    const file = join(work, 'db-url');
    writeFileSync(file, 'postgres://hub:pw@db/hub\n', { mode: 0o600 });
    expect(readHubSecret({ file }, 'database URL', {})).toBe('postgres://hub:pw@db/hub');
    chmodSync(file, 0o644);
    expect(() => readHubSecret({ file }, 'database URL', {})).toThrow(/readable by others \(mode 644\); run chmod 600/);
    expect(readHubSecret({ env: 'X' }, 'database URL', { X: ' v ' })).toBe('v');
    expect(() => readHubSecret({ env: 'X' }, 'database URL', {})).toThrow('database URL: environment variable X is not set');
    try {
      readHubSecret({ file }, 'database URL', {});
    } catch (error) {
      expect((error as Error).message).not.toContain('pw@');
    }
  });
});

describe('latch hub init (initHub)', () => {
  it('writes a config that parses, a CA, a server certificate and a policy that parses', async () => {
    const dir = join(work, 'hub');
    const result = await initHub({ dir, hosts: ['hub.example.com'], port: 9443 });
    expect(result.publicUrl).toBe('https://hub.example.com:9443');
    expect(result.caFingerprint).toBe(certificateFingerprint(readFileSync(join(dir, 'ca.pem'), 'utf8')));
    const { config, warnings } = loadHubConfig(dir);
    expect(warnings).toEqual([]);
    expect(config.database).toEqual({ env: 'LATCH_HUB_DATABASE_URL' });
    expect(hubDatabaseUrl(config, { LATCH_HUB_DATABASE_URL: 'postgres://h/db' })).toBe('postgres://h/db');
    expect(hubServers(config, {})).toEqual({});
    const policy = parseHubPolicy(readFileSync(config.policy, 'utf8'));
    expect(policy.ok).toBe(true);
    for (const key of ['ca-key.pem', 'server-key.pem', 'hub.yaml']) expect(statSync(join(dir, key)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    await expect(initHub({ dir })).rejects.toThrow(HubInitError);
  });

  it('puts a database URL with a password in a 0600 file, and one without inline', async () => {
    const withPassword = await initHub({ dir: join(work, 'h2'), databaseUrl: 'postgres://hub:s3cret@db:5432/hub' });
    expect(readFileSync(join(withPassword.dir, 'hub.yaml'), 'utf8')).not.toContain('s3cret');
    expect(statSync(join(withPassword.dir, 'database-url')).mode & 0o777).toBe(0o600);
    expect(hubDatabaseUrl(loadHubConfig(withPassword.dir).config, {})).toBe('postgres://hub:s3cret@db:5432/hub');
    const plain = await initHub({ dir: join(work, 'h3'), databaseUrl: 'postgres://hub@db/hub' });
    expect(loadHubConfig(plain.dir).config.database).toEqual({ value: 'postgres://hub@db/hub' });
    await expect(initHub({ dir: join(work, 'h4'), databaseUrl: 'mysql://x' })).rejects.toThrow(/postgres:\/\//);
    await expect(initHub({ dir: join(work, 'h5'), hosts: ['not a host'] })).rejects.toThrow(/not a host name/);
  });
});
