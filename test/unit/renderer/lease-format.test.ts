import { describe, expect, it } from 'vitest';
import {
  canRenew,
  chunkInput,
  countdownTone,
  endReasonText,
  formatCountdown,
  formatLeaseTime,
  formatTtl,
  isLive,
  leaseFraction,
  leaseSecondsLeft,
  owedRevocations,
  shellEndState,
  shortId,
  sourceLabel,
  spokenDuration,
  warningLeadSeconds,
} from '../../../renderer/features/shells/lease-format';
import { iso, lease, leaseSecret, NOW } from './lease-fixtures';

describe('formatCountdown', () => {
  it.each([
    [0, '0:00'],
    [9, '0:09'],
    [245, '4:05'],
    [600, '10:00'],
    [3725, '1:02:05'],
    [2 * 86_400 + 3 * 3600 + 4 * 60 + 5, '2d 03:04:05'],
    [-5, '0:00'],
    [59.9, '0:59'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatCountdown(seconds)).toBe(text);
  });
});

describe('formatTtl and spokenDuration', () => {
  it.each([
    [45, '45 s'],
    [90, '1 min 30 s'],
    [600, '10 min'],
    [3600, '1 h'],
    [5400, '1 h 30 min'],
    [2 * 86_400 + 60, '2 d 1 min'],
    [0, '0 s'],
  ])('formatTtl(%s) = %s', (seconds, text) => {
    expect(formatTtl(seconds)).toBe(text);
  });
  it('speaks the two largest units', () => {
    expect(spokenDuration(245)).toBe('4 minutes 5 seconds');
    expect(spokenDuration(3601)).toBe('1 hour 1 second');
    expect(spokenDuration(60)).toBe('1 minute');
    expect(spokenDuration(0)).toBe('0 seconds');
  });
});

describe('lease timing', () => {
  it('counts whole seconds left, rounding up, never below zero', () => {
    expect(leaseSecondsLeft(lease({ expiresAt: iso(1_500) }), NOW)).toBe(2);
    expect(leaseSecondsLeft(lease({ expiresAt: iso(-10_000) }), NOW)).toBe(0);
    expect(leaseSecondsLeft(lease({ expiresAt: 'garbage' }), NOW)).toBe(0);
  });

  it('mirrors the broker’s warning lead: 20 % of the TTL, between 5 s and 5 min', () => {
    expect(warningLeadSeconds(10)).toBe(5);
    expect(warningLeadSeconds(600)).toBe(120);
    expect(warningLeadSeconds(86_400)).toBe(300);
  });

  it('tones the countdown: ok, warn inside the warning window or when expiring, bad in the last 10 s', () => {
    const l = lease({ ttlSeconds: 600 });
    expect(countdownTone(l, 400)).toBe('ok');
    expect(countdownTone(l, 120)).toBe('warn');
    expect(countdownTone(lease({ state: 'expiring' }), 400)).toBe('warn');
    expect(countdownTone(l, 10)).toBe('bad');
    expect(countdownTone(lease({ state: 'revoked' }), 400)).toBe('muted');
  });

  it('gives the fraction of the TTL left for the bar', () => {
    expect(leaseFraction(lease({ expiresAt: iso(300_000), ttlSeconds: 600 }), NOW)).toBeCloseTo(0.5);
    expect(leaseFraction(lease({ expiresAt: iso(900_000), ttlSeconds: 600 }), NOW)).toBe(1);
    expect(leaseFraction(lease({ state: 'expired' }), NOW)).toBe(0);
  });

  it('renews only live leases not yet at their max TTL', () => {
    expect(canRenew(lease())).toBe(true);
    expect(canRenew(lease({ state: 'expiring' }))).toBe(true);
    expect(canRenew(lease({ expiresAt: iso(1000), maxExpiresAt: iso(1000) }))).toBe(false);
    expect(canRenew(lease({ state: 'revoked' }))).toBe(false);
    expect(isLive('expired')).toBe(false);
  });
});

describe('owed revocations and sources', () => {
  it('lists only the secrets whose revocation is still owed', () => {
    const l = lease({
      secrets: [
        leaseSecret({ name: 'A' }),
        leaseSecret({ name: 'DB', source: 'postgres', revocation: 'owed', attempts: 3, lastError: 'connection refused' }),
        leaseSecret({ name: 'C', source: 'command', revocation: 'done' }),
      ],
    });
    expect(owedRevocations(l).map((s) => s.name)).toEqual(['DB']);
  });
  it('labels keychain sources', () => {
    expect(sourceLabel('keychain:gh-work')).toBe('keychain: gh-work');
    expect(sourceLabel('stub')).toBe('stub');
  });
});

describe('shellEndState', () => {
  const live = { exited: false, exitCode: null };
  it('is not ended while the shell runs under a live lease', () => {
    expect(shellEndState(live, lease()).ended).toBe(false);
    expect(shellEndState(live, undefined).ended).toBe(false);
  });
  it('says the shell exited, with its code and the lease’s end', () => {
    const end = shellEndState({ exited: true, exitCode: 0 }, lease({ state: 'revoked', endReason: 'shell exited' }));
    expect(end).toEqual({ ended: true, headline: 'Shell exited with code 0.', detail: 'Lease revoked: shell exited.' });
  });
  it('does not repeat a reason that only restates the state', () => {
    expect(endReasonText({ state: 'revoked', endReason: 'revoked' })).toBeNull();
    expect(shellEndState({ exited: true, exitCode: 129 }, lease({ state: 'revoked', endReason: 'revoked' })).detail).toBe('Lease revoked.');
  });
  it('reports a lease that ended before its shell did', () => {
    const end = shellEndState(live, lease({ state: 'expired', endReason: 'TTL reached' }));
    expect(end.ended).toBe(true);
    expect(end.headline).toBe('Lease expired: TTL reached.');
  });
});

describe('chunkInput', () => {
  it('drops NUL bytes (the contract refuses them) and empty input', () => {
    expect(chunkInput('\0')).toEqual([]);
    expect(chunkInput('')).toEqual([]);
    expect(chunkInput('a\0b')).toEqual(['ab']);
  });
  it('splits big pastes at the limit without breaking a surrogate pair', () => {
    expect(chunkInput('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
    const emoji = '😀'; // two UTF-16 units
    expect(chunkInput(`ab${emoji}cd`, 3)).toEqual(['ab', `${emoji}c`, 'd']);
    expect(chunkInput('x'.repeat(70_000)).map((c) => c.length)).toEqual([65_536, 4_464]);
  });
});

describe('shortId', () => {
  it('keeps six characters after the prefix', () => {
    expect(shortId('sh_1a2b3c4d5e6f')).toBe('1a2b3c');
    expect(shortId('plain')).toBe('plain');
  });
});

describe('formatLeaseTime', () => {
  it('shows only the time for later today, the date too otherwise', () => {
    const now = new Date(2026, 2, 10, 9, 0, 0).getTime();
    expect(formatLeaseTime(new Date(2026, 2, 10, 9, 10, 5).toISOString(), now)).toBe('09:10:05');
    expect(formatLeaseTime(new Date(2026, 2, 11, 0, 5, 0).toISOString(), now)).toBe('2026-03-11 00:05:00');
    expect(formatLeaseTime('nope', now)).toBe('—');
  });
});
