import { createContext, useContext, useEffect } from 'react';
import { useStore } from 'zustand';
import type { PlayerView } from '../../engine';
import type { Command } from '../../scenarios/schema';
import type { HostSnapshot, SessionHost } from '../host/session-host';
import { soloHost } from '../host/solo-host';

/**
 * A frozen view to show instead of the live session: the debrief's scrubber puts the state of a
 * past moment here, and the console's panels render it read-only.
 */
export const FrozenViewContext = createContext<PlayerView | null>(null);

/** The session host the screens talk to: the solo host unless a room or a follower window provides another. */
export const HostContext = createContext<SessionHost>(soloHost);

/** The session host in use. */
export function useHost(): SessionHost {
  return useContext(HostContext);
}

/** Reads one part of the host's snapshot; re-renders only when that part changes. */
export function useHostState<T>(select: (s: HostSnapshot) => T): T {
  return useStore(useHost().store, select);
}

/** The player's projection of the session (no hidden truth): a frozen moment if one is provided. */
export function useView(): PlayerView {
  const frozen = useContext(FrozenViewContext);
  // Select the view itself: the snapshot changes with every clock update, the view only when the engine moves.
  const live = useHostState((s) => s.view);
  const view = frozen ?? live;
  if (!view) throw new Error('useView needs an open session');
  return view;
}

/** Whether the panels show something where nothing can be done: a frozen moment, or a window that only follows. */
export function useReadOnly(): boolean {
  const canCommand = useHostState((s) => s.controls.commands);
  return useContext(FrozenViewContext) !== null || !canCommand;
}

const ignore = () => undefined;

/** Sends a command to the session at the current sim time (does nothing where the panels are read-only). */
export function useSend(): (command: Command) => void {
  const host = useHost();
  return useReadOnly() ? ignore : host.send;
}

/** The seat this window acts from in a room (whose hands are its own); undefined in solo play. */
export function useActor(): string | undefined {
  return useHostState((s) => s.actor);
}

/** The displayed sim time in whole seconds (a frozen moment's own time). */
export function useClock(): number {
  const frozen = useContext(FrozenViewContext);
  const live = useHostState((s) => Math.floor(s.clock));
  return frozen ? frozen.t : live;
}

/** Runs what drives the session (the solo host's wall clock) while the calling screen is mounted. */
export function useHostDrive(): void {
  const host = useHost();
  useEffect(() => host.drive(), [host]);
}
