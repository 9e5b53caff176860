// `latch hub policy check FILE`: the built CLI validates a hub access policy on its own.

import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLatchHome, REPO_ROOT, runLatch, type LatchHome } from '../support/latch-home';

const DOCS = readFileSync(join(REPO_ROOT, 'docs', 'hub-policy.md'), 'utf8');
const EXAMPLE = /## A full example\n\n```yaml\n([\s\S]*?)```/.exec(DOCS)?.[1] ?? '';

const BROKEN = [
  'version: 1',
  'resources:',
  '  orders-db:',
  '    provider: { type: postgres, server: prod-orders, grants: ["SELECT ON orders; DROP TABLE orders"] }',
  '    requesters: [backend]',
  '    aprovers: [sre]',
  '    max_duration: 90',
  '    hours: { days: [mon], from: "09:00", to: "09:00", timezone: Mars/Olympus }',
  '',
].join('\n');

describe('latch hub policy check', () => {
  let home: LatchHome;
  let dir: string;
  const file = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return name;
  };
  const check = (...args: string[]) => runLatch(home, ['hub', 'policy', 'check', ...args], undefined, { LATCH_NO_AUTOSTART: '1' });

  beforeAll(() => {
    home = makeLatchHome();
    dir = join(home.dir, 'policies');
    mkdirSync(dir);
  });
  afterAll(async () => {
    await home.cleanup();
  });

  it('accepts the documented example: one summary line on stdout, exit 0, no broker started', async () => {
    expect(EXAMPLE).toContain('resources:');
    const path = join(dir, file('hub-policy.yaml', EXAMPLE));
    const result = await check(path);
    expect(result).toEqual({ code: 0, stdout: `${path}: ok (3 resources)\n`, stderr: '' });
    expect(existsSync(home.socketPath)).toBe(false);
  });

  it('reports every problem as FILE:LINE:COL: message on stderr and exits 9', async () => {
    const path = join(dir, file('broken.yaml', BROKEN));
    const result = await check(path);
    expect(result.code).toBe(9);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `${path}:3:3: resource orders-db has no approvers; expected approvers: a list of the groups whose members may approve requests`,
      `${path}:4:63: invalid grant "SELECT ON orders; DROP TABLE orders" in postgres provider of orders-db: unexpected character ";" at position 17`,
      `${path}:6:5: unknown key "aprovers" in resource orders-db; expected one of description, provider, requesters, approvers, approvals, max_duration, reason_required, request_timeout, hours (did you mean "approvers"?)`,
      `${path}:7:19: max_duration of orders-db must be a duration such as 90s, 15m, 1h, 1h30m or 2d; found a number (did you mean "90s"?)`,
      `${path}:8:46: from and to in hours of orders-db are both "09:00", which leaves no time at all; leave hours out to allow requests at any time`,
      `${path}:8:65: unknown time zone "Mars/Olympus" in hours of orders-db; expected an IANA time zone such as Europe/Berlin or UTC`,
    ]);
  });

  it('prints the file as it was named on the command line (a relative path stays relative)', async () => {
    const named = relative(process.cwd(), join(dir, file('relative.yaml', 'version: 1\nresources:\n  x: 1\n')));
    expect(named.startsWith('/')).toBe(false);
    const result = await check(named);
    expect(result.code).toBe(9);
    expect(result.stderr).toBe(`${named}:3:6: resource x must be a mapping with provider, requesters and approvers; found a number\n`);
  });

  it('prints warnings on stderr but still passes', async () => {
    const path = join(dir, file('warn.yaml', 'version: 1\nresources:\n  db:\n    provider: { type: postgres, server: p }\n    requesters: [a, a]\n    approvers: [b]\n'));
    const result = await check(path);
    expect(result).toEqual({
      code: 0,
      stdout: `${path}: ok (1 resource)\n`,
      stderr: `${path}:5:21: warning: group "a" is listed twice in requesters of db\n`,
    });
  });

  it('--json prints {ok, resources} on success and {ok, problems} on failure', async () => {
    const good = await check(join(dir, file('good.yaml', EXAMPLE)), '--json');
    expect(good.code).toBe(0);
    const parsedGood = JSON.parse(good.stdout) as { ok: boolean; resources: Array<{ id: string; maxDurationSeconds: number }>; warnings: unknown[] };
    expect(parsedGood.ok).toBe(true);
    expect(parsedGood.resources.map((r) => [r.id, r.maxDurationSeconds])).toEqual([
      ['orders-db', 7200],
      ['stripe-live', 3600],
      ['orders-db-write', 1800],
    ]);
    expect(parsedGood.warnings).toEqual([]);

    const bad = await check(join(dir, file('bad.yaml', BROKEN)), '--json');
    expect(bad.code).toBe(9);
    expect(bad.stderr).toBe('');
    const parsedBad = JSON.parse(bad.stdout) as { ok: boolean; problems: Array<{ line: number; column: number; message: string }> };
    expect(parsedBad.ok).toBe(false);
    expect(parsedBad.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['3:3', '4:63', '6:5', '7:19', '8:46', '8:65']);
  });

  it('a YAML syntax error is located too', async () => {
    const path = join(dir, file('syntax.yaml', 'version: 1\nresources:\n  db: [a\nx: 1\n'));
    const result = await check(path);
    expect(result.code).toBe(9);
    expect(result.stderr).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:4:1: YAML syntax error: `));
  });

  it('a missing file, a directory and an unreadable file: a clear message and exit 4', async () => {
    const missing = await check(join(dir, 'nope.yaml'));
    expect(missing).toEqual({ code: 4, stdout: '', stderr: `latch: cannot read ${join(dir, 'nope.yaml')}: no such file\n` });
    const directory = await check(dir);
    expect(directory).toEqual({ code: 4, stdout: '', stderr: `latch: cannot read ${dir}: it is a directory\n` });
    if (process.getuid?.() !== 0) {
      const locked = join(dir, file('locked.yaml', EXAMPLE));
      chmodSync(locked, 0o000);
      const unreadable = await check(locked);
      expect(unreadable).toEqual({ code: 4, stdout: '', stderr: `latch: cannot read ${locked}: permission denied\n` });
    }
  });

  it('a huge file is refused without being read whole; binary garbage is a located problem', async () => {
    const huge = join(dir, file('huge.yaml', `version: 1\nresources: {}\n${'#'.repeat(2 * 1024 * 1024)}\n`));
    const result = await check(huge);
    expect(result.code).toBe(9);
    expect(result.stderr).toBe(`${huge}:1:1: the policy is too large (2049 KiB); at most 256 KiB is read\n`);

    const garbage = join(dir, 'garbage.yaml');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 131 + 7) % 256)));
    const binary = await check(garbage);
    expect(binary.code).toBe(9);
    expect(binary.stderr).toMatch(/garbage\.yaml:\d+:\d+: /);
  });

  it('usage errors: no file, two files, an unknown flag', async () => {
    expect((await check()).code).toBe(2);
    expect((await check('a.yaml', 'b.yaml')).code).toBe(2);
    expect((await check('a.yaml', '--yaml')).code).toBe(2);
  });

  it('is listed in help', async () => {
    const help = await runLatch(home, ['hub', 'policy', 'check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: latch hub policy check FILE [--json]');
  });
});
