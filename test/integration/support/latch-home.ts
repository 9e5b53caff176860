import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const LATCH_BIN = join(REPO_ROOT, 'bin', 'latch.cjs');
export const BROKER_BUNDLE = join(REPO_ROOT, 'dist', 'broker.mjs');

export interface LatchHome {
  dir: string;
  env: NodeJS.ProcessEnv;
  socketPath: string;
  dbPath: string;
  logFile: string;
  runtimeDir: string;
  cleanup(): Promise<void>;
}

/** A private Latch user: its own data, state and runtime folders (the keyring session is shared). */
export function makeLatchHome(extraEnv: NodeJS.ProcessEnv = {}): LatchHome {
  if (!existsSync(join(REPO_ROOT, 'dist', 'cli.mjs'))) throw new Error('dist/ missing: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'latch-it-'));
  const runtimeDir = join(dir, 'run');
  mkdirSync(runtimeDir, { mode: 0o700 });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: dir,
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_STATE_HOME: join(dir, 'state'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_RUNTIME_DIR: runtimeDir,
    ...extraEnv,
  };
  const home: LatchHome = {
    dir,
    env,
    runtimeDir,
    socketPath: join(runtimeDir, 'latch', 'broker.sock'),
    dbPath: join(dir, 'data', 'latch', 'latch.db'),
    logFile: join(dir, 'state', 'latch', 'broker.log'),
    async cleanup() {
      await runLatch(home, ['daemon', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return home;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runLatch(home: LatchHome, args: string[], input?: string, envOverride: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return runLatchWithEnv(args, { ...home.env, ...envOverride }, input);
}

/** `latch ARGS` as a process with exactly `env` (stdin: `input`, or empty), its output collected. */
export function runLatchWithEnv(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [LATCH_BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** The real Secret Service, read with libsecret's own tool. */
export function secretToolLookup(service: string, account: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const result = spawnSync('secret-tool', ['lookup', 'service', service, 'account', account], { env, encoding: 'utf8' });
  return result.status === 0 ? result.stdout : null;
}

/** All files Latch wrote under a folder (db, wal, logs) — to prove a value is not among them. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

export function fileContains(path: string, needle: string): boolean {
  return readFileSync(path).includes(Buffer.from(needle, 'utf8'));
}

export function requireKeyring(): void {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error('integration tests need the private keyring session: run them through `npm test` (scripts/with-keyring.sh)');
  }
}
