// Advisory lock keys shared by every hub instance on one database (pg_advisory_*lock(bigint)).
// Fixed numbers rather than hashtext(), whose output is not promised across versions.

export const HUB_LOCKS = {
  /** Held while migrations are checked and applied. */
  migrations: '7301000001',
  /** Held (transaction-level) while an audit entry is chained and appended. */
  audit: '7301000002',
  /** Tried by the sweeper so only one instance purges old nonces at a time. */
  noncePurge: '7301000003',
} as const;
