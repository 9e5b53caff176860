import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn as spawnPty } from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATCH_BIN, makeLatchHome, requireKeyring, runLatch, type LatchHome } from './support/latch-home';

const GH_VALUE = 'ghp_' + 'Q7'.repeat(18);
const NPM_VALUE = 'npm_' + 'k9'.repeat(18);

function project(extra = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'latch-run-'));
  writeFileSync(
    join(dir, 'latch.yaml'),
    `version: 1
project: run-demo
defaults: { ttl: 10m, maxTtl: 1h }
secrets:
  GITHUB_TOKEN: { class: personal, token: gh-run }
  NPM_TOKEN: { class: personal, token: npm-run }
  STRIPE_SECRET_KEY: { class: stub, shape: stripe-secret-key }
${extra}`,
  );
  return dir;
}

function runRaw(home: LatchHome, args: string[], options: { input?: Buffer | string; signalAfterMs?: { signal: NodeJS.Signals; ms: number } } = {}) {
  return new Promise<{ code: number | null; stdout: Buffer; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [LATCH_BIN, ...args], { env: home.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    if (options.signalAfterMs) {
      const { signal, ms } = options.signalAfterMs;
      setTimeout(() => child.kill(signal), ms);
    }
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr }));
    child.stdin.end(options.input ?? '');
  });
}

