import { create } from 'zustand';
import type { Level, PlayerView, SimState } from '../../engine';
import type { Scenario } from '../../scenarios/schema';
import { saveSession, clearSavedSession, loadSavedSession } from '../session/saved-session';

/** Playback speeds the host offers. */
export const speeds = [1, 2, 5, 10, 20] as const;
/** A playback speed. */
export type Speed = (typeof speeds)[number];

/** A session being played in this browser. */
export interface LiveSession {
  /** The run's concrete scenario: the seed's root-cause variant at the chosen level (`prepareRun`). */
  scenario: Scenario;
  seed: number;
  level: Level;
  hintsOn: boolean;
  state: SimState;
  view: PlayerView;
  /** The displayed sim time; the engine's own time trails it by less than a tick. */
  clock: number;
  /** Where a finished run shown here came from when it is not the player's own: a replay file someone shared. */
  origin?: RunOrigin;
}

/** A run opened from a replay file: someone's run, kept out of the history unless the player keeps it. */
export interface RunOrigin {
  kind: 'imported';
  /** The file's name, to label the debrief with. */
  fileName: string;
  /** Whether the player chose to keep it in this browser's history (marked as imported). */
  kept: boolean;
  /** Said when the file was scored under older scoring rules: its recorded score beside today's. */
  notice?: string;
}

interface SessionStore {
  session: LiveSession | null;
  speed: Speed;
  paused: boolean;
  /** Marks the imported run on screen as kept in the history. */
  keepImported: () => void;
  setSpeed: (speed: Speed) => void;
  setPaused: (paused: boolean) => void;
  togglePause: () => void;
  /** Saves the session now (the page is being hidden or closed). */
  saveNow: () => void;
  /** Leaves the session (the catalogue shows next). */
  close: () => void;
}

function storage(): Storage | null {
  return typeof localStorage === 'undefined' ? null : localStorage;
}

/** Keeps the session in this browser, so a reload resumes it. */
export function persist(session: LiveSession): void {
  const store = storage();
  if (store) saveSession(store, { scenarioId: session.scenario.id, scenarioVersion: session.scenario.version, seed: session.seed, level: session.level, log: session.state.log, clock: session.clock, hintsOn: session.hintsOn });
}

/**
 * Whether the session kept in storage is this one. A debrief opened from the history or a
 * replay file is not kept, and closing it must not forget an incident left running.
 */
function isSavedSession(store: Storage, session: LiveSession): boolean {
  const saved = loadSavedSession(store);
  if (saved === null) return false;
  // An unreadable one keeps no incident worth leaving behind.
  if ('error' in saved) return true;
  const s = saved.session;
  return s.scenarioId === session.scenario.id && s.seed === session.seed && s.level === session.level && s.log.length === session.state.log.length;
}

/**
 * The solo session's store: the run on screen, the speed and the pause. What moves the run (open,
 * show, send, tick) lives in `session-actions`, which brings the engine; this module stays light,
 * so the catalogue's first screen loads without the engine.
 */
export const useSessionStore = create<SessionStore>()((set, get) => ({
  session: null,
  speed: 5,
  paused: false,
  keepImported: () => {
    const session = get().session;
    if (session?.origin) set({ session: { ...session, origin: { ...session.origin, kept: true } } });
  },
  setSpeed: (speed) => set({ speed }),
  setPaused: (paused) => {
    set({ paused });
    const session = get().session;
    if (session) persist(session);
  },
  togglePause: () => get().setPaused(!get().paused),
  saveNow: () => {
    const session = get().session;
    if (session) persist(session);
  },
  close: () => {
    const store = storage();
    const session = get().session;
    if (store && session && isSavedSession(store, session)) clearSavedSession(store);
    set({ session: null, paused: false });
  },
}));
