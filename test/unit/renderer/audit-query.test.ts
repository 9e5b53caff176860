import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/contract/schemas/audit';
import { auditListInput as auditListSchema } from '../../../shared/contract/schemas/audit';
import {
  appendedMayMatch,
  AUDIT_PAGE_SIZE,
  auditListInput,
  filtersFromParams,
  hasFilters,
  mergeEntries,
  NO_FILTERS,
  oldestSeq,
} from '../../../renderer/features/audit/audit-query';

const entry = (seq: number): AuditEntry => ({
  seq,
  at: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(),
  actor: 'dev',
  client: 'cli',
  action: 'token.read',
  target: 'github/work',
  outcome: 'ok',
  detail: null,
  valueHmac: null,
  hash: `h${seq}`,
});

describe('auditListInput', () => {
  it('sends a page size and nothing else without filters', () => {
    expect(auditListInput(NO_FILTERS)).toEqual({ limit: AUDIT_PAGE_SIZE });
  });
  it('trims filters, pages with beforeSeq, and passes the contract', () => {
    const input = auditListInput({ action: ' token.reveal ', target: 'github/work', outcome: 'denied' }, 51);
    expect(input).toEqual({ limit: AUDIT_PAGE_SIZE, action: 'token.reveal', target: 'github/work', outcome: 'denied', beforeSeq: 51 });
    expect(auditListSchema.safeParse(input).success).toBe(true);
  });
});

describe('filters from the address', () => {
  it('reads known parameters and ignores a bad outcome', () => {
    expect(filtersFromParams({ target: 'github/work', outcome: 'maybe' })).toEqual({ action: '', target: 'github/work', outcome: '' });
    expect(filtersFromParams({ outcome: 'error' }).outcome).toBe('error');
  });
  it('knows when any filter is set', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, target: ' ' })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, outcome: 'ok' })).toBe(true);
  });
});

describe('mergeEntries', () => {
  it('unions by seq, newest first', () => {
    const merged = mergeEntries([entry(5), entry(4), entry(3)], [entry(7), entry(6), entry(5)]);
    expect(merged.map((e) => e.seq)).toEqual([7, 6, 5, 4, 3]);
    expect(oldestSeq(merged)).toBe(3);
    expect(oldestSeq([])).toBeNull();
  });
});

describe('appendedMayMatch', () => {
  it('skips refreshes that cannot match the action or outcome filter', () => {
    const event = { seq: 9, action: 'token.reveal', outcome: 'ok' };
    expect(appendedMayMatch(NO_FILTERS, event)).toBe(true);
    expect(appendedMayMatch({ ...NO_FILTERS, action: 'token.reveal' }, event)).toBe(true);
    expect(appendedMayMatch({ ...NO_FILTERS, action: 'token.add' }, event)).toBe(false);
    expect(appendedMayMatch({ ...NO_FILTERS, outcome: 'error' }, event)).toBe(false);
    expect(appendedMayMatch({ ...NO_FILTERS, target: 'anything' }, event)).toBe(true);
  });
});
