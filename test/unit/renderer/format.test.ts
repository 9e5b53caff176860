import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatRelative, plural, secondsLeft } from '../../../renderer/lib/format';

const NOW = Date.parse('2026-03-10T12:00:00Z');

describe('formatDate', () => {
  it('prints the UTC calendar date, like the CLI', () => {
    expect(formatDate('2027-01-31T00:00:00.000Z')).toBe('2027-01-31');
    expect(formatDate('2027-01-31T23:30:00-05:00')).toBe('2027-02-01');
  });
  it('shows an em dash for nothing or garbage', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });
});

describe('formatRelative', () => {
  it.each([
    [NOW + 20_000, 'just now'],
    [NOW - 5 * 60_000, '5 min ago'],
    [NOW + 3 * 3_600_000, 'in 3 h'],
    [NOW + 3 * 86_400_000, 'in 3 d'],
    [NOW - 45 * 86_400_000, '45 d ago'],
    [NOW + 90 * 86_400_000, 'in 3 mo'],
    [NOW - 800 * 86_400_000, '2 y ago'],
  ])('%s → %s', (at, expected) => {
    expect(formatRelative(new Date(at).toISOString(), NOW)).toBe(expected);
  });
  it('is empty for null', () => expect(formatRelative(null, NOW)).toBe(''));
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [59.9, '59s'],
    [61, '1m 1s'],
    [3 * 3600 + 20 * 60 + 5, '3h 20m'],
    [2 * 86400 + 4 * 3600, '2d 4h'],
    [-5, '0s'],
  ])('%s s → %s', (seconds, expected) => expect(formatDuration(seconds)).toBe(expected));
});

describe('secondsLeft', () => {
  it('rounds up and never goes negative', () => {
    expect(secondsLeft(30_000, 0)).toBe(30);
    expect(secondsLeft(30_000, 29_001)).toBe(1);
    expect(secondsLeft(30_000, 30_000)).toBe(0);
    expect(secondsLeft(30_000, 45_000)).toBe(0);
  });
});

describe('plural', () => {
  it('picks the form', () => {
    expect(plural(1, 'token')).toBe('1 token');
    expect(plural(0, 'token')).toBe('0 tokens');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });
});
