import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, reconnectDelay } from '../../../renderer/lib/backoff';
import { CLIPBOARD_CLEAR_MS, shouldClearClipboard } from '../../../renderer/lib/clipboard-clear';

describe('shouldClearClipboard', () => {
  it('clears when the clipboard still holds what we copied', () => {
    expect(shouldClearClipboard({ readable: true, text: 'ghp_secret' }, 'ghp_secret')).toBe(true);
  });
  it('leaves something newer alone', () => {
    expect(shouldClearClipboard({ readable: true, text: 'some code I copied since' }, 'ghp_secret')).toBe(false);
    expect(shouldClearClipboard({ readable: true, text: '' }, 'ghp_secret')).toBe(false);
  });
  it('clears anyway when the clipboard cannot be read', () => {
    expect(shouldClearClipboard({ readable: false }, 'ghp_secret')).toBe(true);
  });
  it('waits 30 seconds', () => expect(CLIPBOARD_CLEAR_MS).toBe(30_000));
});

describe('reconnectDelay', () => {
  const mid = () => 0.5; // no jitter
  it('doubles from 0.5 s up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((a) => reconnectDelay(a, mid))).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  });
  it('jitters by at most 20 % and never exceeds the cap', () => {
    expect(reconnectDelay(2, () => 0)).toBe(1600);
    expect(reconnectDelay(2, () => 0.999999)).toBe(2400);
    expect(reconnectDelay(20, () => 0.999999)).toBe(BACKOFF_MAX_MS);
  });
});
