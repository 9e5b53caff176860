// Dynamic PostgreSQL credentials: one LOGIN role per lease, with a random password, VALID
// UNTIL the lease's end and only the template's grants; dropped (sessions terminated, owned
// objects reassigned to the admin) when the lease is revoked.
//
// DDL cannot take bind parameters, so every name is quoted with quoteIdent, every literal
// with quoteLiteral, grants come from a strict grammar (postgres-grants.ts), and the
// password is sent only as a SCRAM-SHA-256 verifier (never in plain text, even to the server).

import { randomBytes } from 'node:crypto';
import { withAdminConnection, type AdminClient, type PostgresServer } from './postgres-admin';
import { PostgresProviderError } from './postgres-errors';
import { grantStatement, parseGrant, type ParsedGrant } from './postgres-grants';
import { ProviderError, type CredentialProvider, type MintedCredential, type MintRequest } from './provider';
import { scramSha256Verifier } from './scram-verifier';
import { quoteIdent, quoteLiteral } from './sql-identifiers';

export type { PostgresServer } from './postgres-admin';

export interface PostgresProviderOptions {
  /** Template grants, e.g. "SELECT ON ALL TABLES IN SCHEMA public". Default: CONNECT on the database. */
  grants?: string[];
  /** The database the credential is for (default: the server's database). */
  database?: string;
}

/** What is persisted with the lease: enough to renew and revoke, never the password. */
export interface PostgresHandle {
  role: string;
  host: string;
  port: number;
  database: string;
  [key: string]: string | number;
}

export const POSTGRES_PROVIDER_TYPE = 'postgres';
/** latch_<up to 12 chars of the lease id>_<12 random hex>: the only roles this provider drops. */
export const MINTED_ROLE = /^latch_[a-z0-9]{1,12}_[0-9a-f]{12}$/;
const MIN_SERVER_VERSION = 100000; // SCRAM verifiers need PostgreSQL 10
const SESSION_EXIT_WAIT_MS = 5_000;

export function mintedRoleName(leaseId: string): string {
  const short = leaseId.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12) || 'lease';
  return `latch_${short}_${randomBytes(6).toString('hex')}`;
}

/** postgresql://user:password@host:port/database, every part encoded. */
export function postgresUrl(parts: { user: string; password: string; host: string; port: number; database: string; ssl?: boolean }): string {
  const host = parts.host.startsWith('/')
    ? encodeURIComponent(parts.host)
    : parts.host.includes(':') && !parts.host.startsWith('[')
      ? `[${parts.host}]`
      : parts.host;
  const query = parts.ssl === true ? '?sslmode=require' : '';
  return `postgresql://${encodeURIComponent(parts.user)}:${encodeURIComponent(parts.password)}@${host}:${parts.port}/${encodeURIComponent(parts.database)}${query}`;
}

