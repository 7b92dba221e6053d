import { useEffect, useState } from 'react';

/**
 * Returns `value`, but adopts each new value only after `delayMs`. Giving sibling components
 * different delays spreads their redraws over several short tasks instead of one long one.
 */
export function useStaggeredValue<T>(value: T, delayMs: number): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    const id = window.setTimeout(() => setShown(value), delayMs);
    return () => window.clearTimeout(id);
  }, [value, shown, delayMs]);
  return shown;
}
