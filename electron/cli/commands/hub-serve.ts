// `latch hub serve`: one hub instance (run it again, on this or another host, for more; they
// share the database). Migrates the schema, refuses to start on config or policy errors,
// logs JSON lines on stdout, closes gracefully on SIGTERM/SIGINT and reloads the policy on SIGHUP.

import { readFileSync } from 'node:fs';
import { readHubPolicyFile } from '../../hub/config/hub-policy-file';
import { HubSecretError, hubServers } from '../../hub/config/hub-secrets';
import type { HubConfig } from '../../hub/config/hub-config';
import { createHubService } from '../../hub/service';
import { startHubServer } from '../../hub/transport';
import { boolFlag, stringFlag } from '../args';
import { CliFailure, type CommandContext } from '../context';
import { EXIT } from '../exit-codes';
import { databaseFailure, databaseUrl, hubConfig } from './hub-common';

interface JsonLogger {
  info(event: string, fields?: object): void;
  warn(event: string, fields?: object): void;
  error(event: string, fields?: object): void;
}

/** JSON lines on stdout (for journald, docker logs, a file): ids, codes and counts, never values. */
function jsonLogger(out: NodeJS.WritableStream): JsonLogger {
  const line = (level: string, event: string, fields: object = {}): void => {
    out.write(JSON.stringify({ at: new Date().toISOString(), level, event, pid: process.pid, ...fields }) + '\n');
  };
  return {
    info: (event, fields) => line('info', event, fields),
    warn: (event, fields) => line('warn', event, fields),
    error: (event, fields) => line('error', event, fields),
  };
}

function readFileOrFail(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new CliFailure('NOT_FOUND', `cannot read the ${what} ${path} (named in hub.yaml under tls:)`);
  }
}

function tlsFiles(config: HubConfig, insecure: boolean): { certPem: string; keyPem: string; caCertPem: string } | { caCertPem?: string } {
  if (insecure) {
    try {
      return { caCertPem: readFileSync(config.tls.ca, 'utf8') };
    } catch {
      return {};
    }
  }
  return { certPem: readFileOrFail(config.tls.cert, 'server certificate'), keyPem: readFileOrFail(config.tls.key, 'server key'), caCertPem: readFileOrFail(config.tls.ca, 'CA certificate') };
}

export async function hubServe(ctx: CommandContext): Promise<number> {
  const config = hubConfig(ctx);
  const portText = stringFlag(ctx.args, 'port');
  const port = portText === undefined ? config.listen.port : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliFailure('USAGE', '--port must be a port number (0 for any free port)');
  const host = stringFlag(ctx.args, 'host') ?? config.listen.host;
  const insecure = boolFlag(ctx.args, 'insecure-http');

  const policy = readHubPolicyFile(config.policy, Object.keys(config.servers));
  if (!policy.ok) {
    ctx.io.stderr.write(policy.problems.join('\n') + '\n');
    throw new CliFailure('TEMPLATE_INVALID', 'the hub policy has errors: not starting');
  }
  for (const warning of policy.warnings) ctx.io.stderr.write(warning + '\n');

  let servers;
  try {
    servers = hubServers(config, ctx.io.env);
  } catch (error) {
    if (error instanceof HubSecretError) throw new CliFailure('INVALID_INPUT', error.message);
    throw error;
  }
  const tls = tlsFiles(config, insecure);
  const logger = jsonLogger(ctx.io.stdout);
  let service;
  try {
    service = await createHubService({
      pool: { connectionString: databaseUrl(ctx, config), ...(config.database.poolSize !== undefined ? { maxConnections: config.database.poolSize } : {}) },
      policy: policy.policy,
      servers,
      logger,
    });
  } catch (error) {
    throw databaseFailure(error);
  }
  let server;
  try {
    server = await startHubServer({
      service,
      host,
      port,
      logger,
      ...('certPem' in tls ? { tls } : tls.caCertPem ? { caCertPem: tls.caCertPem } : {}),
    });
  } catch (error) {
    await service.close();
    const code = (error as { code?: unknown }).code;
    throw new CliFailure('INTERNAL', `cannot listen on ${host}:${port} (${typeof code === 'string' ? code : 'error'})`);
  }
  service.start();
  ctx.io.stderr.write(`latch hub: serving ${server.url}${insecure ? ' (plain HTTP: --insecure-http)' : ''} — pid ${process.pid}; SIGTERM or Ctrl-C stops, SIGHUP reloads the policy\n`);

  const reload = (): void => {
    const next = readHubPolicyFile(config.policy, Object.keys(config.servers));
    if (!next.ok) {
      logger.error('hub.policy.reload-refused', { problems: next.problems.length });
      ctx.io.stderr.write(next.problems.join('\n') + '\nlatch hub: policy NOT reloaded (errors above); the previous one stays\n');
      return;
    }
    service.setPolicy(next.policy);
  };
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.on('SIGHUP', reload);
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  process.off('SIGHUP', reload);
  ctx.io.stderr.write(`latch hub: ${signal}: closing\n`);
  await server.close();
  await service.close();
  return EXIT.OK;
}
