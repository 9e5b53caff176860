import { describe, expect, it } from 'vitest';
import type { AccessRequestState } from '../../../electron/hub/service-types';
import {
  allowedEvents,
  grantedSeconds,
  isFinalState,
  isRequestState,
  nextState,
  REQUEST_EVENTS,
  REQUEST_STATES,
  REQUEST_TRANSITIONS,
  type RequestState,
} from '../../../shared/hub/request-flow';

// The shared state list and the hub's wire type must be the same set, both ways.
const wireToShared = (state: AccessRequestState): RequestState => state;
const sharedToWire = (state: RequestState): AccessRequestState => state;

describe('request flow', () => {
  it('follows the agreed paths', () => {
    expect(nextState('pending', 'approve')).toBe('approved');
    expect(nextState('approved', 'mint')).toBe('active');
    expect(nextState('active', 'expire')).toBe('expired');
    expect(nextState('active', 'revoke')).toBe('revoked');
    expect(nextState('pending', 'deny')).toBe('denied');
    expect(nextState('pending', 'cancel')).toBe('cancelled');
    expect(nextState('pending', 'time-out')).toBe('timed-out');
    expect(nextState('approved', 'mint-failed')).toBe('pending');
  });

  it('refuses everything else', () => {
    expect(nextState('pending', 'mint')).toBeNull();
    expect(nextState('pending', 'revoke')).toBeNull();
    expect(nextState('pending', 'expire')).toBeNull();
    expect(nextState('active', 'cancel')).toBeNull();
    expect(nextState('active', 'deny')).toBeNull();
    expect(nextState('active', 'approve')).toBeNull();
    expect(nextState('approved', 'approve')).toBeNull();
    expect(nextState('approved', 'time-out')).toBeNull();
    for (const final of ['expired', 'revoked', 'denied', 'cancelled', 'timed-out'] as const) {
      for (const event of REQUEST_EVENTS) expect(nextState(final, event)).toBeNull();
      expect(isFinalState(final)).toBe(true);
    }
    expect(isFinalState('pending')).toBe(false);
    expect(isFinalState('approved')).toBe(false);
    expect(isFinalState('active')).toBe(false);
  });

  it('lists the allowed events of each state', () => {
    expect(allowedEvents('pending')).toEqual(['approve', 'deny', 'cancel', 'time-out']);
    expect(allowedEvents('approved')).toEqual(['mint', 'mint-failed']);
    expect(allowedEvents('active')).toEqual(['expire', 'revoke']);
    expect(allowedEvents('denied')).toEqual([]);
  });

  it('has a row for every state and only known targets', () => {
    expect(Object.keys(REQUEST_TRANSITIONS).sort()).toEqual([...REQUEST_STATES].sort());
    for (const state of REQUEST_STATES) {
      for (const target of Object.values(REQUEST_TRANSITIONS[state])) expect(REQUEST_STATES).toContain(target);
    }
    // Every final state is reachable from pending.
    const reachable = new Set<RequestState>(['pending']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const state of [...reachable]) {
        for (const event of allowedEvents(state)) {
          const next = nextState(state, event);
          if (next !== null && !reachable.has(next)) {
            reachable.add(next);
            changed = true;
          }
        }
      }
    }
    expect([...reachable].sort()).toEqual([...REQUEST_STATES].sort());
    expect(wireToShared('active')).toBe(sharedToWire('active'));
  });

  it('recognises state names', () => {
    expect(isRequestState('timed-out')).toBe(true);
    expect(isRequestState('TIMED-OUT')).toBe(false);
    expect(isRequestState('approving')).toBe(false);
  });

  it('grants the shortest duration any approver chose, never more than asked', () => {
    expect(grantedSeconds(3600, [])).toBe(3600);
    expect(grantedSeconds(3600, [null, undefined])).toBe(3600);
    expect(grantedSeconds(3600, [1800, null, 2400])).toBe(1800);
    expect(grantedSeconds(3600, [7200])).toBe(3600);
  });
});
