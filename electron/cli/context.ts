import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { ErrorCode } from '../../shared/contract/errors';
import { resolvePaths, type LatchPaths } from '../broker/paths';
import type { ParsedArgs } from './args';
import type { BrokerClient } from './broker-client';
import { connectOrLaunch } from './broker-launcher';

export interface CliIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

/** The CLI's own process streams, made only when first used (each costs ~1.5–3 ms to make). */
export interface ProcessIo extends CliIo {
  /** Bytes still queued on stdout and stderr (streams never made have none). */
  queuedBytes(): number;
}

/** This process's streams; `latch run` of a silent command never makes one. */
export function processIo(): ProcessIo {
  let stdout: NodeJS.WriteStream | undefined;
  let stderr: NodeJS.WriteStream | undefined;
  return {
    get stdin() {
      return process.stdin;
    },
    get stdout() {
      return (stdout ??= process.stdout);
    },
    get stderr() {
      return (stderr ??= process.stderr);
    },
    env: process.env,
    queuedBytes: () => (stdout?.writableLength ?? 0) + (stderr?.writableLength ?? 0),
  };
}

/** A failure the CLI reports as one line on stderr with the exit code of `code`. */
export class CliFailure extends Error {
  constructor(
    readonly code: ErrorCode | 'USAGE',
    message: string,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

export class CommandContext {
  readonly paths: LatchPaths;
  private client: BrokerClient | null = null;
  private events = true;

  constructor(
    readonly args: ParsedArgs,
    readonly io: CliIo,
  ) {
    this.paths = resolvePaths(io.env);
  }

  /** Connected broker client; auto-starts the broker unless LATCH_NO_AUTOSTART=1. */
  async broker(): Promise<BrokerClient> {
    this.client ??= await connectOrLaunch(this.paths.socketPath, 'cli', this.io.env.LATCH_NO_AUTOSTART !== '1', { events: this.events });
    return this.client;
  }

  /** This command listens to no broker events: the broker is asked to send it none (call before connecting). */
  withoutEvents(): void {
    this.events = false;
  }

  /** Call a method; on an error result, throw a CliFailure carrying its stable code. */
  async call<M extends MethodName>(method: M, params: MethodInput<M>): Promise<MethodOutput<M>> {
    const client = await this.broker();
    const result = await client.call(method, params);
    if (!result.ok) throw new CliFailure(result.error.code, result.error.message);
    return result.value;
  }

  print(text: string): void {
    this.io.stdout.write(text.endsWith('\n') ? text : text + '\n');
  }

  printJson(value: unknown): void {
    this.print(JSON.stringify(value, null, 2));
  }

  close(): void {
    this.client?.close();
  }
}
