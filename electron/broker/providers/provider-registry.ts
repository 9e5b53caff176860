import { ContractFailure } from '../../../shared/contract';
import type { Provider } from '../../../shared/manifest';
import { INTERNAL_SERVICE, type Keychain } from '../keychain/keychain';
import type { LeaseStore } from '../leases/lease-store';
import { createCommandProvider } from './command-provider';
import { createPostgresProvider } from './postgres-provider';
import type { CredentialProvider } from './provider';

export interface PostgresServerConfig {
  host: string;
  port: number;
  database: string;
  adminUser: string;
}

const serverAccount = (name: string): string => `postgres-server:${name}`;

/** Builds providers from a template's provider object and the configured servers. */
export class ProviderRegistry {
  constructor(
    private readonly store: LeaseStore,
    private readonly keychain: Keychain,
  ) {}

  async addPostgresServer(name: string, config: PostgresServerConfig, adminPassword: string): Promise<void> {
    await this.keychain.set(INTERNAL_SERVICE, serverAccount(name), adminPassword);
    this.store.putServer(name, 'postgres', { ...config });
  }

  listServers(): Array<PostgresServerConfig & { name: string; type: string }> {
    return this.store.servers().map((s) => ({ name: s.name, type: s.type, ...(s.config as unknown as PostgresServerConfig) }));
  }

  /** `cwd`: the project folder, so templates can name commands relative to it. */
  async build(spec: Provider, cwd?: string): Promise<CredentialProvider> {
    if (spec.type === 'command') {
      return createCommandProvider({ mint: spec.mint, ...(spec.revoke !== undefined && { revoke: spec.revoke }), ...(cwd !== undefined && { cwd }) });
    }
    const name = spec.server ?? spec.resource;
    if (name === undefined) throw new ContractFailure('TEMPLATE_INVALID', 'a postgres provider needs `server:` (or `resource:`)');
    const server = this.store.server(name);
    if (!server) {
      throw new ContractFailure(
        'NOT_FOUND',
        `no postgres server "${name}" is configured: latch provider add-postgres ${name} --host H --port P --database D --admin-user U`,
      );
    }
    const config = server.config as unknown as PostgresServerConfig;
    const adminPassword = await this.keychain.get(INTERNAL_SERVICE, serverAccount(name));
    if (adminPassword === null) throw new ContractFailure('NOT_FOUND', `the admin password of postgres server "${name}" is missing from the keychain; add the server again`);
    return createPostgresProvider(
      { host: config.host, port: config.port, database: spec.database ?? config.database, adminUser: config.adminUser, adminPassword },
      { ...(spec.grants !== undefined && { grants: spec.grants }), ...(spec.database !== undefined && { database: spec.database }) },
    );
  }
}
