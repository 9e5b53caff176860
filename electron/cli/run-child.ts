// `latch run` once its lease is granted: the command as a child process with the lease's
// values in its environment, its output masked, signals forwarded, its exit code returned.

import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { isatty } from 'node:tty';
import type { LeaseInfo } from '../../shared/contract';
import type { MaskedSecret } from '../../shared/redact/types';
import { sessionEnv } from '../broker/shells/shell-env';
import { CliFailure, type CommandContext } from './context';
import { EXIT } from './exit-codes';
import { forwardStream, MaskedWriter } from './run-output';

export interface RunCommand {
  command: string;
  args: string[];
  /** Mask the lease's values in the command's output (else it passes straight through). */
  masking: boolean;
}

export interface RunLease {
  lease: LeaseInfo;
  env: Record<string, string>;
  session: string;
  /** The broker ends the lease when this CLI's connection closes. */
  bound: boolean;
}

const FORWARDED: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'];

/** Values that only ever lived here (stubs, keychain tokens, hub grants): nothing to revoke elsewhere. */
function isLocalSource(source: string): boolean {
  return source === 'stub' || source.startsWith('keychain:') || source.startsWith('hub:');
}

/** The child's stdout and stderr to ours, masked; resolves once both have ended and all is written. */
function forwardOutputs(ctx: CommandContext, child: ChildProcess, secrets: readonly MaskedSecret[]): Promise<unknown> {
  return Promise.all([
    child.stdout && forwardStream(child.stdout, new MaskedWriter(() => ctx.io.stdout, secrets)),
    child.stderr && forwardStream(child.stderr, new MaskedWriter(() => ctx.io.stderr, secrets)),
  ]);
}

export async function runLeased(ctx: CommandContext, run: RunCommand, { lease, env, session, bound }: RunLease): Promise<number> {
  const childEnv = sessionEnv({ base: ctx.io.env, values: env, session, project: lease.project, expiresAt: lease.expiresAt });
  const stdio = run.masking ? 'pipe' : 'inherit';
  const child = spawn(run.command, run.args, { env: childEnv, stdio: ['inherit', stdio, stdio] });
  const written = run.masking ? forwardOutputs(ctx, child, Object.entries(env).map(([name, value]) => ({ name, value }))) : Promise.resolve();
  // Ctrl-C at a terminal already reaches the child (same process group); forward it otherwise.
  // isatty(0), not ctx.io.stdin.isTTY: stdin is inherited by the child, and making a stream of it costs ~3 ms.
  const interactive = isatty(0);
  const forwarded = interactive ? FORWARDED : [...FORWARDED, 'SIGINT' as NodeJS.Signals];
  const handlers = forwarded.map((signal) => {
    const handler = (): void => {
      child.kill(signal);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  if (interactive) process.on('SIGINT', () => undefined);
  const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((done) => {
    child.once('error', (error) => done({ code: null, signal: null, error }));
    child.once('close', (code, signal) => done({ code, signal }));
  });
  // Everything the child (or what it left running) wrote is out before we return.
  await written;
  for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  // A bound lease ends when this process closes its connection, without a round trip here.
  // Credentials minted at a source (a database role) are revoked before `latch run` returns.
  if (!bound || !lease.secrets.every((s) => isLocalSource(s.source))) {
    await ctx.call('lease.revoke', { lease: lease.id }).catch(() => undefined);
  }
  if (outcome.error) {
    const code = (outcome.error as NodeJS.ErrnoException).code;
    throw new CliFailure('NOT_FOUND', code === 'ENOENT' ? `command not found: ${run.command}` : `cannot run ${run.command} (${code ?? 'error'})`);
  }
  if (outcome.signal) return 128 + (constants.signals[outcome.signal] ?? 0);
  return outcome.code ?? EXIT.FAILURE;
}
