import { resolve } from 'node:path';
import { parseDuration } from '../../../shared/manifest/model/duration';
import { boolFlag, stringFlag } from '../args';
import { CliFailure, type CommandContext } from '../context';

export function ttlFlag(ctx: CommandContext): number | undefined {
  const text = stringFlag(ctx.args, 'ttl');
  if (text === undefined) return undefined;
  const seconds = parseDuration(text);
  if (seconds === undefined || seconds < 5) throw new CliFailure('USAGE', `--ttl: "${text}" is not a duration of at least 5s (e.g. 90s, 15m, 1h)`);
  return seconds;
}

export function refuseNesting(ctx: CommandContext): void {
  if (ctx.io.env.LATCH_SESSION && !boolFlag(ctx.args, 'nested')) {
    throw new CliFailure(
      'CONFLICT',
      `already inside a Latch session for ${ctx.io.env.LATCH_PROJECT ?? 'a project'} (LATCH_SESSION is set); pass --nested to start another inside it`,
    );
  }
}

/** `endOnDisconnect`: the broker ends the lease when this CLI's connection closes (see `run`). */
export async function startLease(ctx: CommandContext, kind: 'run' | 'session', options: { endOnDisconnect?: boolean } = {}) {
  const environment = stringFlag(ctx.args, 'environment');
  const ttlSeconds = ttlFlag(ctx);
  return ctx.call('lease.create', {
    project: resolve(stringFlag(ctx.args, 'project') ?? ctx.args.positionals[0] ?? '.'),
    kind,
    ...(environment !== undefined && { environment }),
    ...(ttlSeconds !== undefined && { ttlSeconds }),
    ...(options.endOnDisconnect === true && { endOnDisconnect: true }),
  });
}

/** A lease bound to this CLI's connection; `bound` is false with a broker too old for that. */
async function startRunLease(ctx: CommandContext) {
  try {
    return { ...(await startLease(ctx, 'run', { endOnDisconnect: true })), bound: true };
  } catch (error) {
    if (!(error instanceof CliFailure && error.code === 'INVALID_INPUT' && error.message.includes('endOnDisconnect'))) throw error;
    return { ...(await startLease(ctx, 'run')), bound: false };
  }
}

/** `latch run -- CMD ARGS…`: run a command with the project's lease injected, output masked. */
export async function run(ctx: CommandContext): Promise<number> {
  const [command, ...args] = ctx.args.rest;
  if (command === undefined) throw new CliFailure('USAGE', 'nothing to run: latch run [options] -- COMMAND [ARGS…]');
  refuseNesting(ctx);
  ttlFlag(ctx); // a usage error is reported before the broker is reached (or started)
  ctx.withoutEvents();
  // The lease is asked for first, once connected (so that loading the rest cannot delay
  // the request): the broker reads the keychain while the rest loads.
  await ctx.broker();
  const leasing = startRunLease(ctx);
  leasing.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  const { runLeased } = await import('../run-child');
  return runLeased(ctx, { command, args, masking: !boolFlag(ctx.args, 'no-masking') }, await leasing);
}