describe('latch run', () => {
  let home: LatchHome;
  let dir: string;
  beforeAll(async () => {
    requireKeyring();
    home = makeLatchHome();
    dir = project();
    expect((await runLatch(home, ['token', 'add', 'gh-run'], GH_VALUE)).code).toBe(0);
    expect((await runLatch(home, ['token', 'add', 'npm-run'], NPM_VALUE)).code).toBe(0);
  });
  afterAll(() => home.cleanup());

  it('injects exactly the granted variables and masks them in output', async () => {
    const result = await runRaw(home, ['run', '--project', dir, '--', 'sh', '-c', 'env | grep -E "^(GITHUB_TOKEN|NPM_TOKEN|STRIPE_SECRET_KEY|LATCH_[A-Z_]+)=" | sort']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = result.stdout.toString();
    expect(text).toContain('GITHUB_TOKEN=<concealed:GITHUB_TOKEN>');
    expect(text).toContain('NPM_TOKEN=<concealed:NPM_TOKEN>');
    expect(text).toContain('STRIPE_SECRET_KEY=<concealed:STRIPE_SECRET_KEY>');
    expect(text).toMatch(/LATCH_EXPIRES_AT=\d{4}-/);
    expect(text).toContain('LATCH_PROJECT=run-demo');
    expect(text).not.toContain(GH_VALUE);
  });

  it('gives the real values to the command (only its output is masked)', async () => {
    const result = await runRaw(home, ['run', '--project', dir, '--', 'sh', '-c', 'test "$GITHUB_TOKEN" = "' + GH_VALUE + '" && printf %s "$NPM_TOKEN" | wc -c']);
    expect(result.code).toBe(0);
    expect(result.stdout.toString().trim()).toBe(String(NPM_VALUE.length));
  });

  it('--no-masking passes output through untouched', async () => {
    const result = await runRaw(home, ['run', '--no-masking', '--project', dir, '--', 'sh', '-c', 'printf %s "$GITHUB_TOKEN"']);
    expect(result.stdout.toString()).toBe(GH_VALUE);
  });

  it('masks a value written one byte at a time, and its base64 form', async () => {
    const script = 'for c in $(printf %s "$GITHUB_TOKEN" | sed "s/./& /g"); do printf %s "$c"; sleep 0.01; done; echo; printf %s "$NPM_TOKEN" | base64 -w0; echo';
    const result = await runRaw(home, ['run', '--project', dir, '--', 'sh', '-c', script]);
    expect(result.stdout.toString()).toBe('<concealed:GITHUB_TOKEN>\n<concealed:NPM_TOKEN>\n');
  });

  it('returns the command’s exit code', async () => {
    expect((await runRaw(home, ['run', '--project', dir, '--', 'sh', '-c', 'exit 0'])).code).toBe(0);
    expect((await runRaw(home, ['run', '--project', dir, '--', 'sh', '-c', 'exit 1'])).code).toBe(1);
    expect((await runRaw(home, ['run', '--project', dir, '--', 'sh', '-c', 'exit 42'])).code).toBe(42);
    const missing = await runRaw(home, ['run', '--project', dir, '--', 'no-such-command-xyz']);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toBe('latch: command not found: no-such-command-xyz\n');
  });

  it('forwards SIGINT: the command sees it and latch exits 130', async () => {
    const result = await runRaw(home, ['run', '--project', dir, '--', 'sh', '-c', 'trap "echo got-int; exit 130" INT; echo ready; while :; do sleep 0.05; done'], {
      signalAfterMs: { signal: 'SIGINT', ms: 1500 },
    });
    expect(result.stdout.toString()).toContain('got-int');
    expect(result.code).toBe(130);
  });

  it('passes stdin through and leaves binary output untouched except for masked values', async () => {
    const bytes = Buffer.concat([Buffer.from([0, 1, 2, 255, 254, 0x1b, 0x5b, 0x30, 0x6d]), Buffer.from(GH_VALUE), Buffer.from([0xc3, 0x28, 0xff, 10])]);
    const result = await runRaw(home, ['run', '--project', dir, '--', 'cat'], { input: bytes });
    expect(result.code).toBe(0);
    expect(result.stdout).toEqual(Buffer.concat([Buffer.from([0, 1, 2, 255, 254, 0x1b, 0x5b, 0x30, 0x6d]), Buffer.from('<concealed:GITHUB_TOKEN>'), Buffer.from([0xc3, 0x28, 0xff, 10])]));
    const plain = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const untouched = await runRaw(home, ['run', '--project', dir, '--', 'cat'], { input: plain });
    expect(untouched.stdout.equals(plain)).toBe(true);
  });

  it('refuses to nest inside another session unless asked, and ends its lease when done', async () => {
    const nested = await runRaw(home, ['run', '--project', dir, '--', 'node', LATCH_BIN, 'run', '--project', dir, '--', 'true']);
    expect(nested.stderr).toContain('already inside a Latch session for run-demo');
    expect(nested.code).toBe(5);
    const allowed = await runRaw(home, ['run', '--project', dir, '--', 'node', LATCH_BIN, 'run', '--nested', '--project', dir, '--', 'true']);
    expect(allowed.code).toBe(0);
    const leases = JSON.parse((await runLatch(home, ['lease', 'ls', '--json'])).stdout) as Array<{ state: string; kind: string }>;
    expect(leases.filter((l) => l.state === 'active' || l.state === 'expiring')).toEqual([]);
    expect(leases.filter((l) => l.kind === 'run').length).toBeGreaterThan(5);
  });

  it('ends its lease when it exits or is killed, without a round trip at exit, and audits it', async () => {
    const leases = async () =>
      JSON.parse((await runLatch(home, ['lease', 'ls', '--json'])).stdout) as Array<{ id: string; state: string; endReason: string | null }>;
    expect((await runRaw(home, ['run', '--project', dir, '--', 'true'])).code).toBe(0);
    const [ended] = await leases();
    expect(ended).toMatchObject({ state: 'revoked', endReason: 'its client disconnected' });

    // A `latch run` that dies (SIGKILL: no chance to say anything) ends its lease as well.
    const child = spawn(process.execPath, [LATCH_BIN, 'run', '--project', dir, '--', 'sh', '-c', 'echo $$; exec sleep 30'], { env: home.env, stdio: ['ignore', 'pipe', 'ignore'] });
    const pid = await new Promise<number>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
    const [live] = await leases();
    expect(live?.state).toBe('active');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));
    process.kill(pid, 'SIGTERM');
    let killed = (await leases()).find((l) => l.id === live?.id);
    for (let i = 0; i < 20 && killed?.state === 'active'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      killed = (await leases()).find((l) => l.id === live?.id);
    }
    expect(killed).toMatchObject({ state: 'revoked', endReason: 'its client disconnected' });

    const audit = JSON.parse((await runLatch(home, ['audit', 'ls', '--json', '--limit', '200'])).stdout) as Array<{ action: string; target: string; client: string }>;
    for (const id of [ended?.id, live?.id]) {
      expect(audit.filter((e) => e.target === id).map((e) => e.action).sort()).toEqual(['lease.create', 'lease.revoke', 'lease.revoked']);
      expect(audit.find((e) => e.target === id && e.action === 'lease.revoke')?.client).toBe('socket:cli');
    }
  });

  it('stops quietly when its reader goes away (`latch run -- yes | head`)', async () => {
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${LATCH_BIN}" run --project "${dir}" -- yes latch | head -n 2; echo "status=\${PIPESTATUS[0]}" >&2`], { env: home.env, encoding: 'utf8', timeout: 30_000 });
    expect(result.stdout).toBe('latch\nlatch\n');
    expect(result.stderr).not.toMatch(/EPIPE|at .*\.js|Error:/);
    expect(result.stderr).toMatch(/status=(1|141)/);
  });

  it('keeps `-h` and `--help` after `--` for the command; before it they ask for help', async () => {
    const args = await runRaw(home, ['run', '--project', dir, '--', 'sh', '-c', 'echo "$1 $2"', 'x', '-h', '--help']);
    expect(args.stdout.toString()).toBe('-h --help\n');
    expect(args.code).toBe(0);
    const help = await runRaw(home, ['run', '--help']);
    expect(help.stdout.toString()).toContain('latch run [--project DIR]');
    expect(help.code).toBe(0);
  });

  it('answers repeated runs from the broker’s cache of keychain values until Lock or a rotate, auditing every read', async () => {
    const added = await runLatch(home, ['token', 'add', 'cache-run', '--json'], 'cache-value-one');
    const { id } = JSON.parse(added.stdout) as { id: string };
    const cacheDir = mkdtempSync(join(tmpdir(), 'latch-cache-'));
    writeFileSync(join(cacheDir, 'latch.yaml'), 'version: 1\nproject: cache-demo\nsecrets:\n  CACHED: { class: personal, token: cache-run }\n');
    const seen = async () => (await runRaw(home, ['run', '--no-masking', '--project', cacheDir, '--', 'sh', '-c', 'printf %s "$CACHED"'])).stdout.toString();
    expect(await seen()).toBe('cache-value-one');
    // Changed outside Latch: the cached value is used until Lock…
    const store = spawnSync('secret-tool', ['store', '--label', 'changed outside', 'service', 'latch', 'account', id], { env: home.env, input: 'cache-value-two' });
    expect(store.status).toBe(0);
    expect(await seen()).toBe('cache-value-one');
    const locked = await runLatch(home, ['lock']);
    expect(locked.stdout).toMatch(/^Locked: \d+ leases? ended, cached keys and token values forgotten\.\n$/);
    expect(locked.code).toBe(0);
    expect(await seen()).toBe('cache-value-two');
    // …and a rotate through Latch is seen at once.
    expect((await runLatch(home, ['token', 'rotate', 'cache-run'], 'cache-value-three')).code).toBe(0);
    expect(await seen()).toBe('cache-value-three');
    const audit = JSON.parse((await runLatch(home, ['audit', 'ls', '--json', '--limit', '500'])).stdout) as Array<{ action: string; target: string }>;
    expect(audit.filter((e) => e.action === 'token.read' && e.target === 'cache-run')).toHaveLength(4);
    const verify = await runLatch(home, ['audit', 'verify']);
    expect(verify.code).toBe(0);
  });

  it('`latch lock` without a broker says there is nothing to lock and starts none', async () => {
    const fresh = makeLatchHome();
    try {
      const result = await runLatch(fresh, ['lock']);
      expect(result).toMatchObject({ code: 0, stdout: 'Broker not running: nothing to lock.\n' });
      expect((await runLatch(fresh, ['daemon', 'status'])).code).toBe(3);
    } finally {
      await fresh.cleanup();
    }
  });

  it('refuses a missing personal token with the command to add it', async () => {
    const dir2 = project('  AWS_KEY: { class: personal, token: aws-missing }\n');
    const result = await runRaw(home, ['run', '--project', dir2, '--', 'true']);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('latch token add aws-missing');
  });
});

