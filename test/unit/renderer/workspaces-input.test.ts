import { describe, expect, it } from 'vitest';
import { fixedShare, medianText, openBars } from '../../../renderer/features/workspaces/metrics-view';
import { moveOutcome } from '../../../renderer/features/workspaces/move-to-keychain';
import { checkWorkspacePath, normalizeWorkspacePath } from '../../../renderer/features/workspaces/path-input';
import { splitProblem } from '../../../renderer/features/workspaces/problem-text';

describe('workspace path input', () => {
  it('accepts absolute POSIX and Windows paths', () => {
    expect(checkWorkspacePath('/home/me/src/api')).toBeNull();
    expect(checkWorkspacePath('  /home/me/src/api/  ')).toBeNull();
    expect(checkWorkspacePath('C:\\src\\api')).toBeNull();
    expect(checkWorkspacePath('/')).toBeNull();
  });
  it('explains what is wrong otherwise', () => {
    expect(checkWorkspacePath('   ')).toMatch(/absolute path/);
    expect(checkWorkspacePath('~/src/api')).toMatch(/~ is not expanded/);
    expect(checkWorkspacePath('src/api')).toMatch(/absolute path/);
    expect(checkWorkspacePath(`/${'a'.repeat(5000)}`)).toMatch(/too long/);
    expect(checkWorkspacePath('/a\0b')).toMatch(/NUL/);
  });
  it('trims and drops trailing separators, but keeps a root', () => {
    expect(normalizeWorkspacePath(' /home/me/api// ')).toBe('/home/me/api');
    expect(normalizeWorkspacePath('/')).toBe('/');
    expect(normalizeWorkspacePath('C:\\')).toBe('C:\\');
    expect(normalizeWorkspacePath('C:\\src\\')).toBe('C:\\src');
  });
});

describe('metrics view', () => {
  it('shows the median as a duration, or a dash before the first fix', () => {
    expect(medianText(null)).toBe('—');
    expect(medianText(252.4)).toBe('4m 12s');
    expect(medianText(3)).toBe('3s');
  });
  it('gives the fixed share of closed findings', () => {
    expect(fixedShare({ fixed: 0, ignored: 0 })).toBeNull();
    expect(fixedShare({ fixed: 3, ignored: 1 })).toBe(0.75);
    expect(fixedShare({ fixed: 0, ignored: 2 })).toBe(0);
  });
  it('orders per-workspace bars by open findings and scales them to the largest', () => {
    const bars = openBars([
      { path: '/b', open: 1, fixed: 0, ignored: 0 },
      { path: '/a', open: 4, fixed: 2, ignored: 0 },
      { path: '/c', open: 0, fixed: 1, ignored: 1 },
      { path: '/0', open: 1, fixed: 0, ignored: 0 },
    ]);
    expect(bars).toEqual([
      { path: '/a', open: 4, share: 1 },
      { path: '/0', open: 1, share: 0.25 },
      { path: '/b', open: 1, share: 0.25 },
      { path: '/c', open: 0, share: 0 },
    ]);
    expect(openBars([{ path: '/x', open: 0, fixed: 0, ignored: 0 }])).toEqual([{ path: '/x', open: 0, share: 0 }]);
  });
});

describe('degraded watcher message', () => {
  it('splits off the command that fixes it', () => {
    expect(
      splitProblem(
        'the inotify watch limit was hit: saved files are not rescanned live (degraded). Raise it: sudo sysctl fs.inotify.max_user_watches=524288',
      ),
    ).toEqual({
      text: 'The inotify watch limit was hit: saved files are not rescanned live (degraded). Raise it:',
      command: 'sudo sysctl fs.inotify.max_user_watches=524288',
    });
  });
  it('keeps a message without a command whole', () => {
    expect(splitProblem('cannot watch this folder (EACCES); only scans on request')).toEqual({
      text: 'Cannot watch this folder (EACCES); only scans on request',
      command: null,
    });
  });
});

describe('move to keychain outcome', () => {
  it('empties the value in .env files and leaves a reference elsewhere', () => {
    expect(moveOutcome({ file: '.env' })).toMatch(/KEY= stays/);
    expect(moveOutcome({ file: 'apps/web/.env.local' })).toMatch(/KEY= stays/);
    expect(moveOutcome({ file: 'config/app.yaml' })).toMatch(/\$\{KEY\}/);
  });
});
