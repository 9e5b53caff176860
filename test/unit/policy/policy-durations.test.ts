import { describe, expect, it } from 'vitest';
import { formatPolicyDuration, MAX_POLICY_DURATION_SECONDS, parsePolicyDuration } from '../../../shared/policy';

describe('parsePolicyDuration', () => {
  it.each([
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['1h30m', 5400],
    ['2d', 172_800],
    ['1d1s', 86_401],
    ['0h5m', 300],
    ['007m', 420],
    ['7d', MAX_POLICY_DURATION_SECONDS],
    ['604800s', MAX_POLICY_DURATION_SECONDS],
  ])('%s is %i seconds', (text, seconds) => {
    expect(parsePolicyDuration(text)).toEqual({ ok: true, seconds });
  });

  it.each(['', '90', 'h', '1H', '1 h', ' 1h', '1h ', '1.5h', '-1h', '+1h', '1w', '1m1h', '1h1h', '1hm', '1d2d', '99999999s', 'x'.repeat(100), '１h'])(
    '%j is not a duration',
    (text) => {
      expect(parsePolicyDuration(text)).toEqual({ ok: false, reason: 'syntax' });
    },
  );

  it.each(['0s', '0m', '0d0h0m0s'])('%s is zero', (text) => {
    expect(parsePolicyDuration(text)).toEqual({ ok: false, reason: 'zero' });
  });

  it.each([
    ['7d1s', 604_801],
    ['8d', 691_200],
    ['9999999d', 9_999_999 * 86_400],
  ])('%s is over seven days', (text, seconds) => {
    expect(parsePolicyDuration(text)).toEqual({ ok: false, reason: 'too-long', seconds });
  });
});

describe('formatPolicyDuration', () => {
  it.each([
    [1, '1s'],
    [90, '1m30s'],
    [3600, '1h'],
    [5400, '1h30m'],
    [7201, '2h1s'],
    [172_800, '2d'],
    [MAX_POLICY_DURATION_SECONDS, '7d'],
  ])('%i seconds is %s', (seconds, text) => {
    expect(formatPolicyDuration(seconds)).toBe(text);
  });

  it('reads back what it writes', () => {
    for (let seconds = 1; seconds <= MAX_POLICY_DURATION_SECONDS; seconds = Math.ceil(seconds * 1.7)) {
      expect(parsePolicyDuration(formatPolicyDuration(seconds))).toEqual({ ok: true, seconds });
    }
  });
});
