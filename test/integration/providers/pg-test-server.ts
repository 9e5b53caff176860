// The private PostgreSQL cluster started by scripts/with-postgres.sh. Tests that need it fail
// (never skip) when it is missing, saying how to run them.

import { createServer } from 'node:net';
import pg from 'pg';
import type { PostgresServer } from '../../../electron/broker/providers/postgres-provider';

const VARIABLES = ['LATCH_TEST_PG_HOST', 'LATCH_TEST_PG_PORT', 'LATCH_TEST_PG_ADMIN_USER', 'LATCH_TEST_PG_ADMIN_PASSWORD', 'LATCH_TEST_PG_DATABASE'] as const;

export function requirePgServer(): PostgresServer {
  const missing = VARIABLES.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(
      `PostgreSQL test server missing (${missing.join(', ')} not set): run these tests with ` +
        '`scripts/with-keyring.sh scripts/with-postgres.sh npx vitest run --project integration test/integration/providers`',
    );
  }
  const env = process.env as Record<(typeof VARIABLES)[number], string>;
  return {
    host: env.LATCH_TEST_PG_HOST,
    port: Number(env.LATCH_TEST_PG_PORT),
    database: env.LATCH_TEST_PG_DATABASE,
    adminUser: env.LATCH_TEST_PG_ADMIN_USER,
    adminPassword: env.LATCH_TEST_PG_ADMIN_PASSWORD,
  };
}

/** Run statements as the admin on `database` (default: the server's). */
export async function asAdmin<T>(server: PostgresServer, work: (client: pg.Client) => Promise<T>, database = server.database): Promise<T> {
  const client = new pg.Client({ host: server.host, port: server.port, database, user: server.adminUser, password: server.adminPassword, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function roleExists(server: PostgresServer, role: string): Promise<boolean> {
  return asAdmin(server, async (c) => (await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount === 1);
}

/** Connect with a minted URL; the caller ends the client. */
export async function connectWith(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** The SQLSTATE (or Node error code) an attempt fails with, or 'ok'. */
export async function outcome(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return 'ok';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : String(error);
  }
}

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
