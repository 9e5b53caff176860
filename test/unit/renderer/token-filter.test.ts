import { describe, expect, it } from 'vitest';
import { attentionCount, filterTokens, nextSort, sortTokens } from '../../../renderer/features/tokens/token-filter';
import { STATUS_LABEL } from '../../../renderer/features/tokens/token-status';
import { token } from './token-fixtures';

const tokens = [
  token({ name: 'github/work', kind: 'github', owner: 'me@acme.dev', scopes: ['repo', 'read:org'], expiresAt: '2027-01-01T00:00:00.000Z' }),
  token({ name: 'npm/publish', kind: 'npm', status: 'expiring', expiresAt: '2026-03-12T00:00:00.000Z' }),
  token({ name: 'aws/dev', kind: 'aws', status: 'expired', notes: 'sandbox account', expiresAt: '2026-01-02T00:00:00.000Z' }),
  token({ name: 'openai/me', kind: 'openai', status: 'rotation-due', lastRotatedAt: '2025-06-01T00:00:00.000Z' }),
];
const names = (list: readonly { name: string }[]) => list.map((t) => t.name);

describe('filterTokens', () => {
  it('returns everything for an empty query', () => {
    expect(filterTokens(tokens, '  ')).toHaveLength(4);
  });
  it('matches name, kind, owner, scopes, notes and status, case-insensitively', () => {
    expect(names(filterTokens(tokens, 'GITHUB'))).toEqual(['github/work']);
    expect(names(filterTokens(tokens, 'acme'))).toEqual(['github/work']);
    expect(names(filterTokens(tokens, 'read:org'))).toEqual(['github/work']);
    expect(names(filterTokens(tokens, 'sandbox'))).toEqual(['aws/dev']);
    expect(names(filterTokens(tokens, 'rotation due'))).toEqual(['openai/me']);
    expect(names(filterTokens(tokens, 'expir'))).toEqual(['npm/publish', 'aws/dev']);
  });
  it('needs every word to match', () => {
    expect(names(filterTokens(tokens, 'npm expiring'))).toEqual(['npm/publish']);
    expect(filterTokens(tokens, 'npm github')).toEqual([]);
  });
  it('narrows to tokens needing attention', () => {
    expect(names(filterTokens(tokens, '', 'attention'))).toEqual(['npm/publish', 'aws/dev', 'openai/me']);
    expect(attentionCount(tokens)).toBe(3);
  });
});

describe('sortTokens', () => {
  it('sorts by name both ways', () => {
    expect(names(sortTokens(tokens, { key: 'name', dir: 'asc' }))).toEqual(['aws/dev', 'github/work', 'npm/publish', 'openai/me']);
    expect(names(sortTokens(tokens, { key: 'name', dir: 'desc' }))).toEqual(['openai/me', 'npm/publish', 'github/work', 'aws/dev']);
  });
  it('sorts status worst first', () => {
    expect(names(sortTokens(tokens, { key: 'status', dir: 'asc' }))).toEqual(['aws/dev', 'npm/publish', 'openai/me', 'github/work']);
  });
  it('puts "never" last when sorting dates ascending', () => {
    expect(names(sortTokens(tokens, { key: 'expiresAt', dir: 'asc' }))).toEqual(['aws/dev', 'npm/publish', 'github/work', 'openai/me']);
  });
  it('does not mutate its input', () => {
    const copy = [...tokens];
    sortTokens(tokens, { key: 'name', dir: 'desc' });
    expect(tokens).toEqual(copy);
  });
});

describe('nextSort', () => {
  it('toggles the direction on the same column and resets on another', () => {
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
    expect(nextSort({ key: 'name', dir: 'desc' }, 'status')).toEqual({ key: 'status', dir: 'asc' });
  });
});

describe('status labels', () => {
  it('has a label for every status', () => {
    expect(STATUS_LABEL).toEqual({ ok: 'OK', expiring: 'Expiring', expired: 'Expired', 'rotation-due': 'Rotation due' });
  });
});
