import { startBroker } from './broker';
import { BrokerAlreadyRunningError } from './transports/unix-socket';

/** Exit code when another broker already owns the socket (documented in the README). */
export const EXIT_ALREADY_RUNNING = 75;

/** Entry point of the broker process (`node dist/broker.mjs`, or Electron's utilityProcess). */
async function main(): Promise<void> {
  let stop: ((reason: string) => Promise<void>) | null = null;
  const shutdown = (reason: string): void => {
    void (stop ? stop(reason) : Promise.resolve()).finally(() => process.exit(0));
  };
  try {
    const broker = await startBroker({ onShutdownRequested: shutdown });
    stop = broker.close;
    // Tell a parent that waits for readiness (the CLI's auto-start) that the socket is up.
    const ready = { type: 'ready', socketPath: broker.services.paths.socketPath };
    process.send?.(ready);
    // Inside Electron's utilityProcess the parent listens on parentPort instead.
    (process as NodeJS.Process & { parentPort?: { postMessage(message: unknown): void } }).parentPort?.postMessage(ready);
    if (process.stdout.isTTY) process.stdout.write(`latch broker listening on ${broker.services.paths.socketPath}\n`);
  } catch (error) {
    if (error instanceof BrokerAlreadyRunningError) {
      process.stderr.write(`latch: ${error.message}\n`);
      process.exit(EXIT_ALREADY_RUNNING);
    }
    process.stderr.write(`latch: broker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));
  process.on('disconnect', () => {
    // Parent (CLI auto-start) went away: keep serving, like ssh-agent.
  });
}

void main();
