import { describe, expect, it } from 'vitest';
import { createScanner, fnv1a64Hex, type KnownValue, type KnownValueIndex, MIN_KNOWN_VALUE_LENGTH } from '../../../shared/scan/index';
import { findKnownValues } from '../../../shared/scan/known-values';
import { githubPat, randomToken, stripeLiveKey } from './fixtures';

/** Stands in for the broker's HMAC-SHA256: keyed and deterministic. */
const keyedHash = (candidate: string): string => fnv1a64Hex(`test-key\u0000${candidate}`);

function indexOf(entries: readonly [value: string, label: string, kind: KnownValue['kind']][], hash = keyedHash): KnownValueIndex {
  // Only hashes and metadata go into the index, as the broker would store them.
  return { values: new Map(entries.map(([value, label, kind]) => [hash(value), { label, kind, length: value.length }])), hash };
}

describe('known values', () => {
  it('finds a personal token by keyed hash and names it by label', () => {
    const token = randomToken(36);
    const scanner = createScanner({ knownValues: indexOf([[token, 'github-work', 'personal']]) });
    const [finding, ...rest] = scanner.scan(`# notes\nexport SOMETHING=${token}\n`, 'notes.sh');
    expect(rest).toEqual([]);
    expect(finding?.ruleId).toBe('known-personal-token');
    expect(finding?.secretKind).toBe('known');
    expect(finding?.severity).toBe('critical');
    expect(finding?.message).toContain('`github-work`');
    expect(finding?.message).not.toContain(token);
    expect(finding?.line).toBe(2);
    expect(finding?.length).toBe(token.length);
  });

  it('reports a lease value as known-lease-value', () => {
    const value = `pg-${randomToken(24)}`;
    const scanner = createScanner({ knownValues: indexOf([[value, 'DATABASE_PASSWORD', 'lease']]) });
    const findings = scanner.scan(`postgres://app:${value}@db:5432/app`, 'log.txt');
    expect(findings.map((f) => [f.ruleId, f.secretKind])).toEqual([['known-lease-value', 'known']]);
    expect(findings[0]?.message).toContain('`DATABASE_PASSWORD`');
  });

  it('reports an issued stub once, as a stub with severity info, even when a rule matches it', () => {
    const stub = stripeLiveKey();
    const scanner = createScanner({ knownValues: indexOf([[stub, 'STRIPE_SECRET_KEY', 'stub']]) });
    const findings = scanner.scan(`STRIPE_SECRET_KEY=${stub}\n`, '.env');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'known-stub', secretKind: 'stub', severity: 'info', provider: 'Stripe' });
    // Without the index the same text is a leak.
    expect(createScanner().scan(`STRIPE_SECRET_KEY=${stub}\n`, '.env')[0]?.ruleId).toBe('stripe-live-secret-key');
  });

  it('matches values at token boundaries: quoted, after = or :, in URLs, after a JSON \\n escape', () => {
    const token = githubPat();
    const scanner = createScanner({ knownValues: indexOf([[token, 'gh', 'personal']]) });
    for (const text of [`"${token}"`, `t=${token}`, `t:${token};`, `https://x:${token}@github.com/o/r`, `{"a":"line\\n${token}"}`, `Bearer ${token}`]) {
      expect(scanner.scan(text, 'a.txt').map((f) => f.ruleId), text).toEqual(['known-personal-token']);
    }
  });

  it('does not match a value glued inside a longer word', () => {
    const value = randomToken(20);
    const scanner = createScanner({ knownValues: indexOf([[value, 'v', 'personal']]) });
    expect(scanner.scan(`x${value}y`, 'a.txt')).toEqual([]);
    expect(scanner.scan(`${value.slice(0, -1)}`, 'a.txt')).toEqual([]);
  });

  it('hashes only candidates whose length is a known length', () => {
    const value = randomToken(24);
    const lengths: number[] = [];
    const counting = (candidate: string): string => {
      lengths.push(candidate.length);
      return keyedHash(candidate);
    };
    const scanner = createScanner({ knownValues: indexOf([[value, 'v', 'personal']], counting) });
    lengths.length = 0;
    scanner.scan(`some text with words, a path /usr/local/bin and ${value} inside; more.text=here`, 'a.txt');
    expect(lengths.length).toBeGreaterThan(0);
    expect(new Set(lengths)).toEqual(new Set([24]));
  });

  it('ignores values shorter than the minimum length', () => {
    const short = 'abc12';
    expect(short.length).toBeLessThan(MIN_KNOWN_VALUE_LENGTH);
    const index = indexOf([[short, 'tiny', 'personal']]);
    expect(findKnownValues(`value ${short} here`, index)).toEqual([]);
  });

  it('can replace the index at run time and honours latch:allow', () => {
    const token = randomToken(30);
    const scanner = createScanner();
    expect(scanner.scan(`TOKEN=${token}`, 'a.sh')).toHaveLength(1); // generic rule only
    scanner.setKnownValues(indexOf([[token, 'ci-token', 'personal']]));
    expect(scanner.scan(`TOKEN=${token}`, 'a.sh').map((f) => f.ruleId)).toEqual(['known-personal-token']);
    expect(scanner.scan(`TOKEN=${token} # latch:allow known-personal-token`, 'a.sh')).toEqual([]);
    scanner.setKnownValues(undefined);
    expect(scanner.scan(`TOKEN=${token}`, 'a.sh').map((f) => f.ruleId)).toEqual(['generic-api-key']);
  });
});
