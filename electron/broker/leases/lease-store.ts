import type { LeaseInfo, LeaseKind } from '../../../shared/contract';
import type { Database } from '../store/database';

export interface LeaseRecord {
  id: string;
  projectId: string;
  projectPath: string;
  environment: string | null;
  kind: LeaseKind;
  state: LeaseInfo['state'];
  issuedAt: string;
  expiresAt: string;
  maxExpiresAt: string;
  ttlSeconds: number;
  renewals: number;
  client: string;
  onExpiry: 'end-shell' | 'stub-only';
  sessionHash: string;
  endedAt: string | null;
  endReason: string | null;
}

export interface LeaseSecretRecord {
  leaseId: string;
  name: string;
  /** stub | keychain:<token> | postgres | command */
  source: string;
  /** The template's provider object (JSON), for revoking after a restart. No values. */
  providerSpec: string | null;
  /** The provider's handle (JSON). No values. */
  handle: string | null;
  revocation: 'none' | 'owed' | 'done';
  attempts: number;
  nextRetryAt: string | null;
  lastError: string | null;
}

interface LeaseRow {
  id: string;
  project_id: string;
  project_path: string;
  environment: string | null;
  kind: LeaseKind;
  state: LeaseInfo['state'];
  issued_at: string;
  expires_at: string;
  max_expires_at: string;
  ttl_seconds: number;
  renewals: number;
  client: string;
  on_expiry: 'end-shell' | 'stub-only';
  session_hash: string;
  ended_at: string | null;
  end_reason: string | null;
}

interface SecretRow {
  lease_id: string;
  name: string;
  source: string;
  provider_spec: string | null;
  handle: string | null;
  revocation: 'none' | 'owed' | 'done';
  attempts: number;
  next_retry_at: string | null;
  last_error: string | null;
}

const lease = (r: LeaseRow): LeaseRecord => ({
  id: r.id,
  projectId: r.project_id,
  projectPath: r.project_path,
  environment: r.environment,
  kind: r.kind,
  state: r.state,
  issuedAt: r.issued_at,
  expiresAt: r.expires_at,
  maxExpiresAt: r.max_expires_at,
  ttlSeconds: r.ttl_seconds,
  renewals: r.renewals,
  client: r.client,
  onExpiry: r.on_expiry,
  sessionHash: r.session_hash,
  endedAt: r.ended_at,
  endReason: r.end_reason,
});

const secret = (r: SecretRow): LeaseSecretRecord => ({
  leaseId: r.lease_id,
  name: r.name,
  source: r.source,
  providerSpec: r.provider_spec,
  handle: r.handle,
  revocation: r.revocation,
  attempts: r.attempts,
  nextRetryAt: r.next_retry_at,
  lastError: r.last_error,
});

/** Leases and what they injected (sources and provider handles, never values). */
export class LeaseStore {
  constructor(private readonly db: Database) {}

  insert(record: LeaseRecord, secrets: readonly LeaseSecretRecord[]): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO leases (id, project_id, project_path, environment, kind, state, issued_at, expires_at, max_expires_at,
             ttl_seconds, renewals, client, on_expiry, session_hash, ended_at, end_reason)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(record.id, record.projectId, record.projectPath, record.environment, record.kind, record.state, record.issuedAt, record.expiresAt, record.maxExpiresAt, record.ttlSeconds, record.renewals, record.client, record.onExpiry, record.sessionHash, record.endedAt, record.endReason);
      const insertSecret = this.db.prepare(
        `INSERT INTO lease_secrets (lease_id, name, source, provider_spec, handle, revocation, attempts, next_retry_at, last_error)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const s of secrets) insertSecret.run(s.leaseId, s.name, s.source, s.providerSpec, s.handle, s.revocation, s.attempts, s.nextRetryAt, s.lastError);
    })();
  }

  get(id: string): LeaseRecord | null {
    const row = this.db.prepare('SELECT * FROM leases WHERE id = ?').get(id) as LeaseRow | undefined;
    return row ? lease(row) : null;
  }

  bySessionHash(hash: string): LeaseRecord | null {
    const row = this.db.prepare('SELECT * FROM leases WHERE session_hash = ?').get(hash) as LeaseRow | undefined;
    return row ? lease(row) : null;
  }

  list(limit = 200): LeaseRecord[] {
    return (this.db.prepare("SELECT * FROM leases ORDER BY CASE WHEN state IN ('active','expiring') THEN 0 ELSE 1 END, issued_at DESC LIMIT ?").all(limit) as LeaseRow[]).map(lease);
  }

  live(): LeaseRecord[] {
    return (this.db.prepare("SELECT * FROM leases WHERE state IN ('active','expiring')").all() as LeaseRow[]).map(lease);
  }

  secrets(leaseId: string): LeaseSecretRecord[] {
    return (this.db.prepare('SELECT * FROM lease_secrets WHERE lease_id = ? ORDER BY rowid').all(leaseId) as SecretRow[]).map(secret);
  }

  owed(): LeaseSecretRecord[] {
    return (this.db.prepare("SELECT * FROM lease_secrets WHERE revocation = 'owed'").all() as SecretRow[]).map(secret);
  }

  setState(id: string, state: LeaseInfo['state'], endedAt: string | null = null, endReason: string | null = null): void {
    this.db.prepare('UPDATE leases SET state = ?, ended_at = COALESCE(?, ended_at), end_reason = COALESCE(?, end_reason) WHERE id = ?').run(state, endedAt, endReason, id);
  }

  renew(id: string, expiresAt: string): void {
    this.db.prepare("UPDATE leases SET expires_at = ?, renewals = renewals + 1, state = 'active' WHERE id = ?").run(expiresAt, id);
  }

  setRevocation(leaseId: string, name: string, revocation: LeaseSecretRecord['revocation'], patch: { attempts?: number; nextRetryAt?: string | null; lastError?: string | null } = {}): void {
    this.db
      .prepare('UPDATE lease_secrets SET revocation = ?, attempts = COALESCE(?, attempts), next_retry_at = ?, last_error = ? WHERE lease_id = ? AND name = ?')
      .run(revocation, patch.attempts ?? null, patch.nextRetryAt ?? null, patch.lastError ?? null, leaseId, name);
  }

  /** Provider servers (postgres admin endpoints); passwords live in the keychain. */
  putServer(name: string, type: string, config: Record<string, unknown>): void {
    this.db.prepare('INSERT INTO provider_servers (name, type, config) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET type = excluded.type, config = excluded.config').run(name, type, JSON.stringify(config));
  }

  server(name: string): { name: string; type: string; config: Record<string, unknown> } | null {
    const row = this.db.prepare('SELECT * FROM provider_servers WHERE name = ?').get(name) as { name: string; type: string; config: string } | undefined;
    return row ? { name: row.name, type: row.type, config: JSON.parse(row.config) as Record<string, unknown> } : null;
  }

  servers(): Array<{ name: string; type: string; config: Record<string, unknown> }> {
    return (this.db.prepare('SELECT * FROM provider_servers ORDER BY name').all() as Array<{ name: string; type: string; config: string }>).map((row) => ({
      name: row.name,
      type: row.type,
      config: JSON.parse(row.config) as Record<string, unknown>,
    }));
  }
}
