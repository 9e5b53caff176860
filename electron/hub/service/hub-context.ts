// What every part of the hub service shares: the pool, the current policy, the clock, the
// logger and the way credentials are minted. Passed explicitly; no module-level state.

import type pg from 'pg';
import type { CredentialProvider } from '../../broker/providers/provider';
import type { HubPolicy, ResourceProvider } from '../../../shared/policy/hub-policy-types';

/** Structured log lines: an event name and value-free fields (ids, codes, counts). */
export interface HubLogger {
  info(event: string, fields: Record<string, unknown>): void;
  warn(event: string, fields: Record<string, unknown>): void;
  error(event: string, fields: Record<string, unknown>): void;
}

/** Builds the provider that mints/revokes a resource's credential (tests substitute their own). */
export type GrantProviderFactory = (provider: ResourceProvider, resourceId: string) => CredentialProvider;

export interface HubContext {
  pool: pg.Pool;
  policy(): HubPolicy;
  clock(): Date;
  logger: HubLogger;
  providers: GrantProviderFactory;
}
