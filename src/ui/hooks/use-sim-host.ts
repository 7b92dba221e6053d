import { useEffect } from 'react';
import { useSessionStore } from '../store/session-store';

const frameMs = 100;

/** Drives the session from the wall clock while mounted: the host owns speed and pause, not the engine. */
export function useSimHost(): void {
  useEffect(() => {
    let last = performance.now();
    const id = window.setInterval(() => {
      const now = performance.now();
      useSessionStore.getState().tick(now - last);
      last = now;
    }, frameMs);
    // A refresh or a closed tab must resume at the exact sim time, not the last periodic save.
    const save = () => useSessionStore.getState().saveNow();
    window.addEventListener('pagehide', save);
    return () => {
      window.clearInterval(id);
      window.removeEventListener('pagehide', save);
    };
  }, []);
}
