// Process entry of `latch run` (dist/run.cjs, CommonJS): only what running a command under
// a lease needs, without an ES module loader to start. Its start-up is paid by every command
// it wraps; every other command goes through dist/cli.mjs.
import { configureBrokerEntry } from './broker-launcher';
import { run } from './commands/run';
import { processIo } from './context';
import { finishProcess, runCommand } from './dispatch';
import { RUN_SPEC } from './run-spec';

/** `argv`: the words after `latch run`; `brokerEntry`: dist/broker.mjs, started when no broker runs. */
export function main(argv: readonly string[], brokerEntry: string): void {
  configureBrokerEntry(brokerEntry);
  const io = processIo();
  void runCommand(RUN_SPEC, argv, io, run).then((code) => finishProcess(io, code, true));
}
