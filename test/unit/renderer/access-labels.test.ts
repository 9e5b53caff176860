import { describe, expect, it } from 'vitest';
import type { AccessRequestInfo } from '../../../shared/contract/schemas/access';
import { approvalChoices, isOpen, sortRequests, stateLabel } from '../../../renderer/features/access/access-labels';

function request(id: string, state: AccessRequestInfo['state'], createdAt: string): AccessRequestInfo {
  return {
    id,
    resource: 'orders-db',
    requesterId: 'm1',
    requesterName: 'Ada',
    reason: 'r',
    requestedSeconds: 3600,
    grantedSeconds: 3600,
    state,
    approvalsRequired: 1,
    approvals: [],
    createdAt,
    pendingUntil: createdAt,
    updatedAt: createdAt,
    mine: true,
    canReview: false,
  };
}

describe('Access page labels', () => {
  it('offers the asked duration first, then only shorter choices', () => {
    expect(approvalChoices(3600).map((c) => c.seconds)).toEqual([3600, 1800, 900]);
    expect(approvalChoices(600).map((c) => c.seconds)).toEqual([600]);
  });

  it('lists active grants first, then requests waiting, then the rest newest first', () => {
    const sorted = sortRequests([
      request('old-denied', 'denied', '2026-01-01T00:00:00Z'),
      request('pending', 'pending', '2026-01-02T00:00:00Z'),
      request('new-expired', 'expired', '2026-01-05T00:00:00Z'),
      request('active', 'active', '2026-01-01T00:00:00Z'),
    ]);
    expect(sorted.map((r) => r.id)).toEqual(['active', 'pending', 'new-expired', 'old-denied']);
  });

  it('has a label and tone for every state, and knows which are still open', () => {
    const states: AccessRequestInfo['state'][] = ['pending', 'approved', 'active', 'expired', 'revoked', 'denied', 'cancelled', 'timed-out'];
    for (const state of states) expect(stateLabel(state).label.length).toBeGreaterThan(0);
    expect(states.filter((s) => isOpen(request('x', s, '2026-01-01T00:00:00Z')))).toEqual(['pending', 'approved', 'active']);
  });
});
