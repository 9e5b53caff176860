import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { resolve } from 'node:path';
import { parseDuration } from '../../../shared/manifest/model/duration';
import { createMasker } from '../../../shared/redact/masker';
import type { OutputMasker } from '../../../shared/redact/types';
import { sessionEnv } from '../../broker/shells/shell-env';
import { boolFlag, stringFlag } from '../args';
import { CliFailure, type CommandContext } from '../context';
import { EXIT } from '../exit-codes';

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

export async function startLease(ctx: CommandContext, kind: 'run' | 'session') {
  const environment = stringFlag(ctx.args, 'environment');
  const ttlSeconds = ttlFlag(ctx);
  return ctx.call('lease.create', {
    project: resolve(stringFlag(ctx.args, 'project') ?? ctx.args.positionals[0] ?? '.'),
    kind,
    ...(environment !== undefined && { environment }),
    ...(ttlSeconds !== undefined && { ttlSeconds }),
  });
}

const FORWARDED: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'];

/** `latch run -- CMD ARGS…`: run a command with the project's lease injected, output masked. */
export async function run(ctx: CommandContext): Promise<number> {
  const [command, ...args] = ctx.args.rest;
  if (command === undefined) throw new CliFailure('USAGE', 'nothing to run: latch run [options] -- COMMAND [ARGS…]');
  refuseNesting(ctx);
  const { lease, env, session } = await startLease(ctx, 'run');
  const masking = !boolFlag(ctx.args, 'no-masking');
  const childEnv = sessionEnv({ base: ctx.io.env, values: env, session, project: lease.project, expiresAt: lease.expiresAt });
  const secrets = Object.entries(env).map(([name, value]) => ({ name, value }));
  const child = spawn(command, args, { env: childEnv, stdio: ['inherit', masking ? 'pipe' : 'inherit', masking ? 'pipe' : 'inherit'] });
  if (masking) {
    for (const [stream, out] of [
      [child.stdout, ctx.io.stdout],
      [child.stderr, ctx.io.stderr],
    ] as const) {
      // Built on first output: compiling the patterns costs more than a silent command takes.
      let masker: OutputMasker | null = null;
      stream?.on('data', (chunk: Buffer) => {
        masker ??= createMasker(secrets);
        const masked = masker.push(chunk);
        // Respect back-pressure so a fast producer cannot pile up output in memory.
        if (masked.length > 0 && !out.write(masked)) {
          stream.pause();
          out.once('drain', () => stream.resume());
        }
      });
      stream?.on('end', () => {
        const rest = masker?.flush();
        if (rest && rest.length > 0) out.write(rest);
      });
    }
  }
  // Ctrl-C at a terminal already reaches the child (same process group); forward it otherwise.
  const forwarded = ctx.io.stdin.isTTY ? FORWARDED : [...FORWARDED, 'SIGINT' as NodeJS.Signals];
  const handlers = forwarded.map((signal) => {
    const handler = (): void => {
      child.kill(signal);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  if (ctx.io.stdin.isTTY) process.on('SIGINT', () => undefined);
  const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((done) => {
    child.once('error', (error) => done({ code: null, signal: null, error }));
    child.once('close', (code, signal) => done({ code, signal }));
  });
  for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  await ctx.call('lease.revoke', { lease: lease.id }).catch(() => undefined);
  if (outcome.error) {
    const code = (outcome.error as NodeJS.ErrnoException).code;
    throw new CliFailure('NOT_FOUND', code === 'ENOENT' ? `command not found: ${command}` : `cannot run ${command} (${code ?? 'error'})`);
  }
  if (outcome.signal) return 128 + (constants.signals[outcome.signal] ?? 0);
  return outcome.code ?? EXIT.FAILURE;
}
