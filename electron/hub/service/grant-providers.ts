// Where a resource's credential comes from: the broker's own providers, configured from the
// hub policy (postgres: a server named in the hub's config; command: the policy's command
// lines). The provider spec is stored with each grant, so a grant is revoked the way it was
// minted even after the policy changed or dropped the resource.

import { createCommandProvider } from '../../broker/providers/command-provider';
import { createPostgresProvider, type PostgresServer } from '../../broker/providers/postgres-provider';
import { ProviderError, type CredentialProvider } from '../../broker/providers/provider';
import type { ResourceProvider } from '../../../shared/policy/hub-policy-types';
import type { GrantProviderFactory } from './hub-context';

export function defaultGrantProviders(servers: Readonly<Record<string, PostgresServer>>): GrantProviderFactory {
  return (provider: ResourceProvider, resourceId: string): CredentialProvider => {
    if (provider.type === 'postgres') {
      const server = Object.hasOwn(servers, provider.server) ? servers[provider.server] : undefined;
      if (server === undefined) throw new ProviderError(`resource ${resourceId}: the hub has no database server named ${JSON.stringify(provider.server)}`, false);
      return createPostgresProvider(server, { grants: [...provider.grants], ...(provider.database !== undefined && { database: provider.database }) });
    }
    return createCommandProvider({
      mint: provider.mint,
      ...(provider.revoke !== undefined && { revoke: provider.revoke }),
      ...(provider.renew !== undefined && { renew: provider.renew }),
      ...(provider.timeoutSeconds !== undefined && { timeoutMs: provider.timeoutSeconds * 1000 }),
    });
  };
}

/** The env var a resource's credential is delivered as: DATABASE_URL for postgres, else the id as UPPER_SNAKE. */
export function credentialEnvName(resourceId: string, provider: ResourceProvider): string {
  if (provider.type === 'postgres') return 'DATABASE_URL';
  return resourceId.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** A failure message safe to store, show and log. */
export function providerFailureMessage(error: unknown): string {
  if (error instanceof ProviderError) return error.message;
  return `unexpected ${error instanceof Error ? error.name : 'error'} from the provider`;
}
