import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Fields a log line may carry. Callers pass ids, names, codes and counts — never values. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** Only the error's class and code go to the log: messages of third-party errors may quote inputs. */
export function describeErrorForLog(error: unknown): LogFields {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { errorName: error.name, errorCode: typeof code === 'string' ? code : undefined, stack: firstFrame(error.stack) };
  }
  return { errorName: typeof error };
}

function firstFrame(stack: string | undefined): string | undefined {
  return stack?.split('\n').find((line) => line.trim().startsWith('at '))?.trim();
}

/** JSON-lines logger appending to one file (0600). Synchronous so a crash loses nothing. */
export function createFileLogger(file: string, minLevel: LogLevel = 'info'): Logger {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
  function log(level: LogLevel, event: string, fields: LogFields = {}): void {
    if (order[level] < order[minLevel]) return;
    const line = JSON.stringify({ at: new Date().toISOString(), level, event, pid: process.pid, ...fields });
    try {
      appendFileSync(file, line + '\n', { mode: 0o600 });
    } catch {
      // A full disk must not take the broker down; nothing else to do with a log line.
    }
  }
  return {
    log,
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
  };
}
