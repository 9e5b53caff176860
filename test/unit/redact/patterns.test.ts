import { describe, expect, it } from 'vitest';
import { collectPatterns } from '../../../shared/redact/patterns';
import { latin1 } from './bytes';

const forms = (value: string, options?: Parameters<typeof collectPatterns>[1]): string[] =>
  collectPatterns([{ name: 'X', value }], options).patterns.map((p) => latin1(p.bytes));

describe('collectPatterns', () => {
  it('collects the value and its encoded forms once each', () => {
    const all = forms('a/b+c?');
    expect(all[0]).toBe('a/b+c?');
    expect(all).toContain(encodeURIComponent('a/b+c?'));
    expect(all).toContain(Buffer.from('a/b+c?').toString('base64'));
    expect(all).toContain(Buffer.from('a/b+c?').toString('base64url'));
    expect(new Set(all).size).toBe(all.length);
  });

  it('ignores values shorter than the minimum (4 bytes by default)', () => {
    expect(forms('abc')).toEqual([]);
    expect(forms('abcd').length).toBeGreaterThan(0);
    expect(forms('é€')).not.toEqual([]); // 5 UTF-8 bytes
    expect(forms('ab', { minValueBytes: 2 })[0]).toBe('ab');
    expect(forms('abc', { minValueBytes: Number.NaN })).toEqual([]);
    expect(forms('a', { minValueBytes: 0 })[0]).toBe('a');
  });

  it('leaves out disabled forms', () => {
    expect(forms('a b+c/d', { forms: { base64: false, base64Embedded: false, uriComponent: false } })).toEqual([
      'a b+c/d',
    ]);
  });

  it('drops embedded base64 forms shorter than 8 characters', () => {
    const embedded = forms('abcde', { forms: { base64: false, uriComponent: false } }).slice(1);
    expect(embedded.every((f) => f.length >= 8)).toBe(true);
  });

  it('gives a pattern shared by two secrets to the first', () => {
    const set = collectPatterns([
      { name: 'A', value: 'same-value' },
      { name: 'B', value: 'same-value' },
    ]);
    expect(set.patterns.every((p) => p.secretIndex === 0)).toBe(true);
  });

  it('notes a value containing ESC', () => {
    expect(collectPatterns([{ name: 'X', value: 'ab\x1bcd' }]).containsEscape).toBe(true);
    expect(collectPatterns([{ name: 'X', value: 'abcd' }]).containsEscape).toBe(false);
  });
});
