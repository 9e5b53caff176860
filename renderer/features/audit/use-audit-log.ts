import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { AuditEntry } from '../../../shared/contract/schemas/audit';
import { useApi, useConnectionSnapshot } from '../../api/connection-context';
import { useBrokerEvent } from '../../api/use-broker-event';
import { AUDIT_PAGE_SIZE, appendedMayMatch, auditListInput, mergeEntries, oldestSeq, type AuditFilters } from './audit-query';

export interface AuditLog {
  entries: AuditEntry[] | null;
  error: ContractError | null;
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  /** Entries with a seq above this arrived after the first page (they get a highlight). */
  baselineSeq: number;
  loadMore(): void;
  reload(): void;
}

/**
 * The audit log under `filters`, newest first: a first page, "load more" pages before the
 * oldest seq, and live head refreshes on `audit.appended` (coalesced while one is in flight).
 */
export function useAuditLog(filters: AuditFilters): AuditLog {
  const api = useApi();
  const { epoch } = useConnectionSnapshot();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [hasMore, setHasMore] = useState(false);
  const [baselineSeq, setBaselineSeq] = useState(Number.POSITIVE_INFINITY);
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  const entriesRef = useRef<AuditEntry[] | null>(null);
  entriesRef.current = entries;
  const headInFlight = useRef(false);
  const headDirty = useRef(false);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const key = JSON.stringify(filters);
  useEffect(() => {
    const gen = ++generation.current;
    setLoading(true);
    void api.call('audit.list', auditListInput(filtersRef.current)).then((result) => {
      if (gen !== generation.current) return;
      setLoading(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setEntries(result.value);
      setHasMore(result.value.length === AUDIT_PAGE_SIZE);
      setBaselineSeq(result.value[0]?.seq ?? 0);
    });
  }, [api, epoch, key, tick]);

  const refreshHead = useCallback(async () => {
    if (headInFlight.current) {
      headDirty.current = true;
      return;
    }
    headInFlight.current = true;
    const gen = generation.current;
    const result = await api.call('audit.list', auditListInput(filtersRef.current));
    headInFlight.current = false;
    if (gen === generation.current && result.ok) {
      setEntries((current) => mergeEntries(current ?? [], result.value));
    }
    if (headDirty.current) {
      headDirty.current = false;
      void refreshHead();
    }
  }, [api]);

  useBrokerEvent('audit.appended', (event) => {
    if (appendedMayMatch(filtersRef.current, event)) void refreshHead();
  });

  const loadMore = useCallback(() => {
    const current = entriesRef.current;
    const before = current ? oldestSeq(current) : null;
    if (before === null) return;
    const gen = generation.current;
    setLoadingMore(true);
    void api.call('audit.list', auditListInput(filtersRef.current, before)).then((result) => {
      if (gen !== generation.current) return;
      setLoadingMore(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setEntries((list) => mergeEntries(list ?? [], result.value));
      setHasMore(result.value.length === AUDIT_PAGE_SIZE);
    });
  }, [api]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { entries, error, loading, loadingMore, hasMore, baselineSeq, loadMore, reload };
}
