import { fileURLToPath } from 'node:url';
import { BrokerClient } from './broker-client';

export class BrokerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrokerUnavailableError';
  }
}

let configuredEntry: string | null = null;

/** Set by the CLI's entry module: the broker bundle sits beside the CLI bundle in dist/. */
export function configureBrokerEntry(path: string): void {
  configuredEntry = path;
}

export function brokerEntry(): string {
  return process.env.LATCH_BROKER_ENTRY ?? configuredEntry ?? fileURLToPath(new URL('./broker.mjs', import.meta.url));
}

const EXIT_ALREADY_RUNNING = 75;

/**
 * Start a broker in the background (detached, like ssh-agent) and wait until it says its
 * socket is listening. If another CLI won the race to start one, that one is used.
 */
export async function launchBroker(timeoutMs = 10_000): Promise<void> {
  // Loaded here, not with the CLI: most invocations find a broker running.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [brokerEntry()], {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: process.env,
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
    });
    const finish = (error: Error | null): void => {
      clearTimeout(timer);
      child.removeAllListeners();
      child.stderr?.destroy();
      if (child.connected) child.disconnect();
      child.unref();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => finish(new BrokerUnavailableError(`the broker did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    child.on('message', (message: unknown) => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ready') finish(null);
    });
    child.on('error', (error) => finish(new BrokerUnavailableError(`could not start the broker: ${error.message}`)));
    child.on('exit', (code) => {
      if (code === EXIT_ALREADY_RUNNING) finish(null);
      else finish(new BrokerUnavailableError(`the broker exited at start (code ${code ?? 'signal'}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}

/** Connect to the running broker, starting one first if none answers. */
export async function connectOrLaunch(socketPath: string, clientName: string, autoStart = true, options: { events?: boolean } = {}): Promise<BrokerClient> {
  try {
    return await BrokerClient.connect(socketPath, clientName, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!autoStart || (code !== 'ENOENT' && code !== 'ECONNREFUSED')) {
      throw new BrokerUnavailableError(
        code === 'EACCES'
          ? `permission denied on ${socketPath} (it belongs to another user)`
          : `cannot reach the broker at ${socketPath} (${code ?? 'error'}); start it with \`latch daemon start\``,
      );
    }
  }
  await launchBroker();
  return BrokerClient.connect(socketPath, clientName, options);
}
