import { describe, expect, it } from 'vitest';
import { requestSummary, type RequestSummaryInput } from '../../../shared/access/request-summary';

const base: RequestSummaryInput = {
  resource: 'orders-db',
  requesterName: 'Ada',
  reason: 'INC-42: refunds stuck',
  state: 'pending',
  requestedSeconds: 1800,
  grantedSeconds: 1800,
  mine: false,
};

describe('access request summary (tray, notifications, CLI)', () => {
  it('tells an approver who asks for what, how long and why', () => {
    expect(requestSummary(base)).toBe('Ada asks for orders-db for 30m: “INC-42: refunds stuck”');
  });

  it('tells the requester what happened to their request', () => {
    const mine = { ...base, mine: true };
    expect(requestSummary(mine)).toBe('You asked for orders-db for 30m (waiting for approval)');
    expect(requestSummary({ ...mine, state: 'active', grantedSeconds: 900, endsAt: '2026-11-26T10:15:00.000Z' })).toBe(
      'Your request for orders-db is active for 15m (until 2026-11-26T10:15:00.000Z)',
    );
    expect(requestSummary({ ...mine, state: 'denied', decidedByName: 'Bob', comment: 'use the replica' })).toBe('Your request for orders-db was denied by Bob: “use the replica”');
    expect(requestSummary({ ...mine, state: 'expired' })).toBe('Your request for orders-db has ended: access expired');
    expect(requestSummary({ ...mine, state: 'timed-out' })).toBe('Your request for orders-db timed out without a decision');
    expect(requestSummary({ ...mine, state: 'cancelled' })).toBe('Your request for orders-db was withdrawn');
    expect(requestSummary({ ...mine, state: 'revoked', decidedByName: 'Bob' })).toBe('Your request for orders-db was revoked by Bob');
  });

  it('keeps a long or multi-line reason to one short line', () => {
    const text = requestSummary({ ...base, reason: `line one\n\nline two ${'x'.repeat(300)}` });
    expect(text).not.toContain('\n');
    expect(text.length).toBeLessThan(180);
    expect(text.endsWith('…”')).toBe(true);
  });
});
