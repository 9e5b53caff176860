// Reading the secrets hub.yaml points at (database URL, admin passwords) from the environment
// or from files only their owner can read. Error messages name the source, never the value.

import { readFileSync, statSync } from 'node:fs';
import type { PostgresServer } from '../../broker/providers/postgres-admin';
import type { HubConfig, HubSecretSource } from './hub-config';

export class HubSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HubSecretError';
  }
}

/** The secret's value; throws HubSecretError saying which source is missing or unsafe. */
export function readHubSecret(source: HubSecretSource, what: string, env: NodeJS.ProcessEnv): string {
  if (source.value !== undefined) return source.value;
  if (source.env !== undefined) {
    const value = env[source.env];
    if (value === undefined || value.trim() === '') throw new HubSecretError(`${what}: environment variable ${source.env} is not set`);
    return value.trim();
  }
  const file = source.file as string;
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    throw new HubSecretError(`${what}: cannot read ${file}`);
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new HubSecretError(`${what}: ${file} is readable by others (mode ${(mode & 0o777).toString(8)}); run chmod 600 ${file}`);
  }
  const value = readFileSync(file, 'utf8').trim();
  if (value === '') throw new HubSecretError(`${what}: ${file} is empty`);
  return value;
}

export function hubDatabaseUrl(config: HubConfig, env: NodeJS.ProcessEnv): string {
  return readHubSecret(config.database, 'database URL', env);
}

/** Every configured production server with its admin password read. */
export function hubServers(config: HubConfig, env: NodeJS.ProcessEnv): Record<string, PostgresServer> {
  const servers: Record<string, PostgresServer> = {};
  for (const [name, server] of Object.entries(config.servers)) {
    servers[name] = {
      host: server.host,
      port: server.port,
      database: server.database,
      adminUser: server.adminUser,
      adminPassword: readHubSecret(server.adminPassword, `servers.${name} admin password`, env),
      ...(server.ssl ? { ssl: true } : {}),
    };
  }
  return servers;
}
