import { useEffect, useRef } from 'react';

/** Call `fn` every `ms` while mounted. */
export function useInterval(fn: () => void, ms: number): void {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    const handle = window.setInterval(() => ref.current(), ms);
    return () => window.clearInterval(handle);
  }, [ms]);
}
