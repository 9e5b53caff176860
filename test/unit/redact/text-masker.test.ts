import { describe, expect, it } from 'vitest';
import { createTextMasker, maskText } from '../../../shared/redact/index';

const secrets = [{ name: 'API_KEY', value: 'sk-live-Ω12345' }];

describe('createTextMasker', () => {
  it('masks text chunks and keeps characters whole', () => {
    const masker = createTextMasker(secrets);
    const pieces = [...'→ key sk-live-Ω12345 ←'].map((ch) => masker.push(ch));
    pieces.push(masker.flush());
    expect(pieces.join('')).toBe('→ key <concealed:API_KEY> ←');
    expect(pieces.every((p) => !p.includes('\ufffd'))).toBe(true);
  });

  it('reports and flushes held text', () => {
    const masker = createTextMasker(secrets);
    expect(masker.push('done sk-li')).toBe('done ');
    expect(masker.heldBytes).toBe(5);
    expect(masker.flush()).toBe('sk-li');
    expect(masker.push('sk-live-Ω12345')).toBe('<concealed:API_KEY>');
  });
});

describe('maskText', () => {
  it('masks a whole text', () => {
    expect(maskText(`a=${encodeURIComponent('sk-live-Ω12345')}`, secrets)).toBe('a=<concealed:API_KEY>');
  });
});
