import { describe, expect, it } from 'vitest';
import { buildTrayMenu, trayTitle, type TrayMenuItem, type TrayState } from '../../../electron/main/tray-menu';

const base: TrayState = { connected: true, projects: [], pendingAccessRequests: 0, reviews: [], openFindings: 0, activeLeases: 0, locked: false };

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

  it('lets a reviewer approve (as asked or for half), deny or open each pending request from the tray', () => {
    const state: TrayState = {
      ...base,
      pendingAccessRequests: 1,
      reviews: [{ id: 'req_1', requesterName: 'Ada', resource: 'orders-db', requestedSeconds: 3600, reason: 'INC-42: refunds stuck\nsince 9:00' }],
    };
    const menu = buildTrayMenu(state);
    const review = menu.find((item) => item.type === 'submenu' && item.id === 'review:req_1');
    expect(review).toMatchObject({ label: 'Ada: orders-db for 1h' });
    if (review?.type !== 'submenu') throw new Error('no review submenu');
    expect(labels(review.items)).toEqual(['Why: INC-42: refunds stuck since 9:00', '---', 'Approve for 1h', 'Approve for 30m only', 'Deny', 'Review in Latch…']);
    expect(review.items.find((i) => i.type === 'item' && i.id === 'approve:req_1')).toMatchObject({ action: { kind: 'approve', requestId: 'req_1' } });
    expect(review.items.find((i) => i.type === 'item' && i.id === 'approve-short:req_1')).toMatchObject({ action: { kind: 'approve', requestId: 'req_1', durationSeconds: 1800 } });
    expect(review.items.find((i) => i.type === 'item' && i.id === 'deny:req_1')).toMatchObject({ action: { kind: 'deny', requestId: 'req_1' } });
  });

  it('offers no shorter approval for short requests, and folds reviews beyond five into one entry', () => {
    const reviews = Array.from({ length: 7 }, (_, i) => ({ id: `req_${i}`, requesterName: `dev${i}`, resource: 'orders-db', requestedSeconds: 480, reason: '' }));
    const menu = buildTrayMenu({ ...base, pendingAccessRequests: 7, reviews });
    const first = menu.find((item) => item.type === 'submenu' && item.id === 'review:req_0');
    if (first?.type !== 'submenu') throw new Error('no review submenu');
    expect(labels(first.items)).toEqual(['No reason given', '---', 'Approve for 8m', 'Deny', 'Review in Latch…']);
    expect(menu.filter((item) => item.type === 'submenu' && item.id.startsWith('review:'))).toHaveLength(5);
    expect(labels(menu)).toContain('2 more to review…');
  });

  it('notifies approvers of new requests and requesters of every decision, never bystanders', async () => {
    const { notificationFor } = await import('../../../electron/main/notifications');
    const event = { id: 'req_1', resource: 'orders-db', requesterName: 'Ada', summary: 'Ada asks for orders-db for 30m: “INC-42”' };
    expect(notificationFor('access.changed', { ...event, state: 'pending', mine: false, canReview: true })).toEqual({
      title: 'Access request: orders-db',
      body: 'Ada asks for orders-db for 30m: “INC-42”',
      route: '#/access',
    });
    expect(notificationFor('access.changed', { ...event, state: 'active', mine: true, canReview: false })?.title).toBe('Access active: orders-db');
    expect(notificationFor('access.changed', { ...event, state: 'denied', mine: true, canReview: false })?.title).toBe('Access denied: orders-db');
    expect(notificationFor('access.changed', { ...event, state: 'pending', mine: true, canReview: false })).toBeNull();
    expect(notificationFor('access.changed', { ...event, state: 'active', mine: false, canReview: false })).toBeNull();
  });
});
