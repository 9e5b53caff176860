import { useCallback, useEffect, useRef, useState } from 'react';

/** Keys marked "new" that drop out by themselves after `ttlMs` (for highlighting live rows). */
export function useFreshSet(ttlMs: number): { fresh: ReadonlySet<string>; mark(key: string): void; unmark(key: string): void } {
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const timers = useRef(new Map<string, number>());

  const unmark = useCallback((key: string) => {
    window.clearTimeout(timers.current.get(key));
    timers.current.delete(key);
    setFresh((set) => {
      if (!set.has(key)) return set;
      const next = new Set(set);
      next.delete(key);
      return next;
    });
  }, []);

  const mark = useCallback(
    (key: string) => {
      window.clearTimeout(timers.current.get(key));
      timers.current.set(
        key,
        window.setTimeout(() => unmark(key), ttlMs),
      );
      setFresh((set) => (set.has(key) ? set : new Set(set).add(key)));
    },
    [ttlMs, unmark],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const handle of pending.values()) window.clearTimeout(handle);
    };
  }, []);

  return { fresh, mark, unmark };
}
