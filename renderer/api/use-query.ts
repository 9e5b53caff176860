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

/** Same JSON: an answer equal to what is shown changes nothing (no re-render of a long list). */
function sameJson(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

/**
 * Runs `load` on mount, whenever `key` changes, on `reload()`, and after every reconnection.
 * Out-of-order answers are dropped. `initial` gives data to show before the first answer
 * (e.g. embedded in the page); the mount still loads, to be current.
 */
export function useQuery<T>(load: (api: LatchApi) => Promise<Result<T>>, key: string, initial?: () => T | undefined): QueryState<T> {
  const api = useApi();
  const { epoch } = useConnectionSnapshot();
  const [data, setData] = useState<T | undefined>(() => initial?.());
  const [error, setError] = useState<ContractError | null>(null);
  const [loading, setLoading] = useState(true);
  const shown = useRef(data);
  shown.current = data;
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
          if (!sameJson(shown.current, result.value)) setData(result.value);
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
