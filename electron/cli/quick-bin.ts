// Process entry of `latch run` and `latch ui` (dist/quick.cjs, CommonJS): only those two
// commands, without an ES module loader to start. `latch run`'s start-up is paid by every
// command it wraps; `latch ui`'s by everyone opening the app. Every other command goes
// through dist/cli.mjs.
import { configureBrokerEntry } from './broker-launcher';
import type { CommandRun, CommandSpec } from './command-spec';
import { run } from './commands/run';
import { processIo } from './context';
import { finishProcess, runCommand } from './dispatch';
import { RUN_SPEC } from './run-spec';
import { UI_SPEC } from './ui-spec';

/**
 * `run`: bundled in (it is what `latch run` needs first); without it, the spec's lazy load (so
 * `latch run` does not load `latch ui`'s code). `leaveAtOnce`: exit as soon as the command
 * returned (see finishProcess).
 */
const QUICK_COMMANDS: Record<string, { spec: CommandSpec; run?: CommandRun; leaveAtOnce: boolean }> = {
  run: { spec: RUN_SPEC, run, leaveAtOnce: true },
  ui: { spec: UI_SPEC, leaveAtOnce: false },
};

/** `command` (`run` or `ui`: bin/latch.cjs sends the rest to dist/cli.mjs) with the words after it; `brokerEntry`: dist/broker.mjs. */
export function main(command: string, argv: readonly string[], brokerEntry: string): void {
  const quick = QUICK_COMMANDS[command];
  if (!quick) throw new Error(`not a quick command: ${command}`);
  configureBrokerEntry(brokerEntry);
  const io = processIo();
  void runCommand(quick.spec, argv, io, quick.run).then((code) => finishProcess(io, code, quick.leaveAtOnce));
}
