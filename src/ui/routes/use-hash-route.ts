import { useMemo, useSyncExternalStore } from 'react';
import { parseHashRoute, type HashRoute } from './hash-route';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

/** The route in the address bar's fragment, following Back, Forward and edits to the URL. */
export function useHashRoute(): HashRoute | null {
  const hash = useSyncExternalStore(subscribe, readHash, () => '');
  return useMemo(() => parseHashRoute(hash), [hash]);
}

/** Opens a route in this window (a history entry, so Back returns). */
export function goTo(hash: string): void {
  window.location.hash = hash;
}

/** Leaves a linked screen for the ordinary app, dropping the fragment. */
export function leaveRoute(): void {
  history.pushState(null, '', window.location.pathname + window.location.search);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
