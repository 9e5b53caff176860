import { fileURLToPath } from 'node:url';
import { configureBrokerEntry } from './broker-launcher';
import { runCli } from './main';

configureBrokerEntry(fileURLToPath(new URL('./broker.mjs', import.meta.url)));

const argv = process.argv.slice(2);

/** Process entry of the bundled CLI (dist/cli.mjs). */
void runCli(argv, {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
  // `latch run` is done once its command's output is written (stdout and stderr write
  // synchronously unless something is queued): leave now instead of winding the event
  // loop down. Its lease ends with this process's connection to the broker.
  if (argv[0] === 'run' && process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
});
