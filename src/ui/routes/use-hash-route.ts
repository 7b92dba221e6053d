import { useMemo, useSyncExternalStore } from 'react';
import { parseHashRoute, type HashRoute } from './hash-route';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

/** The address bar's fragment as it is, following Back, Forward and edits to the URL. */
export function useLocationHash(): string {
  return useSyncExternalStore(subscribe, readHash, () => '');
}

/** The route in the address bar's fragment. */
export function useHashRoute(): HashRoute | null {
  const hash = useLocationHash();
  return useMemo(() => parseHashRoute(hash), [hash]);
}

/** Opens a route in this window (a history entry, so Back returns). */
export function goTo(hash: string): void {
  window.location.hash = hash;
}

/** Shows a route in place of the current history entry (a URL put right, a stage the incident moved on to). */
export function replaceRoute(hash: string): void {
  if (window.location.hash === hash) return;
  history.replaceState(history.state, '', window.location.pathname + window.location.search + hash);
  // replaceState fires nothing: tell the screens, as a fragment navigation would.
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Leaves a linked screen for the ordinary app, dropping the fragment. */
export function leaveRoute(): void {
  history.pushState(null, '', window.location.pathname + window.location.search);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
