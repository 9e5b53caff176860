import { useEffect, useState } from 'react';

/** `value`, but only once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number, equal: (a: T, b: T) => boolean = Object.is): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (equal(value, settled)) return undefined;
    const handle = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(handle);
  }, [value, settled, ms, equal]);
  return settled;
}
