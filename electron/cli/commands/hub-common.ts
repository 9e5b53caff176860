// What the `latch hub …` commands share: the hub folder, its config, an admin database pool.
// None of them talks to the local broker.

import { resolve } from 'node:path';
import type pg from 'pg';
import { HubConfigError, loadHubConfig, type HubConfig } from '../../hub/config/hub-config';
import { HubSecretError, hubDatabaseUrl } from '../../hub/config/hub-secrets';
import { HubError } from '../../hub/service-types';
import { createHubPool, migrateHubDatabase } from '../../hub/service';
import { stringFlag } from '../args';
import { CliFailure, type CommandContext } from '../context';

export const DEFAULT_HUB_DIR = 'latch-hub';

export function hubDir(ctx: CommandContext): string {
  return resolve(stringFlag(ctx.args, 'dir') ?? ctx.io.env.LATCH_HUB_DIR ?? DEFAULT_HUB_DIR);
}

/** hub.yaml, or a CliFailure listing FILE:LINE:COL problems (exit 9). Warnings go to stderr. */
export function hubConfig(ctx: CommandContext): HubConfig {
  try {
    const { config, warnings } = loadHubConfig(hubDir(ctx));
    for (const warning of warnings) ctx.io.stderr.write(`warning: ${warning}\n`);
    return config;
  } catch (error) {
    if (error instanceof HubConfigError) throw new CliFailure('TEMPLATE_INVALID', `invalid hub config:\n${error.message}`);
    throw error;
  }
}

export function databaseUrl(ctx: CommandContext, config: HubConfig): string {
  try {
    return hubDatabaseUrl(config, ctx.io.env);
  } catch (error) {
    if (error instanceof HubSecretError) throw new CliFailure('INVALID_INPUT', error.message);
    throw error;
  }
}

/** A small pool on the hub database, schema migrated; the caller ends it. */
export async function adminPool(ctx: CommandContext, config: HubConfig): Promise<pg.Pool> {
  const pool = createHubPool({ connectionString: databaseUrl(ctx, config), maxConnections: 2, application_name: 'latch-hub-admin' });
  try {
    await migrateHubDatabase(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw databaseFailure(error);
  }
  return pool;
}

/** A database error as one line: its code, never the URL or a password. */
export function databaseFailure(error: unknown): CliFailure {
  if (error instanceof CliFailure) return error;
  if (error instanceof HubError) return cliFailureFor(error);
  const code = (error as { code?: unknown } | null)?.code;
  return new CliFailure('INTERNAL', `cannot use the hub database (${typeof code === 'string' ? code : error instanceof Error ? error.name : 'error'}); check database: in hub.yaml`);
}

export function cliFailureFor(error: HubError): CliFailure {
  const code = error.code === 'NOT_FOUND' ? 'NOT_FOUND' : error.code === 'INVALID_INPUT' ? 'INVALID_INPUT' : error.status === 401 || error.status === 403 ? 'UNAUTHORIZED' : 'INTERNAL';
  return new CliFailure(code, error.message);
}
