import { parseArgs, UsageError } from './args';
import { BrokerUnavailableError } from './broker-launcher';
import type { CommandRun, CommandSpec } from './command-spec';
import { CliFailure, CommandContext, type CliIo, type ProcessIo } from './context';
import { EXIT, exitCodeFor } from './exit-codes';
import { commandHelp } from './help';

export function fail(io: CliIo, message: string, code: number): number {
  io.stderr.write(`latch: ${message}\n`);
  return code;
}

/** `--help`/`-h` among the command's own words (not after `--`: `latch run -- ls -h` runs `ls -h`). */
export function asksForHelp(rest: readonly string[]): boolean {
  const end = rest.indexOf('--');
  const own = end === -1 ? rest : rest.slice(0, end);
  return own.includes('--help') || own.includes('-h');
}

/**
 * Runs one command with the words after its path; returns its exit code and never throws.
 * `implementation` is used instead of `spec.load()` when the caller already has it.
 */
export async function runCommand(spec: CommandSpec, rest: readonly string[], io: CliIo, implementation?: CommandRun): Promise<number> {
  if (asksForHelp(rest)) {
    io.stdout.write(commandHelp(spec));
    return EXIT.OK;
  }
  let ctx: CommandContext | null = null;
  try {
    const args = parseArgs(rest, spec.flags);
    if (args.positionals.length < spec.args.min) throw new UsageError(`missing argument; usage: ${spec.usage}`);
    if (args.positionals.length > spec.args.max) {
      throw new UsageError(`unexpected argument "${args.positionals[spec.args.max]}"; usage: ${spec.usage}`);
    }
    ctx = new CommandContext(args, io);
    const run = implementation ?? (await spec.load());
    return await run(ctx);
  } catch (error) {
    if (error instanceof UsageError) return fail(io, error.message, EXIT.USAGE);
    if (error instanceof CliFailure) return fail(io, error.message, error.code === 'USAGE' ? EXIT.USAGE : exitCodeFor(error.code));
    if (error instanceof BrokerUnavailableError) return fail(io, error.message, EXIT.BROKER_UNAVAILABLE);
    return fail(io, `internal error: ${error instanceof Error ? error.message : String(error)}`, EXIT.INTERNAL);
  } finally {
    ctx?.close();
  }
}

/**
 * Sets the process's exit code. `latch run` is done once its command's output is written
 * (stdout and stderr write synchronously unless something is queued): it leaves at once
 * instead of winding the event loop down; its lease ends with its connection to the broker.
 */
export function finishProcess(io: ProcessIo, code: number, leaveAtOnce: boolean): void {
  process.exitCode = code;
  if (leaveAtOnce && io.queuedBytes() === 0) process.exit(code);
}
