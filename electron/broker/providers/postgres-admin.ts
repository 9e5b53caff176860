// One short-lived admin connection per provider operation, with tight timeouts so an
// unreachable server fails in seconds (as a retryable ProviderError) instead of hanging.

import pg from 'pg';
import { toProviderError } from './postgres-errors';

export interface PostgresServer {
  host: string;
  port: number;
  /** The database the admin connects to (and the default database of minted credentials). */
  database: string;
  adminUser: string;
  adminPassword: string;
  /** Connect over TLS (certificate verified). */
  ssl?: boolean;
}

export const CONNECT_TIMEOUT_MS = 5_000;
const STATEMENT_TIMEOUT_MS = 15_000;
const LOCK_TIMEOUT_MS = 5_000;
const END_TIMEOUT_MS = 2_000;

export type AdminClient = Pick<pg.Client, 'query'>;

/** Close without ever hanging or throwing: a dead socket is destroyed by `end`. */
async function closeQuietly(client: pg.Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, END_TIMEOUT_MS);
    timer.unref();
  });
  await Promise.race([client.end().catch(() => undefined), timeout]);
  clearTimeout(timer);
}

/**
 * Run `work` on a fresh admin connection to `database`; every failure (connect, query)
 * becomes a ProviderError whose message never contains `secrets` or the admin password.
 */
export async function withAdminConnection<T>(
  server: PostgresServer,
  database: string,
  operation: string,
  secrets: readonly string[],
  work: (client: AdminClient) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    host: server.host,
    port: server.port,
    database,
    user: server.adminUser,
    password: server.adminPassword,
    ssl: server.ssl === true ? { rejectUnauthorized: true } : false,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 2_000,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    lock_timeout: LOCK_TIMEOUT_MS,
    application_name: 'latch-credential-provider',
  });
  // A connection dropped while idle is reported as an 'error' event; the next query fails
  // with it anyway, so the event itself only must not crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await work(client);
  } catch (error) {
    throw toProviderError(operation, error, {
      host: server.host,
      port: server.port,
      secrets: [server.adminPassword, ...secrets],
    });
  } finally {
    await closeQuietly(client);
  }
}
