import { parseArgs, UsageError } from './args';
import { BrokerUnavailableError } from './broker-launcher';
import type { CommandSpec } from './command-spec';
import { COMMANDS } from './commands';
import { run as runCommand } from './commands/run';
import { CliFailure, CommandContext, type CliIo } from './context';
import { EXIT, exitCodeFor } from './exit-codes';
import { commandHelp, groupHelp, topHelp } from './help';

function findCommand(words: readonly string[]): { spec: CommandSpec; rest: string[] } | null {
  let best: CommandSpec | null = null;
  for (const spec of COMMANDS) {
    if (spec.path.every((word, i) => words[i] === word) && (!best || spec.path.length > best.path.length)) best = spec;
  }
  return best ? { spec: best, rest: words.slice(best.path.length) } : null;
}

function fail(io: CliIo, message: string, code: number): number {
  io.stderr.write(`latch: ${message}\n`);
  return code;
}

/** Runs one `latch` invocation and returns its exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const words = [...argv];
  if (words.length === 0 || words[0] === '--help' || words[0] === '-h' || words[0] === 'help') {
    io.stdout.write(topHelp(COMMANDS));
    return words.length === 0 ? EXIT.USAGE : EXIT.OK;
  }
  if (words[0] === '--version' || words[0] === '-V') {
    io.stdout.write(`latch ${process.env.LATCH_VERSION ?? '0.1.0-dev'}\n`);
    return EXIT.OK;
  }
  const found = findCommand(words);
  if (!found) {
    const group = COMMANDS.filter((spec) => spec.path[0] === words[0]);
    if (group.length > 0 && (words.length === 1 || words[1] === '--help' || words[1] === '-h')) {
      io.stdout.write(groupHelp(words[0] as string, group));
      return words.length === 1 ? EXIT.USAGE : EXIT.OK;
    }
    const what = group.length > 0 ? `${words[0]} ${words[1] ?? ''}`.trim() : words[0];
    return fail(io, `unknown command "${what}" (see \`latch --help\`)`, EXIT.USAGE);
  }
  const { spec, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
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
    // `latch run` comes with the CLI itself (the rest of it loads while its lease is on the
    // way): its start-up is paid by every command it wraps.
    const run = spec.path.length === 1 && spec.path[0] === 'run' ? runCommand : await spec.load();
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
