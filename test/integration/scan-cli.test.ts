import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { LATCH_BIN } from './support/latch-home';
import { githubToken } from '../support/github-token';


const ENV = { ...process.env, LATCH_NO_AUTOSTART: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };

function latch(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [LATCH_BIN, ...args], { cwd, env: ENV, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function git(cwd: string, ...args: string[]) {
  return spawnSync('git', args, { cwd, env: ENV, encoding: 'utf8' });
}

describe('latch scan', () => {
  let repo: string;
  let token: string;
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'latch-scan-'));
    execFileSync('git', ['init', '-q', repo]);
    token = githubToken();
    writeFileSync(join(repo, 'clean.ts'), 'export const answer = 42;\n');
  });

  it('exits 0 on a clean tree and 1 with a finding, never printing the value', () => {
    expect(latch(repo, ['scan']).code).toBe(0);
    writeFileSync(join(repo, 'config.ts'), `export const token = '${token}';\n`);
    const text = latch(repo, ['scan']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^config\.ts:1:23: critical: /);
    expect(text.stdout + text.stderr).not.toContain(token);
  });

  it('--format json: file, line, column, endLine, rule, severity, fingerprint — no raw value', () => {
    writeFileSync(join(repo, 'config.ts'), `\nconst t = "${token}";\n`);
    const result = latch(repo, ['scan', '--format', 'json']);
    expect(result.code).toBe(1);
    const [finding] = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(finding).toMatchObject({ file: 'config.ts', line: 2, column: 12, endLine: 2, severity: 'critical', rule: expect.stringMatching(/github/), fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(result.stdout).not.toContain(token);
  });

  it('--format sarif is SARIF 2.1.0 with locations', () => {
    writeFileSync(join(repo, 'config.ts'), `const t = "${token}";\n`);
    const sarif = JSON.parse(latch(repo, ['scan', '--format', 'sarif']).stdout) as { version: string; runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation).toMatchObject({ artifactLocation: { uri: 'config.ts' }, region: { startLine: 1 } });
  });

  it('--baseline reports only new findings; latch:allow and .latchignore silence them', () => {
    writeFileSync(join(repo, 'old.ts'), `const t = "${token}";\n`);
    writeFileSync(join(repo, 'baseline.json'), latch(repo, ['scan', '--format', 'json']).stdout);
    expect(latch(repo, ['scan', '--baseline', 'baseline.json']).code).toBe(0);
    writeFileSync(join(repo, 'new.ts'), `const u = "${githubToken()}";\n`);
    const fresh = JSON.parse(latch(repo, ['scan', '--baseline', 'baseline.json', '--format', 'json']).stdout) as Array<{ file: string }>;
    expect(fresh.map((f) => f.file)).toEqual(['new.ts']);
    writeFileSync(join(repo, 'new.ts'), `const u = "${githubToken()}"; // latch:allow test fixture\n`);
    expect(latch(repo, ['scan', '--baseline', 'baseline.json']).code).toBe(0);
    const fp = (JSON.parse(latch(repo, ['scan', '--format', 'json']).stdout) as Array<{ fingerprint: string }>)[0]?.fingerprint;
    writeFileSync(join(repo, '.latchignore'), `fingerprint:${fp}\n`);
    expect(latch(repo, ['scan']).code).toBe(0);
  });

  it('honours .gitignore and skips binary files', () => {
    writeFileSync(join(repo, '.gitignore'), 'secrets/\n*.log\n');
    execFileSync('mkdir', [join(repo, 'secrets')]);
    writeFileSync(join(repo, 'secrets', 'a.env'), `T=${token}\n`);
    writeFileSync(join(repo, 'debug.log'), `T=${token}\n`);
    writeFileSync(join(repo, 'blob.bin'), Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(token)]));
    expect(latch(repo, ['scan']).code).toBe(0);
  });

  it('exits 2 on usage errors', () => {
    expect(latch(repo, ['scan', '--format', 'xml']).code).toBe(2);
    expect(latch(repo, ['scan', 'no-such-path']).code).toBe(2);
    expect(latch(repo, ['scan', '--baseline', 'missing.json']).code).toBe(2);
    expect(latch(repo, ['scan', '--staged', 'x']).code).toBe(2);
  });

  it('--staged scans what git would commit (the index, not the working tree)', () => {
    writeFileSync(join(repo, 'app.ts'), `const t = "${token}";\n`);
    git(repo, 'add', 'app.ts');
    writeFileSync(join(repo, 'app.ts'), 'const t = process.env.T;\n');
    const staged = latch(repo, ['scan', '--staged', '--format', 'json']);
    expect(staged.code).toBe(1);
    expect((JSON.parse(staged.stdout) as Array<{ file: string; tracked: boolean }>)[0]).toMatchObject({ file: 'app.ts', tracked: false });
    expect(latch(repo, ['scan']).code).toBe(0);
    writeFileSync(join(repo, 'other.ts'), `const t = "${githubToken()}";\n`);
    expect(latch(repo, ['scan', '--staged', '--format', 'json']).stdout).not.toContain('other.ts');
  });

  it('the installed hook blocks a commit with a secret, keeps an existing hook, and lets a clean commit through', () => {
    const hooks = join(repo, '.git', 'hooks');
    writeFileSync(join(hooks, 'pre-commit'), `#!/bin/sh\necho existing-hook-ran >> "${join(repo, 'hook.log')}"\n`);
    chmodSync(join(hooks, 'pre-commit'), 0o755);
    const install = latch(repo, ['hook', 'install']);
    expect(install.code).toBe(0);
    expect(install.stderr).toContain('Kept your existing pre-commit hook');
    expect(latch(repo, ['hook', 'install']).stderr).toContain('already installed');

    writeFileSync(join(repo, 'leak.ts'), `const t = "${token}";\n`);
    git(repo, 'add', 'leak.ts');
    const blocked = git(repo, 'commit', '-qm', 'add leak');
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr).toContain('latch: commit blocked');
    expect(git(repo, 'log', '--oneline').stdout).toBe('');

    writeFileSync(join(repo, 'leak.ts'), 'const t = process.env.GITHUB_TOKEN;\n');
    git(repo, 'add', 'leak.ts', 'clean.ts');
    const ok = git(repo, 'commit', '-qm', 'clean');
    expect(ok.status).toBe(0);
    expect(readFileSync(join(repo, 'hook.log'), 'utf8').trim().split('\n')).toHaveLength(2);
  });
});
