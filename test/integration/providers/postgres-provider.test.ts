import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresProvider, MINTED_ROLE, type PostgresServer } from '../../../electron/broker/providers/postgres-provider';
import { ProviderError, type CredentialProvider, type MintedCredential, type MintRequest } from '../../../electron/broker/providers/provider';
import { asAdmin, closedPort, connectWith, outcome, requirePgServer, roleExists } from './pg-test-server';

function request(overrides: Partial<MintRequest> = {}): MintRequest {
  return { leaseId: 'L-8f3a2c9d-77', projectId: 'proj', secretName: 'DATABASE_URL', expiresAt: new Date(Date.now() + 600_000), ...overrides };
}

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

const passwordOf = (url: string): string => decodeURIComponent(new URL(url).password);

describe('postgres provider against a real PostgreSQL', () => {
  let server: PostgresServer;
  const minted: Array<{ provider: CredentialProvider; handle: MintedCredential['handle'] }> = [];

  async function mint(options: { grants?: string[]; database?: string } = {}, req: Partial<MintRequest> = {}): Promise<MintedCredential & { provider: CredentialProvider }> {
    const provider = createPostgresProvider(server, options);
    const credential = await provider.mint(request(req));
    minted.push({ provider, handle: credential.handle });
    return { ...credential, provider };
  }

  beforeAll(() => {
    server = requirePgServer();
  });
  afterAll(async () => {
    for (const { provider, handle } of minted) await provider.revoke(handle).catch(() => undefined);
  });

  it('mints a URL whose role can log in and do exactly what the grants allow', async () => {
    const credential = await mint({ grants: ['SELECT ON TABLE orders'] });
    const url = new URL(credential.value);
    expect(url.protocol).toBe('postgresql:');
    expect(url.hostname).toBe(server.host);
    expect(Number(url.port)).toBe(server.port);
    expect(url.pathname).toBe(`/${server.database}`);
    expect(url.username).toMatch(MINTED_ROLE);
    expect(url.username).toMatch(/^latch_l8f3a2c9d77_/);
    expect(passwordOf(credential.value)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(credential.handle).toEqual({ role: url.username, host: server.host, port: server.port, database: server.database });
    expect(JSON.stringify(credential.handle)).not.toContain(passwordOf(credential.value));
    expect(credential.expiresAt).toBeInstanceOf(Date);

    const client = await connectWith(credential.value);
    try {
      const rows = await client.query<{ item: string }>('SELECT item FROM orders ORDER BY id');
      expect(rows.rows.map((r) => r.item)).toEqual(['apple', 'pear']);
      expect(await outcome(() => client.query("INSERT INTO orders (item) VALUES ('plum')"))).toBe('42501');
      expect(await outcome(() => client.query('SELECT * FROM billing.invoices'))).toBe('42501');
      expect(await outcome(() => client.query('CREATE ROLE sneaky'))).toBe('42501');
    } finally {
      await client.end();
    }
    // The password never reached the server in clear: only a SCRAM verifier is stored.
    const stored = await asAdmin(server, (c) => c.query<{ rolpassword: string }>('SELECT rolpassword FROM pg_authid WHERE rolname = $1', [url.username]));
    expect(stored.rows[0]?.rolpassword).toMatch(/^SCRAM-SHA-256\$4096:/);
  });

  it('applies every grammar form: schema-wide, column lists, several objects, schema usage', async () => {
    const credential = await mint({
      grants: ['usage on schema billing', 'SELECT ON ALL TABLES IN SCHEMA billing', 'SELECT (id, item), INSERT ON public.orders', 'USAGE, SELECT ON SEQUENCE orders_id_seq', 'CONNECT ON DATABASE app'],
    });
    const client = await connectWith(credential.value);
    try {
      expect((await client.query('SELECT total FROM billing.invoices')).rowCount).toBe(1);
      expect(await outcome(() => client.query('SELECT id, item FROM orders'))).toBe('ok');
      expect(await outcome(() => client.query('SELECT quantity FROM orders'))).toBe('42501');
      expect(await outcome(() => client.query("INSERT INTO orders (item) VALUES ('fig')"))).toBe('ok');
      expect(await outcome(() => client.query('DELETE FROM orders'))).toBe('42501');
    } finally {
      await client.end();
    }
    await asAdmin(server, (c) => c.query("DELETE FROM orders WHERE item = 'fig'"));
  });

  it('grants only CONNECT by default', async () => {
    const credential = await mint();
    const client = await connectWith(credential.value);
    try {
      expect(await outcome(() => client.query('SELECT 1'))).toBe('ok');
      expect(await outcome(() => client.query('SELECT * FROM orders'))).toBe('42501');
    } finally {
      await client.end();
    }
  });

  it('renews by moving VALID UNTIL', async () => {
    const first = new Date(Date.now() + 300_000);
    const credential = await mint({}, { expiresAt: first });
    const role = String(credential.handle.role);
    const validUntil = async (): Promise<number> =>
      asAdmin(server, async (c) => (await c.query<{ until: Date }>('SELECT rolvaliduntil AS until FROM pg_roles WHERE rolname = $1', [role])).rows[0]?.until.getTime() ?? 0);
    expect(await validUntil()).toBe(first.getTime());
    const later = new Date(Date.now() + 3_600_000);
    await credential.provider.renew(JSON.parse(JSON.stringify(credential.handle)) as MintedCredential['handle'], later);
    expect(await validUntil()).toBe(later.getTime());
  });

  it('revoke ends open sessions, drops the role, and is idempotent', async () => {
    const credential = await mint({ grants: ['SELECT ON orders'] });
    const role = String(credential.handle.role);
    const open = await connectWith(credential.value);
    expect(await outcome(() => open.query('SELECT 1'))).toBe('ok');

    await credential.provider.revoke(credential.handle);
    expect(await roleExists(server, role)).toBe(false);
    expect(await outcome(() => open.query('SELECT 1'))).not.toBe('ok');
    await open.end().catch(() => undefined);
    expect(await outcome(() => connectWith(credential.value))).toBe('28P01');
    const sessions = await asAdmin(server, (c) => c.query('SELECT 1 FROM pg_stat_activity WHERE usename = $1', [role]));
    expect(sessions.rowCount).toBe(0);

    await credential.provider.revoke(credential.handle);
    // A fresh provider (a restarted broker) revoking a persisted handle also succeeds.
    await createPostgresProvider(server).revoke(JSON.parse(JSON.stringify(credential.handle)) as MintedCredential['handle']);
    const renewError = await providerError(credential.provider.renew(credential.handle, new Date(Date.now() + 60_000)));
    expect(renewError.retryable).toBe(false);
    expect(renewError.message).toContain('no longer exists');
  });

  it('revoke reassigns what the role created, in its database and in others', async () => {
    const credential = await mint({ grants: ['CREATE, USAGE ON SCHEMA public'] });
    const role = String(credential.handle.role);
    await asAdmin(server, (c) => c.query('CREATE DATABASE other_db'), 'postgres');
    try {
      await asAdmin(server, (c) => c.query(`GRANT CREATE ON SCHEMA public TO "${role}"`), 'other_db');
      const client = await connectWith(credential.value);
      await client.query('CREATE TABLE made_by_lease (n int)');
      await client.end();
      const otherUrl = new URL(credential.value);
      otherUrl.pathname = '/other_db';
      const other = await connectWith(otherUrl.toString());
      await other.query('CREATE TABLE made_elsewhere (n int)');
      await other.end();

      await credential.provider.revoke(credential.handle);
      expect(await roleExists(server, role)).toBe(false);
      const owner = await asAdmin(server, (c) => c.query<{ owner: string }>("SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'made_by_lease'"));
      expect(owner.rows[0]?.owner).toBe(server.adminUser);
      const otherOwner = await asAdmin(server, (c) => c.query<{ owner: string }>("SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'made_elsewhere'"), 'other_db');
      expect(otherOwner.rows[0]?.owner).toBe(server.adminUser);
    } finally {
      await asAdmin(server, (c) => c.query('DROP TABLE IF EXISTS made_by_lease'));
      await asAdmin(server, (c) => c.query('DROP DATABASE IF EXISTS other_db WITH (FORCE)'), 'postgres');
    }
  });

  it('a credential stops working when VALID UNTIL passes', async () => {
    const credential = await mint({}, { expiresAt: new Date(Date.now() + 2_000) });
    const early = await connectWith(credential.value);
    await early.end();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await outcome(() => connectWith(credential.value))).toBe('28P01');
  });

  it('refuses grants that could inject SQL, before touching the server', async () => {
    const before = await asAdmin(server, async (c) => (await c.query("SELECT count(*)::int AS n FROM pg_roles WHERE rolname LIKE 'latch\\_%'")).rows[0]);
    const malicious = [
      'SELECT ON t; DROP TABLE orders',
      'ALL ON orders TO latch_admin',
      'SELECT ON orders WITH GRANT OPTION',
      `SELECT ON "orders"`,
      `SELECT ON orders'--`,
      'SELECT ON TABLE orders -- comment',
      'SELECT ON orders /* x */',
      'latch_admin',
      'SUPERUSER ON DATABASE app',
      'SELECT ON DATABASE app',
      'EXECUTE ON FUNCTION pg_read_file(text)',
      'SELECT ON $1',
      'SELECT ON orders GRANTED BY latch_admin',
      '',
    ];
    for (const grant of malicious) {
      const provider = createPostgresProvider(server, { grants: ['SELECT ON orders', grant] });
      const error = await providerError(provider.mint(request()));
      expect(error.retryable, grant).toBe(false);
      expect(error.message, grant).toContain('invalid grant');
    }
    const after = await asAdmin(server, async (c) => (await c.query("SELECT count(*)::int AS n FROM pg_roles WHERE rolname LIKE 'latch\\_%'")).rows[0]);
    expect(after).toEqual(before);
    expect(await asAdmin(server, async (c) => (await c.query('SELECT count(*)::int AS n FROM orders')).rows[0])).toEqual({ n: 2 });
  });

  it('a grant the server rejects rolls the role back', async () => {
    const before = await asAdmin(server, async (c) => (await c.query("SELECT count(*)::int AS n FROM pg_roles WHERE rolname LIKE 'latch\\_%'")).rows[0]);
    const provider = createPostgresProvider(server, { grants: ['SELECT ON orders', 'SELECT ON TABLE no_such_table'] });
    const error = await providerError(provider.mint(request()));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('42P01');
    const after = await asAdmin(server, async (c) => (await c.query("SELECT count(*)::int AS n FROM pg_roles WHERE rolname LIKE 'latch\\_%'")).rows[0]);
    expect(after).toEqual(before);
  });

  it('refuses handles that do not name a minted role (a tampered lease cannot drop the admin)', async () => {
    const provider = createPostgresProvider(server);
    for (const role of [server.adminUser, 'postgres', 'latch_x_"; DROP ROLE latch_admin; --', 'pg_monitor']) {
      const error = await providerError(provider.revoke({ role, host: server.host, port: server.port, database: server.database }));
      expect(error.retryable).toBe(false);
    }
    expect(await roleExists(server, server.adminUser)).toBe(true);
    const elsewhere = await providerError(provider.revoke({ role: 'latch_abc_0123456789ab', host: '10.9.9.9', port: 5432, database: 'app' }));
    expect(elsewhere.message).toContain('not on the configured');
  });

  it('an unreachable server is a retryable error without any password', async () => {
    const down: PostgresServer = { ...server, port: await closedPort() };
    const provider = createPostgresProvider(down);
    const error = await providerError(provider.mint(request()));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toContain(server.adminPassword);
    const handle = { role: 'latch_abc_0123456789ab', host: down.host, port: down.port, database: down.database };
    expect((await providerError(provider.revoke(handle))).retryable).toBe(true);
    expect((await providerError(provider.renew(handle, new Date(Date.now() + 60_000)))).retryable).toBe(true);
  });

  it('a server that accepts but never answers times out in about 5 s, retryably', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    try {
      const provider = createPostgresProvider({ ...server, port: address.port });
      const started = Date.now();
      const error = await providerError(provider.mint(request()));
      expect(Date.now() - started).toBeLessThan(9_000);
      expect(error.retryable).toBe(true);
      expect(error.message).not.toContain(server.adminPassword);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('a wrong admin password is a permanent error that does not echo it', async () => {
    const wrong = `${server.adminPassword}-wrong`;
    const error = await providerError(createPostgresProvider({ ...server, adminPassword: wrong }).mint(request()));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('28P01');
    expect(error.message).not.toContain(wrong);
    expect(error.message).not.toContain(server.adminPassword);
  });

  it('refuses to mint for a lease that already ended', async () => {
    const error = await providerError(createPostgresProvider(server).mint(request({ expiresAt: new Date(Date.now() - 1_000) })));
    expect(error.retryable).toBe(false);
  });

  it('mints for another database of the same server', async () => {
    await asAdmin(server, (c) => c.query('CREATE DATABASE lease_db'), 'postgres');
    try {
      const credential = await mint({ database: 'lease_db' });
      expect(new URL(credential.value).pathname).toBe('/lease_db');
      expect(credential.handle.database).toBe('lease_db');
      const client = await connectWith(credential.value);
      expect((await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]?.db).toBe('lease_db');
      await client.end();
      await credential.provider.revoke(credential.handle);
      expect(await roleExists(server, String(credential.handle.role))).toBe(false);
    } finally {
      await asAdmin(server, (c) => c.query('DROP DATABASE IF EXISTS lease_db WITH (FORCE)'), 'postgres');
    }
  });
});
