import type { AccessRequestInfo } from '../../../shared/contract/schemas/access';

export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

const STATE: Record<AccessRequestInfo['state'], { label: string; tone: Tone }> = {
  pending: { label: 'Waiting for approval', tone: 'warn' },
  approved: { label: 'Approved — minting', tone: 'warn' },
  active: { label: 'Active', tone: 'ok' },
  expired: { label: 'Ended', tone: 'muted' },
  revoked: { label: 'Revoked', tone: 'muted' },
  denied: { label: 'Denied', tone: 'bad' },
  cancelled: { label: 'Withdrawn', tone: 'muted' },
  'timed-out': { label: 'Timed out', tone: 'bad' },
};

export function stateLabel(state: AccessRequestInfo['state']): { label: string; tone: Tone } {
  return STATE[state];
}

/** Durations offered when asking (the hub's policy has the final say). */
export const DURATION_CHOICES: ReadonlyArray<{ seconds: number; label: string }> = [
  { seconds: 15 * 60, label: '15 minutes' },
  { seconds: 30 * 60, label: '30 minutes' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 2 * 3600, label: '2 hours' },
  { seconds: 4 * 3600, label: '4 hours' },
];

/** Shorter grants an approver can choose instead of what was asked (always includes it). */
export function approvalChoices(requestedSeconds: number): Array<{ seconds: number; label: string }> {
  const shorter = DURATION_CHOICES.filter((c) => c.seconds < requestedSeconds);
  return [{ seconds: requestedSeconds, label: 'as asked' }, ...shorter.reverse()];
}

/** Requests still in motion first (active, then pending), then the rest newest first. */
export function sortRequests(requests: readonly AccessRequestInfo[]): AccessRequestInfo[] {
  const rank = (r: AccessRequestInfo): number => (r.state === 'active' ? 0 : r.state === 'pending' || r.state === 'approved' ? 1 : 2);
  return [...requests].sort((a, b) => rank(a) - rank(b) || Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

export function isOpen(request: AccessRequestInfo): boolean {
  return request.state === 'pending' || request.state === 'approved' || request.state === 'active';
}
