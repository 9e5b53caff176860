import { useCallback, useEffect, useRef, useState } from 'react';
import type { LatchApi } from '../../shared/contract/api';
import type { ContractError } from '../../shared/contract/errors';
import type { Result } from '../../shared/contract/result';
import { useApi, useConnectionSnapshot } from './connection-context';

export interface QueryState<T> {
  /** The last good answer; kept while reloading and after a failed reload. */
  data: T | undefined;
  error: ContractError | null;
  loading: boolean;
  reload(): void;
}

/**
 * Runs `load` on mount, whenever `key` changes, on `reload()`, and after every reconnection.
 * Out-of-order answers are dropped.
 */
export function useQuery<T>(load: (api: LatchApi) => Promise<Result<T>>, key: string): QueryState<T> {
  const api = useApi();
  const { epoch } = useConnectionSnapshot();
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ContractError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    loadRef.current(api).then(
      (result) => {
        if (request !== latest.current) return;
        if (result.ok) {
          setData(result.value);
          setError(null);
        } else {
          setError(result.error);
        }
        setLoading(false);
      },
      (thrown: unknown) => {
        if (request !== latest.current) return;
        setError({ code: 'INTERNAL', message: thrown instanceof Error ? thrown.message : String(thrown) });
        setLoading(false);
      },
    );
  }, [api, epoch, key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
