import { describe, expect, it } from 'vitest';
import { ValueCache, valueCacheTtlMs } from '../../../electron/broker/vault/value-cache';

describe('ValueCache (token values kept for leases)', () => {
  it('answers until the TTL has passed, then asks again', () => {
    let now = 1_000;
    const cache = new ValueCache(5_000, () => now);
    cache.set('tok_a', 'v1', cache.generation);
    expect(cache.get('tok_a')).toBe('v1');
    now += 4_999;
    expect(cache.get('tok_a')).toBe('v1');
    now += 1;
    expect(cache.get('tok_a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not keep a read that began before a delete or a clear (a rotate or Lock in between)', () => {
    const cache = new ValueCache(60_000);
    const before = cache.generation;
    cache.delete('tok_a');
    cache.set('tok_a', 'old', before);
    expect(cache.get('tok_a')).toBeUndefined();
    const beforeClear = cache.generation;
    cache.clear();
    cache.set('tok_b', 'old', beforeClear);
    expect(cache.get('tok_b')).toBeUndefined();
    cache.set('tok_b', 'new', cache.generation);
    expect(cache.get('tok_b')).toBe('new');
  });

  it('keeps nothing with a TTL of 0', () => {
    const cache = new ValueCache(0);
    cache.set('tok_a', 'v', cache.generation);
    expect(cache.get('tok_a')).toBeUndefined();
  });

  it('reads its TTL from LATCH_KEYCHAIN_CACHE_SECONDS, ignoring nonsense', () => {
    expect(valueCacheTtlMs({})).toBe(300_000);
    expect(valueCacheTtlMs({ LATCH_KEYCHAIN_CACHE_SECONDS: '0' })).toBe(0);
    expect(valueCacheTtlMs({ LATCH_KEYCHAIN_CACHE_SECONDS: ' 90 ' })).toBe(90_000);
    expect(valueCacheTtlMs({ LATCH_KEYCHAIN_CACHE_SECONDS: '-5' })).toBe(300_000);
    expect(valueCacheTtlMs({ LATCH_KEYCHAIN_CACHE_SECONDS: '1e9' })).toBe(300_000);
  });
});
