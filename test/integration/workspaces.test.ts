import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrokerClient } from '../../electron/cli/broker-client';
import { makeLatchHome, requireKeyring, runLatch, secretToolLookup, type LatchHome } from './support/latch-home';
import { githubToken } from '../support/github-token';


interface EventLog {
  events: Array<{ event: string; payload: Record<string, unknown>; at: number }>;
  waitFor(event: string, match: (p: Record<string, unknown>) => boolean, ms?: number): Promise<{ payload: Record<string, unknown>; at: number }>;
}

function record(client: BrokerClient): EventLog {
  const events: EventLog['events'] = [];
  client.onEvent((frame) => events.push({ event: frame.event, payload: frame.payload as Record<string, unknown>, at: performance.now() }));
  return {
    events,
    async waitFor(event, match, ms = 5000) {
      const until = Date.now() + ms;
      for (;;) {
        const hit = events.find((e) => e.event === event && match(e.payload));
        if (hit) return hit;
        if (Date.now() > until) throw new Error(`no ${event} within ${ms} ms; saw ${events.map((e) => e.event).join(', ')}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

describe('watched workspaces', () => {
  let home: LatchHome;
  let dir: string;
  let client: BrokerClient;
  let log: EventLog;

  beforeAll(async () => {
    requireKeyring();
    home = makeLatchHome();
    dir = mkdtempSync(join(tmpdir(), 'latch-ws-'));
    execFileSync('git', ['init', '-q', dir]);
    writeFileSync(join(dir, '.gitignore'), 'ignored/\n');
    mkdirSync(join(dir, 'ignored'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'app.ts'), 'export const answer = 42;\n');
    const added = await runLatch(home, ['workspace', 'add', dir]);
    expect(added.code).toBe(0);
    client = await BrokerClient.connect(home.socketPath, 'test');
    log = record(client);
  });
  afterAll(async () => {
    client?.close();
    await home?.cleanup();
  });

  it('reports a secret saved into a file within the latency target, and closes it when fixed', async () => {
    const token = githubToken();
    const saved = performance.now();
    writeFileSync(join(dir, 'src', 'config.ts'), `export const config = {\n  githubToken: '${token}',\n};\n`);
    const opened = await log.waitFor('finding.opened', (p) => p.file === join('src', 'config.ts'));
    expect(opened.at - saved).toBeLessThan(1000);
    expect(opened.payload).toMatchObject({ line: 2, rule: expect.stringContaining('github'), tracked: false });
    expect(JSON.stringify(log.events)).not.toContain(token);
    writeFileSync(join(dir, 'src', 'config.ts'), 'export const config = { githubToken: process.env.GITHUB_TOKEN };\n');
    await log.waitFor('finding.closed', (p) => p.fingerprint === opened.payload.fingerprint);
    const fixed = JSON.parse((await runLatch(home, ['findings', '--state', 'fixed', '--json'])).stdout) as Array<{ fingerprint: string }>;
    expect(fixed.map((f) => f.fingerprint)).toContain(opened.payload.fingerprint);
  });

  it('scans files written into a newly created folder', async () => {
    mkdirSync(join(dir, 'fixtures'));
    writeFileSync(join(dir, 'fixtures', 'x.txt'), `token=${githubToken()}\n`);
    await log.waitFor('finding.opened', (p) => p.file === join('fixtures', 'x.txt'));
  });

  it('stays silent for ignored paths', async () => {
    const before = log.events.length;
    writeFileSync(join(dir, 'ignored', 'secret.txt'), `token=${githubToken()}\n`);
    await new Promise((r) => setTimeout(r, 1200));
    expect(log.events.slice(before).filter((e) => e.event === 'finding.opened')).toEqual([]);
  });

  it('names a leaked personal token (found by keyed hash, not by pattern)', async () => {
    const value = `pt-${Math.random().toString(36).slice(2)}-personal-${Math.random().toString(36).slice(2)}`;
    await runLatch(home, ['token', 'add', 'github-work'], value);
    writeFileSync(join(dir, 'notes.md'), `my token is ${value} oops\n`);
    const opened = await log.waitFor('finding.opened', (p) => p.file === 'notes.md');
    expect(opened.payload).toMatchObject({ rule: 'known-personal-token', kind: 'known' });
    expect(String(opened.payload.message)).toBe('your token `github-work` is in plain text here');
  });

  it('marks findings in files git tracks as already exposed', async () => {
    writeFileSync(join(dir, 'tracked.env'), 'A=1\n');
    execFileSync('git', ['-C', dir, 'add', 'tracked.env']);
    execFileSync('git', ['-C', dir, '-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'x']);
    await runLatch(home, ['workspace', 'rm', dir]);
    await runLatch(home, ['workspace', 'add', dir]);
    writeFileSync(join(dir, 'tracked.env'), `GITHUB_TOKEN=${githubToken()}\n`);
    const opened = await log.waitFor('finding.opened', (p) => p.file === 'tracked.env');
    expect(opened.payload.tracked).toBe(true);
  });

  it('moves a .env value into the keychain and removes it from the file', async () => {
    const token = githubToken();
    writeFileSync(join(dir, '.env'), `# local\nAPI_TOKEN=${token}\nPORT=3000\n`);
    const opened = await log.waitFor('finding.opened', (p) => p.file === '.env');
    const fix = await client.call('finding.fix', { fingerprint: String(opened.payload.fingerprint), action: 'move-to-keychain' });
    expect(fix.ok).toBe(true);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe('# local\nAPI_TOKEN=\nPORT=3000\n');
    const tokens = JSON.parse((await runLatch(home, ['token', 'ls', '--json'])).stdout) as Array<{ name: string; id: string }>;
    const moved = tokens.find((t) => t.name === 'ws-api-token');
    expect(moved).toBeDefined();
    expect(secretToolLookup('latch', moved!.id)).toBe(token);
  });

  it('ignores a finding through .latchignore, and keeps metrics', async () => {
    writeFileSync(join(dir, 'fixture.txt'), `sample: ${githubToken()}\n`);
    const opened = await log.waitFor('finding.opened', (p) => p.file === 'fixture.txt');
    const fix = await client.call('finding.fix', { fingerprint: String(opened.payload.fingerprint), action: 'ignore' });
    expect(fix.ok).toBe(true);
    expect(readFileSync(join(dir, '.latchignore'), 'utf8')).toContain(`fingerprint:${String(opened.payload.fingerprint)}`);
    const metrics = await client.call('workspace.metrics', {});
    expect(metrics.ok && metrics.value.ignored).toBeGreaterThanOrEqual(1);
    expect(metrics.ok && metrics.value.fixed).toBeGreaterThanOrEqual(2);
    expect(metrics.ok && metrics.value.medianSecondsToFix).not.toBeNull();
  });

  it('watches a 100,000-file workspace without exhausting inotify watches', async () => {
    const big = mkdtempSync(join(tmpdir(), 'latch-ws-big-'));
    for (let d = 0; d < 500; d++) {
      const sub = join(big, `pkg-${d}`);
      mkdirSync(sub);
      for (let f = 0; f < 200; f++) writeFileSync(join(sub, `f${f}.js`), `module.exports = ${f};\n`);
    }
    const added = await client.call('workspace.add', { path: big });
    expect(added).toMatchObject({ ok: true, value: { watching: true, problem: null, files: 100_000 } });
    writeFileSync(join(big, 'pkg-250', 'leak.js'), `const key = '${githubToken()}';\n`);
    await log.waitFor('finding.opened', (p) => p.workspace === big && p.file === join('pkg-250', 'leak.js'), 10_000);
    await client.call('workspace.remove', { path: big });
  }, 180_000);
});
