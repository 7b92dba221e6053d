import { createContext, useContext } from 'react';
import type { PlayerView } from '../../engine';
import type { Command } from '../../scenarios/schema';
import { useSessionStore } from '../store/session-store';

/**
 * A frozen view to show instead of the live session: the debrief's scrubber puts the state of a
 * past moment here, and the console's panels render it read-only.
 */
export const FrozenViewContext = createContext<PlayerView | null>(null);

/** The player's projection of the session (no hidden truth): a frozen moment if one is provided. */
export function useView(): PlayerView {
  const frozen = useContext(FrozenViewContext);
  // Select the view itself: the session object changes with every clock update, the view only when the engine moves.
  const live = useSessionStore((s) => s.session?.view);
  const view = frozen ?? live;
  if (!view) throw new Error('useView needs an open session');
  return view;
}

/** Whether the panels show a frozen moment, where nothing can be done. */
export function useReadOnly(): boolean {
  return useContext(FrozenViewContext) !== null;
}

const ignore = () => undefined;

/** Sends a command to the engine at the current sim time (does nothing on a frozen moment). */
export function useSend(): (command: Command) => void {
  const send = useSessionStore((s) => s.send);
  return useReadOnly() ? ignore : send;
}

/** The displayed sim time in whole seconds (a frozen moment's own time). */
export function useClock(): number {
  const frozen = useContext(FrozenViewContext);
  const live = useSessionStore((s) => Math.floor(s.session?.clock ?? 0));
  return frozen ? frozen.t : live;
}
