import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PostgresServer } from '../../../electron/broker/providers/postgres-provider';
import { asAdmin } from '../providers/pg-test-server';
import { LATCH_BIN, runLatchWithEnv } from './latch-home';

export interface HubInstance {
  url: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface TestHub {
  dir: string;
  database: string;
  env: NodeJS.ProcessEnv;
  /** Start one more `latch hub serve` on this hub's folder and database. */
  start(): Promise<HubInstance>;
  /** `latch hub invite` pointing members at `url` (one instance of the hub). */
  invite(name: string, groups: string[], url: string): Promise<string>;
  latchHub(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  cleanup(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A team hub on the private PostgreSQL test cluster: its own database, a folder made by
 * `latch hub init`, the cluster's `app` database as the production server, and `policy`.
 */
export async function createTestHub(pg: PostgresServer, policy: string): Promise<TestHub> {
  const database = `hub_${randomBytes(5).toString('hex')}`;
  await asAdmin(pg, (c) => c.query(`CREATE DATABASE ${database}`), 'postgres');
  const dir = mkdtempSync(join(tmpdir(), 'latch-hub-'));
  const databaseUrl = `postgres://${encodeURIComponent(pg.adminUser)}:${encodeURIComponent(pg.adminPassword)}@${pg.host}:${pg.port}/${database}`;
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, LATCH_HUB_DATABASE_URL: databaseUrl, LATCH_TEST_PROD_PASSWORD: pg.adminPassword };
  const init = await runLatchWithEnv(['hub', 'init', '--dir', dir, '--port', String(await freePort())], env);
  if (init.code !== 0) throw new Error(`latch hub init failed: ${init.stderr}`);
  const yaml = readFileSync(join(dir, 'hub.yaml'), 'utf8').replace(
    /^servers: \{\}$/m,
    `servers:\n  prod:\n    host: ${pg.host}\n    port: ${pg.port}\n    database: ${pg.database}\n    admin_user: ${pg.adminUser}\n    admin_password_env: LATCH_TEST_PROD_PASSWORD`,
  );
  writeFileSync(join(dir, 'hub.yaml'), yaml);
  writeFileSync(join(dir, 'hub-policy.yaml'), policy);
  const instances: HubInstance[] = [];

  return {
    dir,
    database,
    env,
    latchHub: (args) => runLatchWithEnv(['hub', ...args, '--dir', dir], env),
    async start() {
      const port = await freePort();
      const child = spawn(process.execPath, [LATCH_BIN, 'hub', 'serve', '--dir', dir, '--port', String(port)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`hub did not start: ${stderr}`)), 20_000);
        child.stderr.setEncoding('utf8').on('data', (d: string) => {
          stderr += d;
          const match = /serving (https?:\/\/\S+)/.exec(stderr);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.once('exit', (code) => reject(new Error(`hub exited (${code}): ${stderr}`)));
      });
      const instance: HubInstance = {
        url,
        process: child,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill(signal);
          await new Promise((r) => child.once('exit', r));
        },
      };
      instances.push(instance);
      return instance;
    },
    async invite(name, groups, url) {
      // Invites carry hub.yaml's public_url: point each member at the instance given.
      const file = join(dir, 'hub.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^public_url: .*$/m, `public_url: ${url}`));
      const made = await runLatchWithEnv(['hub', 'invite', name, '--groups', groups.join(','), '--dir', dir], env);
      if (made.code !== 0) throw new Error(`latch hub invite failed: ${made.stderr}`);
      return made.stdout.trim();
    },
    async cleanup() {
      for (const instance of instances) await instance.stop();
      rmSync(dir, { recursive: true, force: true });
      await asAdmin(pg, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`), 'postgres').catch(() => undefined);
    },
  };
}
