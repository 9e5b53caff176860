import { boolFlag, stringFlag } from '../args';
import { CliFailure, type CommandContext } from '../context';
import { EXIT } from '../exit-codes';
import { readSecretValue } from '../secret-input';
import { formatTable } from '../table';
import { projectRef } from './project';
import { ttlFlag } from './run';

export async function renew(ctx: CommandContext): Promise<number> {
  const lease = stringFlag(ctx.args, 'lease');
  const session = ctx.io.env.LATCH_SESSION;
  if (lease === undefined && !session) throw new CliFailure('USAGE', 'not inside a Latch session: pass --lease ID (see `latch lease ls`)');
  const ttlSeconds = ttlFlag(ctx);
  const info = await ctx.call('lease.renew', {
    ...(lease !== undefined ? { lease } : { session: session as string }),
    ...(ttlSeconds !== undefined && { ttlSeconds }),
  });
  ctx.io.stderr.write(`Lease ${info.id} renewed until ${info.expiresAt} (max ${info.maxExpiresAt}).\n`);
  return EXIT.OK;
}

export async function leaseList(ctx: CommandContext): Promise<number> {
  const leases = await ctx.call('lease.list', {});
  if (boolFlag(ctx.args, 'json')) {
    ctx.printJson(leases);
    return EXIT.OK;
  }
  if (leases.length === 0) {
    ctx.print('No leases yet. Start one with `latch shell` or `latch run -- CMD`.');
    return EXIT.OK;
  }
  ctx.print(
    formatTable(
      ['LEASE', 'PROJECT', 'KIND', 'STATE', 'EXPIRES', 'RENEWALS', 'REVOCATIONS OWED'],
      leases.map((l) => [
        l.id,
        l.project,
        l.kind,
        l.state,
        l.expiresAt.replace('T', ' ').slice(0, 19),
        String(l.renewals),
        l.secrets.filter((s) => s.revocation === 'owed').map((s) => `${s.name} (${s.attempts} tries)`).join(', ') || '-',
      ]),
    ),
  );
  return EXIT.OK;
}

export async function leaseRevoke(ctx: CommandContext): Promise<number> {
  const project = stringFlag(ctx.args, 'project');
  const id = ctx.args.positionals[0];
  if (project !== undefined) {
    const { revoked } = await ctx.call('lease.revokeProject', { project: projectRef(ctx, project) });
    ctx.io.stderr.write(`Revoked ${revoked} leases.\n`);
    return EXIT.OK;
  }
  if (id === undefined) throw new CliFailure('USAGE', 'give a lease id or --project');
  const info = await ctx.call('lease.revoke', { lease: id });
  ctx.io.stderr.write(`Lease ${info.id} is ${info.state}.\n`);
  return EXIT.OK;
}

export async function providerAddPostgres(ctx: CommandContext): Promise<number> {
  const name = ctx.args.positionals[0] as string;
  const need = (flag: string): string => {
    const value = stringFlag(ctx.args, flag);
    if (value === undefined) throw new CliFailure('USAGE', `--${flag} is required`);
    return value;
  };
  const port = Number(need('port'));
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new CliFailure('USAGE', '--port must be a port number');
  const adminPassword = await readSecretValue(ctx.io, `the admin password of ${name}`);
  const info = await ctx.call('provider.addPostgres', { name, host: need('host'), port, database: need('database'), adminUser: need('admin-user'), adminPassword });
  ctx.io.stderr.write(`Postgres server "${info.name}" configured (${info.adminUser}@${info.host}:${info.port}/${info.database}); its password is in the OS keychain.\n`);
  return EXIT.OK;
}

export async function providerList(ctx: CommandContext): Promise<number> {
  const servers = await ctx.call('provider.list', {});
  if (boolFlag(ctx.args, 'json')) ctx.printJson(servers);
  else if (servers.length === 0) ctx.print('No provider servers. Add one with `latch provider add-postgres NAME …`.');
  else ctx.print(formatTable(['NAME', 'TYPE', 'ENDPOINT', 'ADMIN'], servers.map((s) => [s.name, s.type, `${s.host}:${s.port}/${s.database}`, s.adminUser])));
  return EXIT.OK;
}
