import { describe, expect, it } from 'vitest';
import { buildTrayMenu, trayTitle, type TrayMenuItem, type TrayState } from '../../../electron/main/tray-menu';

const base: TrayState = { connected: true, projects: [], pendingAccessRequests: 0, openFindings: 0, activeLeases: 0, locked: false };

function labels(items: TrayMenuItem[]): string[] {
  return items.map((item) => (item.type === 'separator' ? '---' : item.label));
}

describe('tray menu builder', () => {
  it('offers reconnect and quit only when the broker is not connected', () => {
    const menu = buildTrayMenu({ ...base, connected: false, projects: [{ id: 'a', name: 'api', missing: 0 }] });
    expect(labels(menu)).toEqual(['Broker not connected', 'Reconnect', '---', 'Quit Latch']);
    expect(trayTitle({ ...base, connected: false })).toBe('Latch — broker not connected');
  });

  it('shows an empty state with no projects, and the fixed entries', () => {
    expect(labels(buildTrayMenu(base))).toEqual([
      'No projects yet — add one in Latch',
      '---',
      'Access requests — none pending',
      'Secret warnings — none',
      '---',
      'Open Latch',
      'Lock',
      '---',
      'Quit Latch',
    ]);
    expect(trayTitle(base)).toBe('Latch');
  });

  it('lists projects alphabetically with an "Open dev shell" action and missing counts', () => {
    const menu = buildTrayMenu({
      ...base,
      projects: [
        { id: 'p2', name: 'web', missing: 0 },
        { id: 'p1', name: 'api', missing: 2 },
      ],
    });
    expect(menu[0]).toMatchObject({ label: 'Open dev shell — api (2 secrets missing)', action: { kind: 'open-shell', projectId: 'p1' } });
    expect(menu[1]).toMatchObject({ label: 'Open dev shell — web', action: { kind: 'open-shell', projectId: 'p2' } });
  });

  it('moves projects beyond eight into a submenu', () => {
    const projects = Array.from({ length: 11 }, (_, i) => ({ id: `p${i}`, name: `proj-${String(i).padStart(2, '0')}`, missing: 0 }));
    const menu = buildTrayMenu({ ...base, projects });
    const more = menu.find((item) => item.type === 'submenu');
    expect(more).toMatchObject({ label: 'More projects (3)' });
    expect(more?.type === 'submenu' && more.items.length).toBe(3);
  });

  it('counts pending requests, open findings and active leases', () => {
    const state = { ...base, pendingAccessRequests: 1, openFindings: 3, activeLeases: 2 };
    const menu = buildTrayMenu(state);
    expect(labels(menu)).toContain('Access requests — 1 pending');
    expect(labels(menu)).toContain('Secret warnings — 3 open');
    expect(menu.find((i) => i.type === 'item' && i.id === 'lock')).toMatchObject({ label: 'Lock (end 2 leases)', enabled: true, action: { kind: 'lock' } });
    expect(trayTitle(state)).toBe('Latch — 1 access request, 3 secret warnings, 2 active leases');
  });

  it('routes the window entries to their pages', () => {
    const menu = buildTrayMenu(base);
    const route = (id: string) => {
      const item = menu.find((i) => i.type === 'item' && i.id === id);
      return item?.type === 'item' && item.action.kind === 'open-window' ? item.action.route : null;
    };
    expect(route('access')).toBe('#/access');
    expect(route('findings')).toBe('#/workspaces');
    expect(route('open')).toBe('#/tokens');
  });

  it('disables Lock when already locked with nothing to end', () => {
    const lock = buildTrayMenu({ ...base, locked: true }).find((i) => i.type === 'item' && i.id === 'lock');
    expect(lock).toMatchObject({ enabled: false });
  });
});

describe('notifications', () => {
  it('turns a new finding into a notification that opens the Workspaces page, without the value', async () => {
    const { notificationFor } = await import('../../../electron/main/notifications');
    const text = notificationFor('finding.opened', { fingerprint: 'ab12', workspace: '/w', file: '.env', line: 3, rule: 'github-pat', severity: 'critical', kind: 'leak', message: 'GitHub token found', tracked: true });
    expect(text).toEqual({ title: 'Secret committed to git', body: '.env:3 — GitHub token found Already in history: rotate it.', route: '#/workspaces' });
    expect(notificationFor('lease.expiring', { id: 'l', project: 'api', expiresAt: 'x', secondsLeft: 60 })?.route).toBe('#/shells');
    expect(notificationFor('audit.appended', { seq: 1, action: 'x', outcome: 'ok' })).toBeNull();
  });
});
