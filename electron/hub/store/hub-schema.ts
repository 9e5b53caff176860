// Bringing a hub database to the current schema. Every instance calls this at start; the
// migrations run in ONE transaction under an advisory lock, so two instances starting together
// neither apply a migration twice nor see a half-migrated schema.

import type pg from 'pg';
import { HUB_LOCKS } from './advisory-locks';
import { HUB_MIGRATIONS } from './hub-migrations';
import { withTransaction } from './transaction';

export const HUB_SCHEMA_VERSION = HUB_MIGRATIONS.reduce((max, migration) => Math.max(max, migration.version), 0);

/** Applies the missing migrations; returns the versions applied (empty when up to date). */
export async function migrateHubDatabase(pool: pg.Pool, now: () => Date = () => new Date()): Promise<number[]> {
  return withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [HUB_LOCKS.migrations]);
    await client.query(`CREATE TABLE IF NOT EXISTS hub_migrations (
      version     integer PRIMARY KEY,
      description text NOT NULL,
      applied_at  timestamptz NOT NULL
    )`);
    const current = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM hub_migrations');
    const version = current.rows[0]?.v ?? 0;
    if (version > HUB_SCHEMA_VERSION) {
      throw new Error(`hub database schema is version ${version}, newer than this hub's ${HUB_SCHEMA_VERSION}: upgrade the hub`);
    }
    const applied: number[] = [];
    for (const migration of [...HUB_MIGRATIONS].sort((a, b) => a.version - b.version)) {
      if (migration.version <= version) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO hub_migrations (version, description, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.description, now()]);
      applied.push(migration.version);
    }
    return applied;
  });
}

/** The schema version of a hub database (0 before the first migration). */
export async function hubSchemaVersion(pool: pg.Pool): Promise<number> {
  const exists = await pool.query<{ t: string | null }>("SELECT to_regclass('hub_migrations')::text AS t");
  if (exists.rows[0]?.t === null || exists.rows[0]?.t === undefined) return 0;
  const result = await pool.query<{ v: number | null }>('SELECT max(version) AS v FROM hub_migrations');
  return result.rows[0]?.v ?? 0;
}
