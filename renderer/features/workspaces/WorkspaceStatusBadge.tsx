import type { WorkspaceInfo } from '../../../shared/contract/schemas/workspaces';

type Status = 'watching' | 'degraded' | 'stopped';

export function workspaceStatus(ws: Pick<WorkspaceInfo, 'watching' | 'problem'>): Status {
  if (ws.problem) return 'degraded';
  return ws.watching ? 'watching' : 'stopped';
}

const LABEL: Record<Status, string> = { watching: 'Watching', degraded: 'Degraded', stopped: 'Not watching' };
const TONE: Record<Status, string> = { watching: 'badge-ok', degraded: 'badge-warn', stopped: 'badge-bad' };
const HELP: Record<Status, string> = {
  watching: 'Saved files are rescanned at once',
  degraded: 'Saved files are not rescanned live: see the message below',
  stopped: 'Not watched: scanned only on request',
};

export function WorkspaceStatusBadge({ workspace }: { workspace: Pick<WorkspaceInfo, 'watching' | 'problem'> }) {
  const status = workspaceStatus(workspace);
  return (
    <span className={`badge ${TONE[status]}`} title={HELP[status]} data-testid="workspace-status" data-status={status}>
      <span className={status === 'watching' ? 'badge-dot ws-live-dot' : 'badge-dot'} aria-hidden="true" />
      {LABEL[status]}
    </span>
  );
}
