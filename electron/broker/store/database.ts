import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Libsql from 'libsql';
import { MIGRATIONS } from './migrations';

export type Database = Libsql.Database;

/**
 * Open (and migrate) the embedded SQLite store. WAL mode, so a SIGTERM/SIGKILL at any
 * point leaves a consistent database; the file is 0600 in a 0700 folder.
 */
export function openDatabase(file: string): Database {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  }
  const fresh = file === ':memory:' || !existsSync(file);
  const db = new Libsql(file);
  if (fresh && file !== ':memory:') chmodSync(file, 0o600);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db);
  reusePreparedStatements(db);
  return db;
}

/** Bound on distinct SQL texts kept (dynamic filters make a few dozen variants at most). */
const MAX_CACHED_STATEMENTS = 256;

/**
 * Prepared statements are kept by SQL text and reused: preparing costs about ten times
 * running a small statement, and the broker runs the same few dozen over and over (a
 * lease takes some 60). A statement is stateless between runs (no pluck/raw mode is used).
 */
function reusePreparedStatements(db: Database): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, ReturnType<typeof prepare>>();
  const cached = (sql: string): ReturnType<typeof prepare> => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
      statement = prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  // The generic signature only types the bind parameters; the statement is the same object.
  db.prepare = cached as Database['prepare'];
}

export function schemaVersion(db: Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null } | undefined;
  return row?.v ?? 0;
}

function migrate(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const current = schemaVersion(db);
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        migration.version,
        new Date().toISOString(),
      );
    })();
  }
}