describe('latch shell (real PTY)', () => {
  let home: LatchHome;
  let dir: string;
  beforeAll(async () => {
    requireKeyring();
    home = makeLatchHome({ LATCH_SHELL: 'bash --noprofile --norc -i', PS1: '$ ' });
    dir = project();
    await runLatch(home, ['token', 'add', 'gh-run'], GH_VALUE);
    await runLatch(home, ['token', 'add', 'npm-run'], NPM_VALUE);
  });
  afterAll(() => home.cleanup());

  function openShell(args: string[]) {
    const pty = spawnPty(process.execPath, [LATCH_BIN, 'shell', ...args], { name: 'xterm-256color', cols: 120, rows: 30, cwd: dir, env: home.env as Record<string, string> });
    let screen = '';
    pty.onData((d) => (screen += d));
    const exited = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
    const waitFor = async (needle: string | RegExp, ms = 15_000) => {
      const until = Date.now() + ms;
      while (!(typeof needle === 'string' ? screen.includes(needle) : needle.test(screen))) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${String(needle)}; screen:\n${screen.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    return { pty, screen: () => screen, waitFor, exited };
  }

  it('masks env output, keeps colours, and masks a value printed byte by byte', async () => {
    const shell = openShell([dir]);
    await shell.waitFor('secrets until');
    shell.pty.write('env | grep GITHUB_TOKEN; printf "\\033[31m%s\\033[0m\\n" "$NPM_TOKEN"; for c in $(printf %s "$GITHUB_TOKEN" | sed "s/./& /g"); do printf %s "$c"; done; echo; exit\r');
    expect(await shell.exited).toBe(0);
    const screen = shell.screen();
    expect(screen).toContain('GITHUB_TOKEN=<concealed:GITHUB_TOKEN>');
    expect(screen).toContain('\x1b[31m<concealed:NPM_TOKEN>\x1b[0m');
    expect(screen).not.toContain(GH_VALUE);
    expect(screen).not.toContain(NPM_VALUE);
  });

  it('ends the session when its lease expires, and the broker records it', async () => {
    const shell = openShell([dir, '--ttl', '6s']);
    await shell.waitFor('secrets until');
    await shell.waitFor(/lease expires in \d+s/, 10_000);
    await shell.waitFor('lease expired', 15_000);
    await shell.exited;
    const leases = JSON.parse((await runLatch(home, ['lease', 'ls', '--json'])).stdout) as Array<{ kind: string; state: string; endReason: string }>;
    expect(leases.find((l) => l.kind === 'session')).toMatchObject({ state: 'expired', endReason: 'TTL reached' });
  });

  it('renews from inside the session with `latch renew`', async () => {
    const shell = openShell([dir, '--ttl', '30s']);
    await shell.waitFor('secrets until');
    shell.pty.write(`node ${LATCH_BIN} renew --ttl 20m; echo renewed=$?\r`);
    await shell.waitFor('renewed=0');
    expect(shell.screen()).toMatch(/Lease lse_[0-9a-f]+ renewed until/);
    shell.pty.write('exit\r');
    await shell.exited;
  });
});
