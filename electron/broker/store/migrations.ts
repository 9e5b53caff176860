export interface Migration {
  version: number;
  sql: string;
}

/** Append-only list: never edit a shipped migration, add the next version. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        owner TEXT,
        scopes TEXT NOT NULL DEFAULT '[]',
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        expires_at TEXT,
        last_rotated_at TEXT,
        rotation_period_days INTEGER
      );
      CREATE TABLE token_rotations (
        token_id TEXT NOT NULL REFERENCES tokens(id) ON DELETE CASCADE,
        rotated_at TEXT NOT NULL
      );
      CREATE INDEX token_rotations_by_token ON token_rotations(token_id, rotated_at);

      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        client TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        outcome TEXT NOT NULL,
        detail TEXT,
        value_hmac TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_by_action ON audit(action);
      CREATE INDEX audit_by_target ON audit(target);
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE projects (
        path TEXT PRIMARY KEY,
        id TEXT NOT NULL,
        template_file TEXT NOT NULL,
        source TEXT NOT NULL,
        added_at TEXT NOT NULL
      );
      CREATE INDEX projects_by_id ON projects(id);
      CREATE TABLE stub_rotations (
        project_id TEXT NOT NULL,
        name TEXT NOT NULL,
        rotation INTEGER NOT NULL,
        rotated_at TEXT NOT NULL,
        PRIMARY KEY (project_id, name)
      );
    `,
  },
  {
    version: 3,
    sql: `
      CREATE TABLE leases (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL,
        project_path TEXT NOT NULL,
        environment TEXT,
        kind TEXT NOT NULL,
        state TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        max_expires_at TEXT NOT NULL,
        ttl_seconds INTEGER NOT NULL,
        renewals INTEGER NOT NULL DEFAULT 0,
        client TEXT NOT NULL,
        on_expiry TEXT NOT NULL,
        session_hash TEXT NOT NULL,
        ended_at TEXT,
        end_reason TEXT
      );
      CREATE INDEX leases_by_state ON leases(state);
      CREATE TABLE lease_secrets (
        lease_id TEXT NOT NULL REFERENCES leases(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        source TEXT NOT NULL,
        provider_spec TEXT,
        handle TEXT,
        revocation TEXT NOT NULL DEFAULT 'none',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_retry_at TEXT,
        last_error TEXT,
        PRIMARY KEY (lease_id, name)
      );
      CREATE TABLE provider_servers (
        name TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        config TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    sql: `
      CREATE TABLE workspaces (path TEXT PRIMARY KEY, source TEXT NOT NULL, added_at TEXT NOT NULL);
      CREATE TABLE findings (
        fingerprint TEXT PRIMARY KEY,
        workspace TEXT NOT NULL,
        file TEXT NOT NULL,
        line INTEGER NOT NULL,
        col INTEGER NOT NULL,
        end_line INTEGER NOT NULL,
        end_col INTEGER NOT NULL,
        rule TEXT NOT NULL,
        provider TEXT NOT NULL,
        severity TEXT NOT NULL,
        kind TEXT NOT NULL,
        redacted TEXT NOT NULL,
        message TEXT NOT NULL,
        tracked INTEGER NOT NULL,
        state TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        closed_at TEXT,
        offset INTEGER NOT NULL,
        length INTEGER NOT NULL
      );
      CREATE INDEX findings_by_file ON findings(workspace, file, state);
    `,
  },
  {
    version: 5,
    sql: `
      CREATE TABLE hub_membership (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hub_url TEXT NOT NULL,
        ca_pem TEXT NOT NULL,
        member_id TEXT NOT NULL,
        member_name TEXT NOT NULL,
        groups TEXT NOT NULL,
        key_id TEXT NOT NULL,
        signing_public TEXT NOT NULL,
        sealing_public TEXT NOT NULL,
        joined_at TEXT NOT NULL
      );
    `,
  },
];
