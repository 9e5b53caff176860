import type { EventPayload } from '../../../shared/contract/events';
import type { MethodInput } from '../../../shared/contract/methods';
import type { AuditEntry, AuditOutcome } from '../../../shared/contract/schemas/audit';

export const AUDIT_PAGE_SIZE = 100;

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['ok', 'denied', 'error'];

/** Actions the broker writes today; the filter accepts any other name too. */
export const KNOWN_ACTIONS = ['token.add', 'token.read', 'token.reveal', 'token.update', 'token.rotate', 'token.remove'] as const;

export interface AuditFilters {
  action: string;
  target: string;
  outcome: AuditOutcome | '';
}

export const NO_FILTERS: AuditFilters = { action: '', target: '', outcome: '' };

export function isOutcome(value: string): value is AuditOutcome {
  return (AUDIT_OUTCOMES as readonly string[]).includes(value);
}

export function filtersFromParams(params: Readonly<Record<string, string>>): AuditFilters {
  const outcome = params.outcome ?? '';
  return { action: params.action ?? '', target: params.target ?? '', outcome: isOutcome(outcome) ? outcome : '' };
}

export function hasFilters(filters: AuditFilters): boolean {
  return filters.action.trim() !== '' || filters.target.trim() !== '' || filters.outcome !== '';
}

/** audit.list parameters: exact-match filters (the broker compares with `=`), newest first. */
export function auditListInput(filters: AuditFilters, beforeSeq?: number, limit = AUDIT_PAGE_SIZE): MethodInput<'audit.list'> {
  const input: MethodInput<'audit.list'> = { limit };
  const action = filters.action.trim();
  if (action) input.action = action;
  const target = filters.target.trim();
  if (target) input.target = target;
  if (filters.outcome) input.outcome = filters.outcome;
  if (beforeSeq !== undefined) input.beforeSeq = beforeSeq;
  return input;
}

/** Union by seq, newest first. */
export function mergeEntries(existing: readonly AuditEntry[], incoming: readonly AuditEntry[]): AuditEntry[] {
  const bySeq = new Map<number, AuditEntry>();
  for (const entry of existing) bySeq.set(entry.seq, entry);
  for (const entry of incoming) bySeq.set(entry.seq, entry);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq);
}

export function oldestSeq(entries: readonly AuditEntry[]): number | null {
  let oldest: number | null = null;
  for (const entry of entries) if (oldest === null || entry.seq < oldest) oldest = entry.seq;
  return oldest;
}

/** Whether a new entry could show up under the current filters (the event carries no target). */
export function appendedMayMatch(filters: AuditFilters, event: EventPayload<'audit.appended'>): boolean {
  const action = filters.action.trim();
  if (action && action !== event.action) return false;
  if (filters.outcome && filters.outcome !== event.outcome) return false;
  return true;
}
