import { homedir } from 'node:os';
import { join } from 'node:path';

export interface LatchPaths {
  /** Persistent data: the SQLite store. */
  dataDir: string;
  /** Logs. */
  stateDir: string;
  /** 0700 folder holding the broker's socket. */
  runtimeDir: string;
  socketPath: string;
  dbPath: string;
  logFile: string;
}

type Env = Readonly<Record<string, string | undefined>>;

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/**
 * Where Latch keeps things, per user. XDG on Linux, Application Support on macOS;
 * LATCH_DATA_DIR / LATCH_STATE_DIR / LATCH_RUNTIME_DIR override each (tests, portable setups).
 */
export function resolvePaths(env: Env = process.env, platform: NodeJS.Platform = process.platform): LatchPaths {
  const home = nonEmpty(env.HOME) ?? homedir();
  const mac = platform === 'darwin';
  const dataDir =
    nonEmpty(env.LATCH_DATA_DIR) ??
    (mac
      ? join(home, 'Library', 'Application Support', 'Latch')
      : join(nonEmpty(env.XDG_DATA_HOME) ?? join(home, '.local', 'share'), 'latch'));
  const stateDir =
    nonEmpty(env.LATCH_STATE_DIR) ??
    (mac ? join(home, 'Library', 'Logs', 'Latch') : join(nonEmpty(env.XDG_STATE_HOME) ?? join(home, '.local', 'state'), 'latch'));
  const xdgRuntime = nonEmpty(env.XDG_RUNTIME_DIR);
  const runtimeDir = nonEmpty(env.LATCH_RUNTIME_DIR) ?? (xdgRuntime ? join(xdgRuntime, 'latch') : join(dataDir, 'run'));
  return {
    dataDir,
    stateDir,
    runtimeDir,
    socketPath: join(runtimeDir, 'broker.sock'),
    dbPath: join(dataDir, 'latch.db'),
    logFile: join(stateDir, 'broker.log'),
  };
}
