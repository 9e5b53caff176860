import { describe, expect, it } from 'vitest';
import { contractFailureFromHub } from '../../../electron/broker/access/access-service';
import { HubError } from '../../../electron/hub/service-types';

describe('hub failures as contract failures', () => {
  it('turns policy and state refusals into ACCESS_REFUSED with the hub’s code and message', () => {
    const failure = contractFailureFromHub(new HubError('OVER_MAX_DURATION', 'orders-db: at most 1h', 403));
    expect(failure).toMatchObject({ code: 'ACCESS_REFUSED', message: 'orders-db: at most 1h', details: { hubCode: 'OVER_MAX_DURATION' } });
    expect(contractFailureFromHub(new HubError('SELF_APPROVAL', 'you cannot approve your own request', 403)).code).toBe('ACCESS_REFUSED');
    expect(contractFailureFromHub(new HubError('INVALID_STATE', 'already decided', 409)).code).toBe('ACCESS_REFUSED');
  });

  it('says what to check when the hub refuses this machine’s signature', () => {
    expect(contractFailureFromHub(new HubError('STALE_TIMESTAMP', 'timestamp outside the window', 401)).message).toMatch(/clock/);
    expect(contractFailureFromHub(new HubError('UNKNOWN_MEMBER', 'unknown key', 401)).message).toMatch(/join again/);
  });

  it('keeps not-found and invalid input, and calls everything else the hub being unavailable', () => {
    expect(contractFailureFromHub(new HubError('NOT_FOUND', 'no such request', 404)).code).toBe('NOT_FOUND');
    expect(contractFailureFromHub(new HubError('INVALID_INPUT', 'bad body', 400)).code).toBe('INVALID_INPUT');
    expect(contractFailureFromHub(new HubError('UNREACHABLE', 'connect ECONNREFUSED', 0)).code).toBe('HUB_UNAVAILABLE');
    expect(contractFailureFromHub(new Error('socket hang up'))).toMatchObject({ code: 'HUB_UNAVAILABLE', message: 'the team hub did not answer: socket hang up' });
  });
});
