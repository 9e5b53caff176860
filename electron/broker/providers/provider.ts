// One interface for every source of dynamic credentials (mint, renew, revoke). Leases call
// these; providers never decide lifetimes themselves.

export interface MintRequest {
  leaseId: string;
  projectId: string;
  /** The env var the credential is injected as (e.g. DATABASE_URL). */
  secretName: string;
  /** When the lease ends: the credential must not outlive it. */
  expiresAt: Date;
}

export interface MintedCredential {
  /** The value injected into the shell (e.g. a postgres:// URL). */
  value: string;
  /**
   * Everything needed later to renew/revoke, persisted with the lease (JSON-serialisable).
   * Must not contain the secret value itself (e.g. a role name, never its password).
   */
  handle: Record<string, string | number | boolean | null>;
  /** When the provider says the credential ends, if it knows (may be earlier than the lease). */
  expiresAt?: Date;
}

export interface CredentialProvider {
  readonly type: string;
  mint(request: MintRequest): Promise<MintedCredential>;
  /** Extend the credential to the lease's new end. */
  renew(handle: MintedCredential['handle'], expiresAt: Date): Promise<void>;
  /** Revoke at the source. Idempotent: revoking something already gone succeeds. */
  revoke(handle: MintedCredential['handle']): Promise<void>;
}

/** A provider failure with a message safe to show (no secret values). */
export class ProviderError extends Error {
  constructor(
    message: string,
    /** Whether retrying later may succeed (network down, server restarting). */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
