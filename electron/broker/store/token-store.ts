import type { TokenDetail, TokenMeta } from '../../../shared/contract';
import { rotationDueAt, tokenStatus } from '../../../shared/vault/token-status';
import type { Database } from './database';

/** Metadata only. This table never holds a value: values live in the OS keychain. */
export interface TokenRecord {
  id: string;
  name: string;
  kind: string;
  owner: string | null;
  scopes: string[];
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  expiresAt: string | null;
  lastRotatedAt: string | null;
  rotationPeriodDays: number | null;
}

interface TokenRow {
  id: string;
  name: string;
  kind: string;
  owner: string | null;
  scopes: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
  expires_at: string | null;
  last_rotated_at: string | null;
  rotation_period_days: number | null;
}

function fromRow(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    owner: row.owner,
    scopes: JSON.parse(row.scopes) as string[],
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
    lastRotatedAt: row.last_rotated_at,
    rotationPeriodDays: row.rotation_period_days,
  };
}

export function toTokenMeta(record: TokenRecord, now: number): TokenMeta {
  return { ...record, rotationDueAt: rotationDueAt(record), status: tokenStatus(record, now) };
}

export class NameTakenError extends Error {
  constructor() {
    super('name taken');
    this.name = 'NameTakenError';
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed: tokens\.name/.test(error.message);
}

export class TokenStore {
  constructor(private readonly db: Database) {}

  insert(record: TokenRecord): void {
    try {
      this.db
        .prepare(
          `INSERT INTO tokens (id, name, kind, owner, scopes, notes, created_at, updated_at, expires_at, last_rotated_at, rotation_period_days)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          record.id,
          record.name,
          record.kind,
          record.owner,
          JSON.stringify(record.scopes),
          record.notes,
          record.createdAt,
          record.updatedAt,
          record.expiresAt,
          record.lastRotatedAt,
          record.rotationPeriodDays,
        );
    } catch (error) {
      if (isUniqueViolation(error)) throw new NameTakenError();
      throw error;
    }
  }

  byName(name: string): TokenRecord | null {
    const row = this.db.prepare('SELECT * FROM tokens WHERE name = ?').get(name) as TokenRow | undefined;
    return row ? fromRow(row) : null;
  }

  list(): TokenRecord[] {
    return (this.db.prepare('SELECT * FROM tokens ORDER BY name').all() as TokenRow[]).map(fromRow);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM tokens').get() as { n: number }).n;
  }

  update(record: TokenRecord): void {
    try {
      this.db
        .prepare(
          `UPDATE tokens SET name = ?, kind = ?, owner = ?, scopes = ?, notes = ?, updated_at = ?, expires_at = ?,
             last_rotated_at = ?, rotation_period_days = ? WHERE id = ?`,
        )
        .run(
          record.name,
          record.kind,
          record.owner,
          JSON.stringify(record.scopes),
          record.notes,
          record.updatedAt,
          record.expiresAt,
          record.lastRotatedAt,
          record.rotationPeriodDays,
          record.id,
        );
    } catch (error) {
      if (isUniqueViolation(error)) throw new NameTakenError();
      throw error;
    }
  }

  recordRotation(id: string, at: string): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE tokens SET last_rotated_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
      this.db.prepare('INSERT INTO token_rotations (token_id, rotated_at) VALUES (?, ?)').run(id, at);
    })();
  }

  rotations(id: string): string[] {
    return (
      this.db.prepare('SELECT rotated_at FROM token_rotations WHERE token_id = ? ORDER BY rotated_at').all(id) as Array<{
        rotated_at: string;
      }>
    ).map((row) => row.rotated_at);
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM tokens WHERE id = ?').run(id);
  }

  detail(record: TokenRecord, now: number): TokenDetail {
    return { ...toTokenMeta(record, now), rotations: this.rotations(record.id) };
  }
}
