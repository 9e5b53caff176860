// Pure: the tray menu as plain data computed from broker state. index.ts turns it into an
// Electron Menu; tests check it without Electron.

export interface TrayProject {
  id: string;
  name: string;
  /** Secrets the template needs that this developer lacks (0 = ready). */
  missing: number;
}

/** An access request this member may approve, as the tray shows it. */
export interface TrayReview {
  id: string;
  requesterName: string;
  resource: string;
  requestedSeconds: number;
  reason: string;
}

export interface TrayState {
  connected: boolean;
  projects: readonly TrayProject[];
  pendingAccessRequests: number;
  /** The pending requests themselves (newest first), to approve or deny from the tray. */
  reviews: readonly TrayReview[];
  openFindings: number;
  activeLeases: number;
  locked: boolean;
}

export type TrayAction =
  | { kind: 'open-window'; route: string }
  | { kind: 'open-shell'; projectId: string }
  | { kind: 'lock' }
  | { kind: 'approve'; requestId: string; durationSeconds?: number }
  | { kind: 'deny'; requestId: string }
  | { kind: 'reconnect' }
  | { kind: 'quit' };

export type TrayMenuItem =
  | { type: 'item'; id: string; label: string; enabled: boolean; action: TrayAction }
  | { type: 'submenu'; id: string; label: string; items: TrayMenuItem[] }
  | { type: 'separator' };

const MAX_PROJECTS_INLINE = 8;
const MAX_REVIEWS_INLINE = 5;
const MAX_REASON = 60;

/** 1800 -> "30m", 5400 -> "1h 30m", 90 -> "1m" (menu labels: minutes are fine-grained enough). */
export function shortDuration(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}

function reviewItem(review: TrayReview): TrayMenuItem {
  const reason = review.reason.replace(/\s+/g, ' ').trim();
  const shown = reason.length > MAX_REASON ? reason.slice(0, MAX_REASON - 1) + '…' : reason;
  const items: TrayMenuItem[] = [
    { type: 'item', id: `why:${review.id}`, label: shown ? `Why: ${shown}` : 'No reason given', enabled: false, action: { kind: 'open-window', route: '#/access' } },
    { type: 'separator' },
    {
      type: 'item',
      id: `approve:${review.id}`,
      label: `Approve for ${shortDuration(review.requestedSeconds)}`,
      enabled: true,
      action: { kind: 'approve', requestId: review.id },
    },
  ];
  // A shorter grant: half the time asked, when that is still at least a few minutes.
  const half = Math.floor(review.requestedSeconds / 2 / 60) * 60;
  if (half >= 300) {
    items.push({
      type: 'item',
      id: `approve-short:${review.id}`,
      label: `Approve for ${shortDuration(half)} only`,
      enabled: true,
      action: { kind: 'approve', requestId: review.id, durationSeconds: half },
    });
  }
  items.push({ type: 'item', id: `deny:${review.id}`, label: 'Deny', enabled: true, action: { kind: 'deny', requestId: review.id } });
  items.push({ type: 'item', id: `details:${review.id}`, label: 'Review in Latch…', enabled: true, action: { kind: 'open-window', route: `#/access?request=${encodeURIComponent(review.id)}` } });
  return { type: 'submenu', id: `review:${review.id}`, label: `${review.requesterName}: ${review.resource} for ${shortDuration(review.requestedSeconds)}`, items };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function projectItem(project: TrayProject): TrayMenuItem {
  const suffix = project.missing > 0 ? ` (${plural(project.missing, 'secret', 'secrets')} missing)` : '';
  return {
    type: 'item',
    id: `shell:${project.id}`,
    label: `Open dev shell — ${project.name}${suffix}`,
    enabled: true,
    action: { kind: 'open-shell', projectId: project.id },
  };
}

/** Tooltip / badge text for the tray icon. */
export function trayTitle(state: TrayState): string {
  if (!state.connected) return 'Latch — broker not connected';
  const parts: string[] = [];
  if (state.pendingAccessRequests > 0) parts.push(plural(state.pendingAccessRequests, 'access request', 'access requests'));
  if (state.openFindings > 0) parts.push(plural(state.openFindings, 'secret warning', 'secret warnings'));
  if (state.activeLeases > 0) parts.push(plural(state.activeLeases, 'active lease', 'active leases'));
  return parts.length === 0 ? 'Latch' : `Latch — ${parts.join(', ')}`;
}

export function buildTrayMenu(state: TrayState): TrayMenuItem[] {
  if (!state.connected) {
    return [
      { type: 'item', id: 'status', label: 'Broker not connected', enabled: false, action: { kind: 'reconnect' } },
      { type: 'item', id: 'reconnect', label: 'Reconnect', enabled: true, action: { kind: 'reconnect' } },
      { type: 'separator' },
      { type: 'item', id: 'quit', label: 'Quit Latch', enabled: true, action: { kind: 'quit' } },
    ];
  }
  const items: TrayMenuItem[] = [];
  if (state.projects.length === 0) {
    items.push({ type: 'item', id: 'no-projects', label: 'No projects yet — add one in Latch', enabled: false, action: { kind: 'open-window', route: '#/projects' } });
  } else {
    const sorted = [...state.projects].sort((a, b) => a.name.localeCompare(b.name));
    items.push(...sorted.slice(0, MAX_PROJECTS_INLINE).map(projectItem));
    if (sorted.length > MAX_PROJECTS_INLINE) {
      items.push({ type: 'submenu', id: 'more-projects', label: `More projects (${sorted.length - MAX_PROJECTS_INLINE})`, items: sorted.slice(MAX_PROJECTS_INLINE).map(projectItem) });
    }
  }
  items.push({ type: 'separator' });
  items.push({
    type: 'item',
    id: 'access',
    label: state.pendingAccessRequests > 0 ? `Access requests — ${state.pendingAccessRequests} pending` : 'Access requests — none pending',
    enabled: true,
    action: { kind: 'open-window', route: '#/access' },
  });
  items.push(...state.reviews.slice(0, MAX_REVIEWS_INLINE).map(reviewItem));
  if (state.reviews.length > MAX_REVIEWS_INLINE) {
    items.push({ type: 'item', id: 'more-reviews', label: `${state.reviews.length - MAX_REVIEWS_INLINE} more to review…`, enabled: true, action: { kind: 'open-window', route: '#/access' } });
  }
  items.push({
    type: 'item',
    id: 'findings',
    label: state.openFindings > 0 ? `Secret warnings — ${state.openFindings} open` : 'Secret warnings — none',
    enabled: true,
    action: { kind: 'open-window', route: '#/workspaces' },
  });
  items.push({ type: 'separator' });
  items.push({ type: 'item', id: 'open', label: 'Open Latch', enabled: true, action: { kind: 'open-window', route: '#/tokens' } });
  items.push({
    type: 'item',
    id: 'lock',
    label: state.activeLeases > 0 ? `Lock (end ${plural(state.activeLeases, 'lease', 'leases')})` : 'Lock',
    enabled: !state.locked || state.activeLeases > 0,
    action: { kind: 'lock' },
  });
  items.push({ type: 'separator' });
  items.push({ type: 'item', id: 'quit', label: 'Quit Latch', enabled: true, action: { kind: 'quit' } });
  return items;
}