function validUntil(expiresAt: Date, operation: string): string {
  if (Number.isNaN(expiresAt.getTime())) throw new ProviderError(`postgres provider: ${operation}: invalid expiry date`, false);
  if (expiresAt.getTime() <= Date.now()) throw new ProviderError(`postgres provider: ${operation}: the lease end is already past`, false);
  return expiresAt.toISOString();
}

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function createPostgresProvider(server: PostgresServer, options: PostgresProviderOptions = {}): CredentialProvider {
  const targetDatabase = options.database ?? server.database;

  function grantsToApply(): ParsedGrant[] {
    if (options.grants !== undefined && options.grants.length > 0) return options.grants.map(parseGrant);
    return [{ privileges: [{ privilege: 'CONNECT' }], target: { kind: 'DATABASE', names: [[targetDatabase]] } }];
  }

  function readHandle(handle: MintedCredential['handle'], operation: string): PostgresHandle {
    const { role, host, port, database } = handle;
    if (typeof role !== 'string' || !MINTED_ROLE.test(role) || role === server.adminUser) {
      throw new ProviderError(`postgres provider: ${operation}: the handle does not name a role minted by Latch`, false);
    }
    if (typeof database !== 'string' || database.length === 0 || typeof host !== 'string' || typeof port !== 'number') {
      throw new ProviderError(`postgres provider: ${operation}: malformed handle for role ${role}`, false);
    }
    if (host !== server.host || port !== server.port) {
      throw new ProviderError(`postgres provider: ${operation}: role ${role} lives on ${host}:${port}, not on the configured ${server.host}:${server.port}`, false);
    }
    return { role, host, port, database };
  }

  async function checkServerVersion(client: AdminClient): Promise<void> {
    const result = await client.query<{ version: string }>("SELECT current_setting('server_version_num') AS version");
    const version = Number(result.rows[0]?.version);
    if (!(version >= MIN_SERVER_VERSION)) {
      throw new ProviderError(`postgres provider: ${server.host}:${server.port} runs PostgreSQL ${version}; version 10 or later is required`, false);
    }
  }

  async function mint(request: MintRequest): Promise<MintedCredential> {
    const until = validUntil(request.expiresAt, 'mint');
    const grants = grantsToApply();
    const role = mintedRoleName(request.leaseId);
    const password = randomBytes(32).toString('base64url');
    const verifier = scramSha256Verifier(password);
    await withAdminConnection(server, targetDatabase, 'mint', [password, verifier], async (client) => {
      await checkServerVersion(client);
      await client.query('BEGIN');
      try {
        await client.query(
          `CREATE ROLE ${quoteIdent(role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION ` +
            `PASSWORD ${quoteLiteral(verifier)} VALID UNTIL ${quoteLiteral(until)}`,
        );
        for (const grant of grants) await client.query(grantStatement(grant, role));
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
    const handle: PostgresHandle = { role, host: server.host, port: server.port, database: targetDatabase };
    const value = postgresUrl({ user: role, password, host: server.host, port: server.port, database: targetDatabase, ssl: server.ssl });
    return { value, handle, expiresAt: new Date(until) };
  }

  async function renew(rawHandle: MintedCredential['handle'], expiresAt: Date): Promise<void> {
    const handle = readHandle(rawHandle, 'renew');
    const until = validUntil(expiresAt, 'renew');
    await withAdminConnection(server, handle.database, 'renew', [], async (client) => {
      try {
        await client.query(`ALTER ROLE ${quoteIdent(handle.role)} VALID UNTIL ${quoteLiteral(until)}`);
      } catch (error) {
        if (sqlState(error) === '42704') throw new ProviderError(`postgres provider: renew: role ${handle.role} no longer exists`, false);
        throw error;
      }
    });
  }

  /** REASSIGN + DROP OWNED act on the current database only (plus shared objects). */
  async function dropOwned(client: AdminClient, role: string): Promise<void> {
    await client.query(`REASSIGN OWNED BY ${quoteIdent(role)} TO CURRENT_USER`);
    await client.query(`DROP OWNED BY ${quoteIdent(role)}`);
  }

  async function terminateSessions(client: AdminClient, role: string): Promise<void> {
    const sessions = 'FROM pg_stat_activity WHERE usename = $1 AND pid <> pg_backend_pid()';
    await client.query(`SELECT pg_terminate_backend(pid) ${sessions}`, [role]);
    const deadline = Date.now() + SESSION_EXIT_WAIT_MS;
    for (;;) {
      const left = await client.query<{ n: number }>(`SELECT count(*)::int AS n ${sessions}`, [role]);
      if ((left.rows[0]?.n ?? 0) === 0) return;
      if (Date.now() > deadline) throw new ProviderError(`postgres provider: revoke: sessions of ${role} did not end within ${SESSION_EXIT_WAIT_MS} ms`, true);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function revokeOn(database: string, role: string): Promise<void> {
    await withAdminConnection(server, database, 'revoke', [], async (client) => {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (exists.rowCount === 0) return;
      // No new logins first, then end the live sessions: VALID UNTIL only guards logins.
      await client.query(`ALTER ROLE ${quoteIdent(role)} NOLOGIN`);
      await terminateSessions(client, role);
      // Objects the role owns or was granted in other databases must go first, or DROP ROLE fails.
      const elsewhere = await client.query<{ datname: string }>(
        `SELECT DISTINCT d.datname FROM pg_shdepend s JOIN pg_database d ON d.oid = s.dbid
         WHERE s.refclassid = 'pg_authid'::regclass AND s.refobjid = (SELECT oid FROM pg_roles WHERE rolname = $1)
           AND d.datname <> current_database() AND d.datallowconn`,
        [role],
      );
      for (const row of elsewhere.rows) {
        await withAdminConnection(server, row.datname, 'revoke', [], (other) => dropOwned(other, role));
      }
      await client.query('BEGIN');
      await dropOwned(client, role);
      await client.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`);
      await client.query('COMMIT');
    });
  }

  async function revoke(rawHandle: MintedCredential['handle']): Promise<void> {
    const handle = readHandle(rawHandle, 'revoke');
    try {
      await revokeOn(handle.database, handle.role);
    } catch (error) {
      // Gone meanwhile (a concurrent revoke): that is the goal.
      if (error instanceof PostgresProviderError && error.sqlState === '42704') return;
      // The lease's database was dropped: the role (cluster-wide) can still be removed from the admin database.
      if (error instanceof PostgresProviderError && error.sqlState === '3D000' && handle.database !== server.database) {
        await revokeOn(server.database, handle.role);
        return;
      }
      throw error;
    }
  }

  return { type: POSTGRES_PROVIDER_TYPE, mint, renew, revoke };
}
