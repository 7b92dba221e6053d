import { useEffect, useState } from 'react';

/**
 * Opens something with a lifetime (a connection, a channel) while the calling component is
 * mounted and `key` stays the same, and closes it after. Null on the first render. It is opened in
 * an effect, not during render, so React's double mount in development closes what it opened.
 */
export function useOwnedResource<T>(key: string | null, open: () => T, close: (resource: T) => void): T | null {
  const [held, setHeld] = useState<{ key: string; resource: T } | null>(null);
  useEffect(() => {
    if (key === null) return;
    const resource = open();
    // The handle of what the effect opened has to reach render: this is the external system's subscription.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setHeld({ key, resource });
    return () => close(resource);
    // `open` and `close` are fresh closures each render; the key says when the resource changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return held && held.key === key ? held.resource : null;
}
