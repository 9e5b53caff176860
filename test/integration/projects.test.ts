import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STUB_SHAPES } from '../../shared/stubs';
import { LATCH_BIN, makeLatchHome, REPO_ROOT, requireKeyring, runLatch, secretToolLookup, type LatchHome } from './support/latch-home';

function fixtureProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'latch-proj-'));
  copyFileSync(join(REPO_ROOT, 'shared/manifest/EXAMPLE.latch.yaml'), join(dir, 'latch.yaml'));
  return dir;
}

const REALISTIC_ENV = [
  '# Local settings for payments-api',
  'export GITHUB_TOKEN=ghp_realLookingValue0123456789abcdefghijkl',
  '',
  "STRIPE_SECRET_KEY='sk_test_51HqLyjABCDEFabcdef0123456789'   # test mode",
  'DATABASE_URL="postgres://app:s3cr3t%21@db.internal:5432/app"',
  'EMPTY_ONE=',
  'PRIVATE_KEY="-----BEGIN PRIVATE KEY-----',
  'MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA',
  '-----END PRIVATE KEY-----"',
  '# trailing comment with a # hash',
  'PORT=3000',
  '',
].join('\n');

describe('project templates and stubs', () => {
  let home: LatchHome;
  let project: string;
  beforeAll(() => {
    requireKeyring();
    home = makeLatchHome();
    project = fixtureProject();
  });
  afterAll(() => home.cleanup());

  it('shows each secret’s status for this developer, and a personal token turns it ready', async () => {
    const added = await runLatch(home, ['project', 'add', project, '--json']);
    expect(added.code).toBe(0);
    const show = async () => JSON.parse((await runLatch(home, ['project', 'show', project, '--json'])).stdout) as { secrets: Array<{ name: string; status: string; hint: string | null }> };
    const before = await show();
    expect(Object.fromEntries(before.secrets.map((s) => [s.name, s.status]))).toMatchObject({
      STRIPE_SECRET_KEY: 'stub',
      GITHUB_TOKEN: 'missing-token',
      DATABASE_URL: 'on-demand',
      PROD_DB_URL: 'needs-access',
    });
    expect(before.secrets.find((s) => s.name === 'GITHUB_TOKEN')?.hint).toBe('add your token: latch token add github-work');
    expect((await runLatch(home, ['token', 'add', 'github-work'], 'ghp_value_for_status_test')).code).toBe(0);
    expect((await show()).secrets.find((s) => s.name === 'GITHUB_TOKEN')?.status).toBe('ready');
  });

  it('gives a well-formed stub, stable until rotated', async () => {
    const first = (await runLatch(home, ['stub', 'STRIPE_SECRET_KEY', '--project', project])).stdout.trim();
    const pattern = STUB_SHAPES.find((s) => s.id === 'stripe-secret-key')?.pattern as RegExp;
    expect(first).toMatch(pattern);
    expect(first.startsWith('sk_test_LATCHSTUB')).toBe(true);
    expect((await runLatch(home, ['stub', 'STRIPE_SECRET_KEY', '--project', project])).stdout.trim()).toBe(first);
    expect((await runLatch(home, ['stub', 'rotate', 'STRIPE_SECRET_KEY', '--project', project])).code).toBe(0);
    const rotated = (await runLatch(home, ['stub', 'STRIPE_SECRET_KEY', '--project', project])).stdout.trim();
    expect(rotated).not.toBe(first);
    expect(rotated).toMatch(pattern);
  });

  it('gives another developer (another keychain) a different stub', async () => {
    const mine = (await runLatch(home, ['stub', 'WEBHOOK_SIGNING_SECRET', '--project', project])).stdout.trim();
    const other = makeLatchHome();
    const env = { ...other.env, LATCH_KEYRING_INNER: '' };
    const theirs = spawnSync(join(REPO_ROOT, 'scripts/with-keyring.sh'), ['bash', '-c', `node ${LATCH_BIN} stub WEBHOOK_SIGNING_SECRET --project ${project}; node ${LATCH_BIN} daemon stop`], { env, encoding: 'utf8' });
    expect(theirs.status).toBe(0);
    const value = theirs.stdout.trim().split('\n')[0] as string;
    expect(value).toMatch(/^pay_whsec_LATCHSTUB[0-9A-Za-z]{23}$/);
    expect(value).not.toBe(mine);
  });

  it('prints the resolved environment in dotenv format, or writes a 0600 file with a warning', async () => {
    const printed = await runLatch(home, ['env', '--project', project]);
    expect(printed.code).toBe(0);
    const parsed = parseDotenv(printed.stdout);
    expect(parsed.GITHUB_TOKEN).toBe('ghp_value_for_status_test');
    expect(parsed.STRIPE_SECRET_KEY).toMatch(/^sk_test_LATCHSTUB/);
    expect(parsed.DATABASE_URL).toBeUndefined();
    expect(printed.stderr).toContain('skipped DATABASE_URL: dynamic');
    const out = join(project, 'local.env');
    const written = await runLatch(home, ['env', '--project', project, '--out', out]);
    expect(written.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(written.stderr).toContain('holds real secrets on disk');
    expect(parseDotenv(readFileSync(out))).toEqual(parsed);
    const audit = JSON.parse((await runLatch(home, ['audit', 'ls', '--action', 'env.resolve', '--json'])).stdout) as unknown[];
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('reports template errors as FILE:LINE:COL and exits 9, without crashing the broker', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'latch-broken-'));
    writeFileSync(join(broken, 'latch.yaml'), 'version: 1\nproject: demo\nsecrets:\n  API_KEY:\n    class: stb\n    shape: github-pat\n');
    const check = await runLatch(home, ['template', 'check', join(broken, 'latch.yaml')]);
    expect(check.code).toBe(9);
    expect(check.stderr).toMatch(/latch\.yaml:5:12: .*"stb".*did you mean "stub"/);
    const add = await runLatch(home, ['project', 'add', broken]);
    expect(add.code).toBe(9);
    expect(add.stderr).toMatch(/latch\.yaml:5:12: /);
    expect((await runLatch(home, ['status'])).code).toBe(0);
  });

  it('updates a project’s status live when its latch.yaml changes', async () => {
    const dir = fixtureProject();
    await runLatch(home, ['project', 'add', dir]);
    const text = readFileSync(join(dir, 'latch.yaml'), 'utf8');
    const edited = text.replace(/class: personal\n(\s+description: Pulls[^\n]*\n)\s+token: github-work[^\n]*\n/, 'class: stub\n$1');
    expect(edited).not.toBe(text);
    writeFileSync(join(dir, 'latch.yaml'), edited);
    await new Promise((r) => setTimeout(r, 300));
    const detail = JSON.parse((await runLatch(home, ['project', 'show', dir, '--json'])).stdout) as { secrets: Array<{ name: string; status: string }> };
    expect(detail.secrets.find((s) => s.name === 'GITHUB_TOKEN')?.status).toBe('stub');
  });

  it('turns a .env.example into a template with guessed classes and shapes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'latch-init-'));
    writeFileSync(join(dir, '.env.example'), '# Stripe\nSTRIPE_SECRET_KEY=sk_test_xxx\nGITHUB_TOKEN=\nDATABASE_URL=postgres://localhost/app\n');
    const init = await runLatch(home, ['template', 'init', dir, '--from', join(dir, '.env.example'), '--project', 'demo-app']);
    expect(init.code).toBe(0);
    const text = readFileSync(join(dir, 'latch.yaml'), 'utf8');
    expect(text).toContain('project: demo-app');
    expect(text).toContain('shape: stripe-secret-key');
    expect((await runLatch(home, ['template', 'check', join(dir, 'latch.yaml')])).code).toBe(0);
    expect((await runLatch(home, ['template', 'init', dir, '--from', join(dir, '.env.example')])).code).toBe(5);
  });
});

