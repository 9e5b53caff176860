import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, MAX_DURATION_SECONDS, parseDuration } from '../../../shared/manifest';

describe('parseDuration', () => {
  it.each([
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['7d', 604800],
    ['1h30m', 5400],
    ['1d2h3m4s', 93784],
    ['90m', 5400],
    ['3650d', MAX_DURATION_SECONDS],
  ])('%s is %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', '0s', '0d0h', '15', '15min', '1m1h', '1h1h', '1H', ' 1h', '1h ', '-1h', '1.5h', '1w', '3651d', 'h', '99999999s'])(
    'rejects %j',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );

  it('round-trips through formatDuration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_DURATION_SECONDS }), (seconds) => {
        expect(parseDuration(formatDuration(seconds))).toBe(seconds);
      }),
    );
  });

  it('formats canonically', () => {
    expect(formatDuration(5400)).toBe('1h30m');
    expect(formatDuration(90)).toBe('1m30s');
    expect(formatDuration(86400 * 90)).toBe('90d');
    expect(formatDuration(0)).toBe('0s');
  });
});
