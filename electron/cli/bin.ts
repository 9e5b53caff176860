import { fileURLToPath } from 'node:url';
import { configureBrokerEntry } from './broker-launcher';
import { runCli } from './main';

configureBrokerEntry(fileURLToPath(new URL('./broker.mjs', import.meta.url)));

/** Process entry of the bundled CLI (dist/cli.mjs). */
void runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