describe('latch env migrate', () => {
  let home: LatchHome;
  beforeAll(() => {
    requireKeyring();
    home = makeLatchHome();
  });
  afterAll(() => home.cleanup());

  it('moves every real value into the keychain, keeps everything else byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'latch-migrate-'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.env'), REALISTIC_ENV);
    const values = parseDotenv(REALISTIC_ENV);
    const result = await runLatch(home, ['env', 'migrate', join(dir, '.env'), '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { moved: Array<{ name: string; token: string }>; kept: Array<{ name: string }>; backup: string | null };
    expect(report.moved.map((m) => m.name).sort()).toEqual(['DATABASE_URL', 'GITHUB_TOKEN', 'PORT', 'PRIVATE_KEY', 'STRIPE_SECRET_KEY']);
    expect(report.kept.map((k) => k.name)).toEqual(['EMPTY_ONE']);
    expect(report.backup).toBeNull();

    const tokens = JSON.parse((await runLatch(home, ['token', 'ls', '--json'])).stdout) as Array<{ name: string; id: string }>;
    for (const moved of report.moved) {
      const token = tokens.find((t) => t.name === moved.token);
      expect(token, moved.token).toBeDefined();
      expect(secretToolLookup('latch', token!.id)).toBe(values[moved.name]);
    }

    const rewritten = readFileSync(join(dir, '.env'), 'utf8');
    expect(rewritten).toBe(
      [
        '# Local settings for payments-api',
        'export GITHUB_TOKEN=',
        '',
        'STRIPE_SECRET_KEY=   # test mode',
        'DATABASE_URL=',
        'EMPTY_ONE=',
        'PRIVATE_KEY=',
        '# trailing comment with a # hash',
        'PORT=',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('.env\n');
    const template = readFileSync(join(dir, 'latch.yaml'), 'utf8');
    expect(template).toContain('GITHUB_TOKEN:');
    expect(template).toContain('class: personal');
    expect((await runLatch(home, ['template', 'check', join(dir, 'latch.yaml')])).code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes('latch-backup'))).toEqual([]);
  });

  it('rolls back mid-way: tokens already stored are removed and the file is untouched when a later step fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'latch-migrate-midway-'));
    writeFileSync(join(dir, '.env'), REALISTIC_ENV);
    // A latch.yaml whose `secrets` is not a mapping: extending it fails after the values are in the keychain.
    writeFileSync(join(dir, 'latch.yaml'), 'version: 1\nproject: midway\nsecrets:\n  - not-a-mapping\n');
    const before = (JSON.parse((await runLatch(home, ['token', 'ls', '--json'])).stdout) as unknown[]).length;
    const result = await runLatch(home, ['env', 'migrate', join(dir, '.env')]);
    expect(result.code).not.toBe(0);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(REALISTIC_ENV);
    expect(readFileSync(join(dir, 'latch.yaml'), 'utf8')).toBe('version: 1\nproject: midway\nsecrets:\n  - not-a-mapping\n');
    expect((JSON.parse((await runLatch(home, ['token', 'ls', '--json'])).stdout) as unknown[]).length).toBe(before);
    const audit = JSON.parse((await runLatch(home, ['audit', 'ls', '--json', '--limit', '30'])).stdout) as Array<{ action: string; outcome: string }>;
    expect(audit.filter((e) => e.action === 'token.add').length).toBeGreaterThanOrEqual(5);
    expect(audit.filter((e) => e.action === 'token.remove').length).toBeGreaterThanOrEqual(5);
    expect(audit.find((e) => e.action === 'env.migrate')).toMatchObject({ outcome: 'error' });
    expect(readdirSync(dir).sort()).toEqual(['.env', 'latch.yaml']);
  });

  it('leaves the original file intact and stores nothing when the keychain is locked', async () => {
    const other = makeLatchHome({ LATCH_KEYRING_INNER: '' });
    const dir = mkdtempSync(join(tmpdir(), 'latch-migrate-locked-'));
    writeFileSync(join(dir, '.env'), REALISTIC_ENV);
    // A separate keyring session, locked before the migration: every keychain write fails.
    const script = `secret-tool lock --collection=login >/dev/null 2>&1; node ${LATCH_BIN} env migrate ${join(dir, '.env')}; echo "exit=$?"; node ${LATCH_BIN} daemon stop >/dev/null 2>&1`;
    const run = spawnSync(join(REPO_ROOT, 'scripts/with-keyring.sh'), ['bash', '-c', script], { env: other.env, encoding: 'utf8' });
    expect(run.stdout).toContain('exit=6');
    expect(run.stderr).toMatch(/latch: OS keychain is locked/);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(REALISTIC_ENV);
    expect(existsSync(join(dir, 'latch.yaml'))).toBe(false);
    expect(existsSync(join(dir, '.gitignore'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['.env']);
  });
});
