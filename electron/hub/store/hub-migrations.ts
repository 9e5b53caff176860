// The hub's PostgreSQL schema, as numbered migrations. Append-only: never edit a shipped
// migration, add the next number. Applied by migrateHubDatabase (hub-schema.ts).
//
// What is stored: members' PUBLIC keys, SHA-256 of invite codes (never the codes), requests
// and approvals, each grant's provider handle (ids only) and the credential SEALED to the
// requester (the hub cannot open it), used nonces, and the hash-chained audit log.

export interface HubMigration {
  version: number;
  description: string;
  sql: string;
}

export const HUB_MIGRATIONS: readonly HubMigration[] = [
  {
    version: 1,
    description: 'members, invites, nonces, requests, approvals, grants, audit',
    sql: `
      CREATE TABLE members (
        id          text PRIMARY KEY,
        name        text NOT NULL,
        groups      text[] NOT NULL DEFAULT '{}',
        signing_key text NOT NULL,
        sealing_key text NOT NULL,
        key_id      text NOT NULL UNIQUE,
        joined_at   timestamptz NOT NULL,
        disabled    boolean NOT NULL DEFAULT false
      );
      CREATE INDEX members_groups ON members USING gin (groups);

      CREATE TABLE invites (
        code_hash  text PRIMARY KEY,
        name       text NOT NULL,
        groups     text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at    timestamptz,
        member_id  text REFERENCES members (id)
      );

      CREATE TABLE nonces (
        key_id     text NOT NULL,
        nonce      text NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (key_id, nonce)
      );
      CREATE INDEX nonces_expiry ON nonces (expires_at);

      CREATE TABLE requests (
        id                 text PRIMARY KEY,
        resource           text NOT NULL,
        requester_id       text NOT NULL REFERENCES members (id),
        reason             text NOT NULL,
        requested_seconds  integer NOT NULL CHECK (requested_seconds > 0),
        granted_seconds    integer NOT NULL CHECK (granted_seconds > 0),
        state              text NOT NULL CHECK (state IN ('pending', 'approved', 'active', 'expired', 'revoked', 'denied', 'cancelled', 'timed-out')),
        approvals_required integer NOT NULL CHECK (approvals_required >= 1),
        created_at         timestamptz NOT NULL,
        pending_until      timestamptz NOT NULL,
        starts_at          timestamptz,
        ends_at            timestamptz,
        decided_by         text REFERENCES members (id),
        comment            text,
        updated_at         timestamptz NOT NULL,
        revocation_error   text,
        revoke_attempts    integer NOT NULL DEFAULT 0,
        next_revoke_at     timestamptz
      );
      CREATE INDEX requests_by_requester ON requests (requester_id, created_at DESC);
      CREATE INDEX requests_by_resource ON requests (resource, created_at DESC);
      CREATE INDEX requests_pending_until ON requests (pending_until) WHERE state = 'pending';
      CREATE INDEX requests_active_until ON requests (ends_at) WHERE state = 'active';
      CREATE INDEX requests_revocation_owed ON requests (next_revoke_at) WHERE next_revoke_at IS NOT NULL;

      CREATE TABLE approvals (
        request_id       text NOT NULL REFERENCES requests (id),
        approver_id      text NOT NULL REFERENCES members (id),
        at               timestamptz NOT NULL,
        comment          text,
        duration_seconds integer CHECK (duration_seconds > 0),
        PRIMARY KEY (request_id, approver_id)
      );

      -- provider: the resource's provider spec at mint time (so a later policy change cannot
      -- orphan a grant); handle: the provider's ids (never the secret); sealed: the SealedBox.
      CREATE TABLE grants (
        request_id    text PRIMARY KEY REFERENCES requests (id),
        provider_type text NOT NULL,
        provider      jsonb NOT NULL,
        handle        jsonb NOT NULL,
        sealed        jsonb NOT NULL,
        ends_at       timestamptz NOT NULL,
        revoked_at    timestamptz
      );

      CREATE TABLE audit (
        seq        bigserial PRIMARY KEY,
        at         timestamptz NOT NULL,
        action     text NOT NULL,
        actor_id   text,
        request_id text,
        details    jsonb NOT NULL,
        proof      jsonb,
        prev_hash  text NOT NULL,
        hash       text NOT NULL
      );
      CREATE INDEX audit_by_request ON audit (request_id, seq) WHERE request_id IS NOT NULL;

      CREATE FUNCTION hub_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the hub audit log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION hub_audit_append_only();
      CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION hub_audit_append_only();
    `,
  },
];
