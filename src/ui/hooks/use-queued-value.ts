import { useEffect, useRef, useState } from 'react';
import { queueDraw } from './draw-queue';

/**
 * Returns `value` once this component's turn in the draw queue comes, and null before its first
 * turn: components that draw something heavy from `value` (a chart) then draw one at a time.
 * A value that changes again while waiting replaces the request; the queue holds one per component.
 */
export function useQueuedValue<T>(value: T): T | null {
  const [shown, setShown] = useState<T | null>(null);
  // The turn this component holds, from the moment it is granted until its drawing has committed.
  const held = useRef<(() => void) | null>(null);
  useEffect(() => {
    held.current?.();
    held.current = null;
  }, [shown]);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    const request = queueDraw(() => {
      held.current = request.done;
      setShown(value);
    });
    return request.cancel;
  }, [value, shown]);
  // Leaving the screen mid-turn hands the turn on.
  useEffect(
    () => () => {
      held.current?.();
      held.current = null;
    },
    [],
  );
  return shown;
}
