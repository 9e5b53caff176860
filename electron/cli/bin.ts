import { fileURLToPath } from 'node:url';
import { configureBrokerEntry } from './broker-launcher';
import { processIo } from './context';
import { finishProcess } from './dispatch';
import { runCli } from './main';

configureBrokerEntry(fileURLToPath(new URL('./broker.mjs', import.meta.url)));

const argv = process.argv.slice(2);

/** Process entry of the bundled CLI (dist/cli.mjs); bin/latch.cjs sends `latch run` and `latch ui` to dist/quick.cjs. */
const io = processIo();
void runCli(argv, io).then((code) => finishProcess(io, code, argv[0] === 'run'));
