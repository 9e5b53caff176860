import { describe, expect, it } from 'vitest';
import type { FindingInfo } from '../../../shared/contract/schemas/workspaces';
import {
  applyClosed,
  baseName,
  countByState,
  groupByWorkspace,
  location,
  selectFindings,
  shortNames,
  sortFindings,
} from '../../../renderer/features/workspaces/finding-model';
import { FIX_ORDER, orderedFixes, sentence } from '../../../renderer/features/workspaces/fix-actions';
import { incidentSteps } from '../../../renderer/features/workspaces/incident';

function finding(overrides: Partial<FindingInfo> & { fingerprint: string }): FindingInfo {
  return {
    workspace: '/home/me/src/api',
    file: '.env',
    line: 1,
    column: 11,
    endLine: 1,
    endColumn: 51,
    rule: 'github-pat',
    provider: 'GitHub',
    severity: 'high',
    kind: 'leak',
    redacted: 'ghp_…AbCd',
    message: 'GitHub personal access token found',
    tracked: false,
    state: 'open',
    detectedAt: '2026-03-01T10:00:00.000Z',
    closedAt: null,
    fixes: ['move-to-keychain', 'gitignore', 'ignore', 'open-in-editor'],
    ...overrides,
  };
}

const fps = (list: readonly FindingInfo[]) => list.map((f) => f.fingerprint);

describe('counting and selecting', () => {
  const list = [
    finding({ fingerprint: 'a1' }),
    finding({ fingerprint: 'b2', state: 'fixed', closedAt: '2026-03-01T10:05:00.000Z' }),
    finding({ fingerprint: 'c3', state: 'ignored', workspace: '/home/me/src/web' }),
    finding({ fingerprint: 'd4', kind: 'stub', severity: 'info' }),
    finding({ fingerprint: 'e5', workspace: '/home/me/src/web' }),
  ];
  it('counts each state, leaving Latch stubs out', () => {
    expect(countByState(list)).toEqual({ open: 2, fixed: 1, ignored: 1 });
  });
  it('selects one state, optionally of one workspace, never stubs', () => {
    expect(fps(selectFindings(list, 'open'))).toEqual(['a1', 'e5']);
    expect(fps(selectFindings(list, 'open', '/home/me/src/web'))).toEqual(['e5']);
    expect(fps(selectFindings(list, 'ignored', '/home/me/src/api'))).toEqual([]);
  });
});

describe('sortFindings', () => {
  it('puts the worst severity first, then the newest, then file and line', () => {
    const sorted = sortFindings([
      finding({ fingerprint: 'low', severity: 'low' }),
      finding({ fingerprint: 'old', detectedAt: '2026-02-01T00:00:00.000Z' }),
      finding({ fingerprint: 'new', detectedAt: '2026-03-02T00:00:00.000Z' }),
      finding({ fingerprint: 'crit', severity: 'critical' }),
      finding({ fingerprint: 'b-line9', file: 'b.ts', line: 9 }),
      finding({ fingerprint: 'b-line2', file: 'b.ts', line: 2 }),
    ]);
    expect(fps(sorted)).toEqual(['crit', 'new', 'b-line2', 'b-line9', 'old', 'low']);
  });
  it('orders closed findings by when they were closed', () => {
    const sorted = sortFindings([
      finding({ fingerprint: 'early', state: 'fixed', closedAt: '2026-03-01T11:00:00.000Z' }),
      finding({ fingerprint: 'late', state: 'fixed', closedAt: '2026-03-03T11:00:00.000Z' }),
    ]);
    expect(fps(sorted)).toEqual(['late', 'early']);
  });
});

