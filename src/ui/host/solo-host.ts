import { createStore } from 'zustand/vanilla';
import type { Command } from '../../scenarios/schema';
import { useSessionStore } from '../store/session-store';
import { allControls, type HostSnapshot, type SessionHost } from './session-host';

const frameMs = 100;

function snapshotOf(s: ReturnType<typeof useSessionStore.getState>, previous?: HostSnapshot): HostSnapshot {
  const view = s.session?.view ?? null;
  const clock = s.session?.clock ?? 0;
  if (previous && previous.view === view && previous.clock === clock && previous.paused === s.paused && previous.speed === s.speed) return previous;
  return { view, clock, paused: s.paused, speed: s.speed, controls: allControls, connection: 'local', pausedBy: null };
}

const soloSnapshots = createStore<HostSnapshot>()(() => snapshotOf(useSessionStore.getState()));
useSessionStore.subscribe((s) => soloSnapshots.setState(snapshotOf(s, soloSnapshots.getState()), true));

type SessionActions = typeof import('../store/session-actions');
let actions: SessionActions | null = null;

/** The engine-driven actions, loaded on first use: the catalogue's first screen never needs them. */
function loadActions(): Promise<SessionActions> {
  return import('../store/session-actions').then((m) => (actions = m));
}

/** Sends a command now if the engine is loaded (it is whenever a screen that plays is up), else once it is. */
function send(command: Command): void {
  if (actions) actions.sendCommand(command);
  else void loadActions().then((a) => a.sendCommand(command));
}

/** Drives the session from the wall clock: the host owns speed and pause, not the engine. */
function driveFromWallClock(): () => void {
  let last = performance.now();
  void loadActions();
  const id = window.setInterval(() => {
    const now = performance.now();
    // Until the engine has loaded, wall time is not counted: the clock starts when it can move.
    if (actions) actions.tickSession(now - last);
    last = now;
  }, frameMs);
  // A refresh or a closed tab must resume at the exact sim time, not the last periodic save.
  const save = () => useSessionStore.getState().saveNow();
  window.addEventListener('pagehide', save);
  return () => {
    window.clearInterval(id);
    window.removeEventListener('pagehide', save);
  };
}

/** The solo host: the engine runs in this tab, in the session store, with no server. */
export const soloHost: SessionHost = {
  kind: 'solo',
  store: soloSnapshots,
  send,
  setPaused: (paused) => useSessionStore.getState().setPaused(paused),
  setSpeed: (speed) => useSessionStore.getState().setSpeed(speed),
  drive: driveFromWallClock,
};
