import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BROKER_BUNDLE, REPO_ROOT, makeLatchHome, type LatchHome } from './latch-home';

/**
 * A second Latch user with a keychain of its own: its broker runs inside a private D-Bus
 * session with its own gnome-keyring (scripts/with-keyring.sh nested), so two members' keys
 * never share a Secret Service. Its CLI never starts a broker (LATCH_NO_AUTOSTART=1).
 */
export async function startOwnKeyringBroker(extraEnv: NodeJS.ProcessEnv = {}): Promise<LatchHome & { broker: ChildProcess }> {
  const base = makeLatchHome({ LATCH_NO_AUTOSTART: '1', ...extraEnv });
  const env: NodeJS.ProcessEnv = {
    ...base.env,
    // with-keyring.sh replaces HOME/XDG_*: pin Latch's own folders explicitly.
    LATCH_DATA_DIR: join(base.dir, 'data', 'latch'),
    LATCH_STATE_DIR: join(base.dir, 'state', 'latch'),
    LATCH_RUNTIME_DIR: join(base.runtimeDir, 'latch'),
    LATCH_KEYRING_INNER: '',
    KEYRING_PW: 'second-member',
  };
  const broker = spawn('bash', [join(REPO_ROOT, 'scripts', 'with-keyring.sh'), process.execPath, BROKER_BUNDLE], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  broker.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const deadline = Date.now() + 20_000;
  while (!existsSync(base.socketPath)) {
    if (broker.exitCode !== null) throw new Error(`second broker exited (${broker.exitCode}): ${stderr}`);
    if (Date.now() > deadline) throw new Error(`second broker did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const home: LatchHome & { broker: ChildProcess } = {
    ...base,
    env,
    broker,
    async cleanup() {
      // The whole group: bash, dbus-run-session, gnome-keyring-daemon and the broker.
      if (broker.pid !== undefined && broker.exitCode === null) process.kill(-broker.pid, 'SIGTERM');
      await new Promise((r) => (broker.exitCode !== null ? r(null) : broker.once('exit', r)));
      await base.cleanup();
    },
  };
  return home;
}
