import { describe, expect, it } from 'vitest';
import { parseHash, PAGES, routeHref } from '../../../renderer/app/routes';
import { brokerSocketUrl } from '../../../renderer/api/ws-url';

describe('parseHash', () => {
  it('reads every page', () => {
    for (const { id } of PAGES) expect(parseHash(`#/${id}`)).toEqual({ page: id, params: {}, known: true });
  });
  it('reads query parameters', () => {
    expect(parseHash('#/audit?target=github%2Fwork&outcome=ok')).toEqual({
      page: 'audit',
      params: { target: 'github/work', outcome: 'ok' },
      known: true,
    });
  });
  it('tolerates a missing slash and trailing slashes', () => {
    expect(parseHash('#health').page).toBe('health');
    expect(parseHash('#/health/').page).toBe('health');
  });
  it('falls back to tokens for empty or unknown hashes', () => {
    expect(parseHash('')).toEqual({ page: 'tokens', params: {}, known: false });
    expect(parseHash('#/nope?x=1')).toEqual({ page: 'tokens', params: {}, known: false });
  });
});

describe('routeHref', () => {
  it('drops empty parameters and round-trips', () => {
    const href = routeHref('audit', { action: 'token.reveal', target: 'github/work', outcome: '' });
    expect(href).toBe('#/audit?action=token.reveal&target=github%2Fwork');
    expect(parseHash(href).params).toEqual({ action: 'token.reveal', target: 'github/work' });
    expect(routeHref('tokens')).toBe('#/tokens');
  });
});

describe('brokerSocketUrl', () => {
  it('uses the serving host', () => {
    expect(brokerSocketUrl({ protocol: 'http:', host: '127.0.0.1:7456' })).toBe('ws://127.0.0.1:7456/ws');
    expect(brokerSocketUrl({ protocol: 'https:', host: 'box.example:443' })).toBe('wss://box.example:443/ws');
  });
  it('has none off http(s)', () => {
    expect(brokerSocketUrl({ protocol: 'file:', host: '' })).toBeNull();
    expect(brokerSocketUrl({ protocol: 'latch:', host: 'app' })).toBeNull();
  });
});
