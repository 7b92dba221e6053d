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

/**
 * False until `delayMs` after the component first mounts, then true: siblings given different
 * delays draw their first heavy content in separate short tasks instead of one long one.
 */
export function useStaggeredMount(delayMs: number): boolean {
  const [shown, setShown] = useState(delayMs <= 0);
  useEffect(() => {
    if (shown) return;
    const id = window.setTimeout(() => setShown(true), delayMs);
    return () => window.clearTimeout(id);
  }, [shown, delayMs]);
  return shown;
}