describe('groupByWorkspace', () => {
  it('follows the watched order, then unwatched folders by path, each group sorted', () => {
    const groups = groupByWorkspace(
      [
        finding({ fingerprint: 'x', workspace: '/z/gone' }),
        finding({ fingerprint: 'y', workspace: '/b/web', severity: 'low' }),
        finding({ fingerprint: 'w', workspace: '/b/web', severity: 'critical' }),
        finding({ fingerprint: 'v', workspace: '/a/api' }),
        finding({ fingerprint: 'u', workspace: '/c/old' }),
      ],
      ['/b/web', '/a/api', '/empty'],
    );
    expect(groups.map((g) => [g.workspace, g.watched, fps(g.findings)])).toEqual([
      ['/b/web', true, ['w', 'y']],
      ['/a/api', true, ['v']],
      ['/c/old', false, ['u']],
      ['/z/gone', false, ['x']],
    ]);
  });
});

describe('applyClosed', () => {
  const list = [finding({ fingerprint: 'a1' }), finding({ fingerprint: 'b2' }), finding({ fingerprint: 'c3', state: 'ignored', closedAt: '2026-01-01T00:00:00.000Z' })];
  it('moves an open finding to the closed state at once, without fixes', () => {
    const moved = applyClosed(list, new Map([['a1', { state: 'fixed', at: '2026-03-01T10:02:00.000Z' }]]));
    expect(moved[0]).toMatchObject({ fingerprint: 'a1', state: 'fixed', closedAt: '2026-03-01T10:02:00.000Z', fixes: [] });
    expect(moved[1]).toBe(list[1]);
  });
  it('leaves already-closed findings and unknown states alone', () => {
    const same = applyClosed(list, new Map([['c3', { state: 'fixed', at: 'x' }], ['b2', { state: 'exploded', at: 'x' }], ['a1', { state: 'open', at: 'x' }]]));
    expect(same).toEqual(list);
  });
});

describe('labels', () => {
  it('formats file:line and folder names', () => {
    expect(location({ file: 'src/config.ts', line: 12 })).toBe('src/config.ts:12');
    expect(baseName('/home/me/src/api/')).toBe('api');
    expect(baseName('C:\\src\\web')).toBe('web');
    expect(baseName('/')).toBe('/');
  });
  it('disambiguates folders with the same name', () => {
    const names = shortNames(['/home/me/work/api', '/home/me/side/api', '/home/me/web']);
    expect([...names.values()]).toEqual(['work/api', 'side/api', 'web']);
  });
});

describe('fixes', () => {
  it('keeps the broker’s fixes in display order, dropping duplicates', () => {
    expect(orderedFixes(['open-in-editor', 'ignore', 'move-to-keychain', 'ignore'])).toEqual(['move-to-keychain', 'ignore', 'open-in-editor']);
    expect(orderedFixes([])).toEqual([]);
    expect(FIX_ORDER[0]).toBe('move-to-keychain');
  });
  it('turns a detail into a sentence', () => {
    expect(sentence('added to .latchignore')).toBe('Added to .latchignore.');
    expect(sentence('moved to the keychain as token "ws-api-token"; inject it in latch.yaml')).toBe(
      'Moved to the keychain as token "ws-api-token"; inject it in latch.yaml.',
    );
    expect(sentence('Done!')).toBe('Done!');
    expect(sentence('  ')).toBe('');
  });
});

describe('incidentSteps', () => {
  it('says rotate at the provider first, then take it out, then clean history with filter-repo or BFG', () => {
    const steps = incidentSteps({ provider: 'GitHub', file: 'config\\prod.env' });
    expect(steps.map((s) => s.title)).toEqual(['Revoke or rotate it at GitHub now', 'Take it out of the file', 'Clean the history, then force-push']);
    expect(steps[1]?.commands[0]).toContain('git rm --cached config/prod.env');
    expect(steps[2]?.commands.join('\n')).toMatch(/git filter-repo[\s\S]*bfg/);
  });
  it('copes with an unknown provider', () => {
    expect(incidentSteps({ provider: ' ', file: 'a' })[0]?.title).toBe('Revoke or rotate it at its provider now');
  });
});
