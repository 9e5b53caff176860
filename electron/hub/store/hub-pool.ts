// The connection pool a hub instance uses. Sized for the hot paths (a nonce INSERT per signed
// call, member lookups from cache): a few dozen connections serve thousands of calls per second
// on two cores; each instance also holds one connection for LISTEN.

import pg from 'pg';

export interface HubDatabaseConfig {
  connectionString?: string;
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  ssl?: boolean | { rejectUnauthorized?: boolean; ca?: string };
  /** Default 20. */
  maxConnections?: number;
  application_name?: string;
}

export const DEFAULT_HUB_POOL_SIZE = 20;

export function createHubPool(config: HubDatabaseConfig, onError: (error: Error) => void = () => undefined): pg.Pool {
  const { maxConnections, ssl, ...connection } = config;
  const pool = new pg.Pool({
    ...connection,
    ...(ssl !== undefined && { ssl }),
    max: maxConnections ?? DEFAULT_HUB_POOL_SIZE,
    application_name: config.application_name ?? 'latch-hub',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 30_000,
    // A grant is minted inside its approval transaction (see service/request-approval.ts):
    // the provider's own timeouts (postgres 15 s, commands 30 s by default) fit in this.
    idle_in_transaction_session_timeout: 120_000,
  });
  // An idle connection that dies reports here; without a listener it would crash the process.
  pool.on('error', onError);
  return pool;
}
