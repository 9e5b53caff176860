import type { CommandSpec } from './command-spec';
import { COMMANDS } from './commands';
import type { CliIo } from './context';
import { fail, runCommand } from './dispatch';
import { EXIT } from './exit-codes';
import { groupHelp, topHelp } from './help';

function findCommand(words: readonly string[]): { spec: CommandSpec; rest: string[] } | null {
  let best: CommandSpec | null = null;
  for (const spec of COMMANDS) {
    if (spec.path.every((word, i) => words[i] === word) && (!best || spec.path.length > best.path.length)) best = spec;
  }
  return best ? { spec: best, rest: words.slice(best.path.length) } : null;
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
  return runCommand(found.spec, found.rest, io);
}
