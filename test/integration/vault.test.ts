import { randomBytes } from 'node:crypto';
import Libsql from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fileContains,
  filesUnder,
  makeLatchHome,
  requireKeyring,
  runLatch,
  secretToolLookup,
  type LatchHome,
} from './support/latch-home';

function uniqueValue(label: string): string {
  return `${label}-${randomBytes(12).toString('hex')}`;
}

describe('personal token vault through the CLI and the real Secret Service', () => {
  let home: LatchHome;
  beforeAll(() => {
    requireKeyring();
    home = makeLatchHome();
  });
  afterAll(() => home.cleanup());

  it('stores a token only in the keychain: not in the store, the log or the audit table', async () => {
    const value = uniqueValue('gh');
    const added = await runLatch(home, ['token', 'add', 'github-work', '--kind', 'github', '--owner', 'me', '--json'], value + '\n');
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const meta = JSON.parse(added.stdout) as { id: string; name: string; kind: string };
    expect(meta).toMatchObject({ name: 'github-work', kind: 'github' });

    expect(secretToolLookup('latch', meta.id)).toBe(value);

    await runLatch(home, ['daemon', 'stop']);
    const written = filesUnder(home.dir);
    expect(written.some((f) => f.endsWith('latch.db'))).toBe(true);
    expect(written.some((f) => f.endsWith('broker.log'))).toBe(true);
    for (const file of written) expect(fileContains(file, value), file).toBe(false);

    const db = new Libsql(home.dbPath, { readonly: true });
    const audit = db.prepare('SELECT * FROM audit').all() as Array<Record<string, unknown>>;
    db.close();
    expect(audit.map((row) => row.action)).toContain('token.add');
    expect(JSON.stringify(audit)).not.toContain(value);
    expect(audit.find((row) => row.action === 'token.add')?.value_hmac).toMatch(/^[0-9a-f]{32}$/);
  });

  it('lists, shows and reveals, and audits the reveal', async () => {
    const value = uniqueValue('npm');
    expect((await runLatch(home, ['token', 'add', 'npm-publish', '--kind', 'npm', '--rotate-every', '90'], value)).code).toBe(0);

    const ls = await runLatch(home, ['token', 'ls']);
    expect(ls.code).toBe(0);
    expect(ls.stdout).toMatch(/^NAME\s+KIND/);
    expect(ls.stdout).toContain('npm-publish');
    expect(ls.stdout).not.toContain(value);

    const json = JSON.parse((await runLatch(home, ['token', 'ls', '--json'])).stdout) as Array<{ name: string; rotationDueAt: string | null }>;
    expect(json.find((t) => t.name === 'npm-publish')?.rotationDueAt).not.toBeNull();

    const show = await runLatch(home, ['token', 'show', 'npm-publish']);
    expect(show.stdout).toContain('rotate every  90 days');
    expect(show.stdout).not.toContain(value);

    const reveal = await runLatch(home, ['token', 'reveal', 'npm-publish', '--reason', 'ci debug']);
    expect(reveal).toMatchObject({ code: 0, stdout: value });

    const audit = JSON.parse((await runLatch(home, ['audit', 'ls', '--action', 'token.reveal', '--json'])).stdout) as Array<{
      target: string;
      detail: string;
      client: string;
    }>;
    expect(audit[0]).toMatchObject({ target: 'npm-publish', detail: 'ci debug', client: 'socket:cli' });
  });

  it('rotates: new value in the keychain, history kept, old value gone', async () => {
    const first = uniqueValue('v1');
    const second = uniqueValue('v2');
    const added = JSON.parse((await runLatch(home, ['token', 'add', 'aws-dev', '--json'], first)).stdout) as { id: string };
    const rotated = await runLatch(home, ['token', 'rotate', 'aws-dev'], second);
    expect(rotated.code).toBe(0);
    expect(secretToolLookup('latch', added.id)).toBe(second);
    const detail = JSON.parse((await runLatch(home, ['token', 'show', 'aws-dev', '--json'])).stdout) as {
      rotations: string[];
      lastRotatedAt: string;
    };
    expect(detail.rotations).toHaveLength(1);
    expect(detail.lastRotatedAt).toBe(detail.rotations[0]);
  });

  it('edits metadata and renames without touching the value', async () => {
    const value = uniqueValue('edit');
    const added = JSON.parse((await runLatch(home, ['token', 'add', 'old-name', '--json'], value)).stdout) as { id: string };
    const edited = await runLatch(home, ['token', 'edit', 'old-name', '--rename', 'new-name', '--owner', 'team-x', '--json']);
    expect(edited.code).toBe(0);
    expect(JSON.parse(edited.stdout)).toMatchObject({ name: 'new-name', owner: 'team-x', id: added.id });
    expect(secretToolLookup('latch', added.id)).toBe(value);
    expect((await runLatch(home, ['token', 'show', 'old-name'])).code).toBe(4);
  });

  it('removes the value from the keychain', async () => {
    const added = JSON.parse((await runLatch(home, ['token', 'add', 'short-lived', '--json'], uniqueValue('rm'))).stdout) as { id: string };
    expect(secretToolLookup('latch', added.id)).not.toBeNull();
    const removed = await runLatch(home, ['token', 'rm', 'short-lived', '--yes']);
    expect(removed.code).toBe(0);
    expect(secretToolLookup('latch', added.id)).toBeNull();
    const show = await runLatch(home, ['token', 'show', 'short-lived']);
    expect(show.code).toBe(4);
    expect(show.stderr).toBe('latch: no token named "short-lived" (see `latch token ls`)\n');
  });

  it('gives clear one-line errors with documented exit codes', async () => {
    await runLatch(home, ['token', 'add', 'dup'], 'x1-value');
    const dup = await runLatch(home, ['token', 'add', 'dup'], 'x2-value');
    expect(dup).toMatchObject({ code: 5 });
    expect(dup.stderr).toMatch(/^latch: a token named "dup" already exists.*\n$/);

    const empty = await runLatch(home, ['token', 'add', 'empty'], '');
    expect(empty.code).toBe(8);
    expect(empty.stderr).toContain('no value given');

    const badName = await runLatch(home, ['token', 'add', 'Bad Name'], 'v');
    expect(badName.code).toBe(8);
    expect(badName.stderr).toContain('name: must be 1-64 chars');

    expect((await runLatch(home, ['token', 'add'])).code).toBe(2);
    expect((await runLatch(home, ['token', 'add', 'a', 'b'])).code).toBe(2);
    expect((await runLatch(home, ['token', 'ls', '--bogus'])).stderr).toBe('latch: unknown option --bogus\n');
    expect((await runLatch(home, ['token', 'rm', 'dup'])).code).toBe(2);
    expect((await runLatch(home, ['frobnicate'])).code).toBe(2);
    const expires = await runLatch(home, ['token', 'add', 'x', '--expires', 'soonish'], 'v');
    expect(expires).toMatchObject({ code: 2, stderr: 'latch: --expires: "soonish" is not a date (YYYY-MM-DD) or a span like 30d\n' });
  });

  it('prints --help for every command', async () => {
    const top = await runLatch(home, ['--help']);
    expect(top.code).toBe(0);
    const commands = [...top.stdout.matchAll(/^ {2}([a-z]+(?: [a-z]+)?) {2,}/gm)].map((m) => m[1] as string);
    expect(commands).toContain('token add');
    for (const command of commands) {
      const help = await runLatch(home, [...command.split(' '), '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toMatch(/^Usage: latch /);
      expect(help.stdout, command).toContain('Exit codes:');
    }
  });
});

describe('keychain unavailable', () => {
  it('fails with the documented error and exit code, and writes nothing', async () => {
    const home = makeLatchHome({ DBUS_SESSION_BUS_ADDRESS: '', DISPLAY: '' });
    try {
      const value = uniqueValue('nokeychain');
      const result = await runLatch(home, ['token', 'add', 'github-work'], value);
      expect(result.code).toBe(6);
      expect(result.stderr).toMatch(/^latch: OS keychain unavailable: .*nothing was stored\.\n$/);
      const ls = JSON.parse((await runLatch(home, ['token', 'ls', '--json'])).stdout) as unknown[];
      expect(ls).toEqual([]);
      const status = await runLatch(home, ['status']);
      expect(status.code).toBe(6);
      expect(status.stdout).toContain('UNAVAILABLE');
      await runLatch(home, ['daemon', 'stop']);
      for (const file of filesUnder(home.dir)) expect(fileContains(file, value), file).toBe(false);
    } finally {
      await home.cleanup();
    }
  });
});
