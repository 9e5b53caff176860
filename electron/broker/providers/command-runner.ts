// Runs one provider command to completion: a list without a shell, a string through
// /bin/sh -c. The child leads its own process group so a timeout kills everything it
// started (SIGTERM, then SIGKILL), and it is always waited for (no zombies). Output is
// bounded: stdout up to 1 MiB (more kills the command), only the tail of stderr is kept.

import { spawn, type ChildProcess } from 'node:child_process';

export type CommandLine = string | readonly string[];

export interface RunOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs: number;
  /** Between SIGTERM and SIGKILL on timeout. */
  killGraceMs?: number;
}

export interface CommandResult {
  /** null when killed by a signal or never started. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** The last 64 KiB of stderr. */
  stderr: string;
  timedOut: boolean;
  outputTooLarge: boolean;
  /** Set when the command could not be started (ENOENT, EACCES, ...). */
  startError?: string;
  pid?: number;
}

export const MAX_STDOUT_BYTES = 1024 * 1024;
const STDERR_TAIL_BYTES = 64 * 1024;
const DEFAULT_KILL_GRACE_MS = 2_000;
/** After SIGKILL, how long to wait for pipes still held open by a process outside the group. */
const PIPE_DRAIN_MS = 1_000;

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return 'unknown error';
}

export function runCommand(line: CommandLine, options: RunOptions): Promise<CommandResult> {
  const [file, args] = typeof line === 'string' ? ['/bin/sh', ['-c', line]] : [line[0] ?? '', line.slice(1)];
  const killGraceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;

  return new Promise((resolve) => {
    const stdoutChunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrTail = Buffer.alloc(0);
    let timedOut = false;
    let outputTooLarge = false;
    let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];

    let child: ChildProcess;
    try {
      child = spawn(file, args, {
        cwd: options.cwd,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // own process group: the whole tree can be signalled
        shell: false,
        windowsHide: true,
      });
    } catch (error) {
      resolve({ exitCode: null, signal: null, stdout: '', stderr: '', timedOut: false, outputTooLarge: false, startError: errorCode(error) });
      return;
    }

    const finish = (startError?: string): void => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      resolve({
        exitCode: exited?.code ?? null,
        signal: exited?.signal ?? null,
        stdout: Buffer.concat(stdoutChunks).toString('utf8'),
        stderr: stderrTail.toString('utf8'),
        timedOut,
        outputTooLarge,
        ...(startError !== undefined && { startError }),
        ...(child.pid !== undefined && { pid: child.pid }),
      });
    };

    const signalGroup = (signal: NodeJS.Signals): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // ESRCH: the group is already gone.
      }
    };

    const stop = (): void => {
      signalGroup('SIGTERM');
      timers.push(
        setTimeout(() => {
          signalGroup('SIGKILL');
          // If the child is reaped but something outside its group still holds our pipes,
          // stop waiting for them.
          timers.push(
            setTimeout(() => {
              if (exited === undefined) return;
              child.stdout?.destroy();
              child.stderr?.destroy();
              finish();
            }, PIPE_DRAIN_MS),
          );
        }, killGraceMs),
      );
    };

    child.stdout?.on('data', (chunk: Buffer) => {
      if (outputTooLarge) return;
      stdoutBytes += chunk.length;
      if (stdoutBytes > MAX_STDOUT_BYTES) {
        outputTooLarge = true;
        stdoutChunks.length = 0;
        stop();
        return;
      }
      stdoutChunks.push(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = Buffer.concat([stderrTail, chunk]);
      if (stderrTail.length > STDERR_TAIL_BYTES) stderrTail = stderrTail.subarray(stderrTail.length - STDERR_TAIL_BYTES);
    });

    child.on('error', (error) => {
      // Spawn failures (no pid) end here; a failed kill after start also lands here and is ignored.
      if (child.pid === undefined) finish(errorCode(error));
    });
    child.on('exit', (code, signal) => {
      exited = { code, signal };
    });
    child.on('close', (code, signal) => {
      exited ??= { code, signal };
      finish();
    });

    timers.push(
      setTimeout(() => {
        timedOut = true;
        stop();
      }, options.timeoutMs),
    );
  });
}
