import type { PlayerView } from '../../engine';
import type { Command } from '../../scenarios/schema';
import { useSessionStore, type LiveSession } from '../store/session-store';

/** The live session; components below the console only render while one exists. */
export function useLiveSession(): LiveSession {
  const session = useSessionStore((s) => s.session);
  if (!session) throw new Error('useLiveSession needs an open session');
  return session;
}

/** The player's projection of the session (no hidden truth). */
export function useView(): PlayerView {
  // Select the view itself: the session object changes with every clock update, the view only when the engine moves.
  const view = useSessionStore((s) => s.session?.view);
  if (!view) throw new Error('useView needs an open session');
  return view;
}

/** Sends a command to the engine at the current sim time. */
export function useSend(): (command: Command) => void {
  return useSessionStore((s) => s.send);
}

/** The displayed sim time in whole seconds. */
export function useClock(): number {
  return useSessionStore((s) => Math.floor(s.session?.clock ?? 0));
}
