import { create } from 'zustand';
import { usePlanDraft } from './plan-draft-store';
import { advance, applyEntry, createInitialState, playerView, prepareRun, replay, runInfo, stageOf, stateAt, type Level, type PlayerView, type SimState } from '../../engine';
import type { Command, Scenario } from '../../scenarios/schema';
import { saveSession, clearSavedSession, loadSavedSession, type SavedSession } from '../session/saved-session';

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
  /** Opens a scenario's briefing with a seed and a level. */
  open: (scenario: Scenario, seed: number, hintsOn: boolean, level: Level) => void;
  /** Resumes a saved session by replaying its log. */
  resume: (scenario: Scenario, saved: SavedSession) => void;
  /** Shows a state already computed from a log on a prepared scenario (a verified replay, a saved attempt); a running one starts paused. */
  show: (scenario: Scenario, seed: number, state: SimState, hintsOn: boolean, clock?: number, origin?: RunOrigin) => void;
  /**
   * Starts a new run from a moment of a finished one ("start a drill from here"): same scenario,
   * seed and log up to sim time `t`, paused there. The finished run is not touched.
   */
  branch: (scenario: Scenario, from: SimState, t: number, hintsOn: boolean) => void;
  /** Marks the imported run on screen as kept in the history. */
  keepImported: () => void;
  /** Issues a player command at the current sim time. */
  send: (command: Command) => void;
  /** Moves the clock by a wall-clock interval at the current speed. */
  tick: (wallMs: number) => void;
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

function persist(session: LiveSession): void {
  const store = storage();
  if (store) saveSession(store, { scenarioId: session.scenario.id, scenarioVersion: session.scenario.version, seed: session.seed, level: session.level, log: session.state.log, clock: session.clock, hintsOn: session.hintsOn });
}

function withState(session: LiveSession, state: SimState, clock = session.clock): LiveSession {
  return { ...session, state, view: playerView(session.scenario, state), clock: Math.max(clock, state.t) };
}

/** The run a saved session replays to: its prepared scenario, and its state at the saved clock. */
export function replaySaved(base: Scenario, saved: SavedSession): { scenario: Scenario; state: SimState } {
  const scenario = prepareRun(base, saved.seed, saved.level);
  return { scenario, state: replay(scenario, saved.seed, saved.log, Math.floor(saved.clock)) };
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

let lastPersistAt = 0;

/**
 * The session host's store. It drives the pure engine from the wall clock and the player's
 * commands; the engine's state is the only truth, read through `view`.
 */
export const useSessionStore = create<SessionStore>()((set, get) => ({
  session: null,
  speed: 5,
  paused: false,
  open: (base, seed, hintsOn, level) => {
    // A new run starts from a blank plan (a decision drill's draft belongs to the run it was written in).
    usePlanDraft.getState().clear();
    const scenario = prepareRun(base, seed, level);
    const state = createInitialState(scenario, seed);
    const session: LiveSession = { scenario, seed, level, hintsOn, state, view: playerView(scenario, state), clock: state.t };
    set({ session, paused: false });
    persist(session);
  },
  resume: (base, saved) => {
    const { scenario, state } = replaySaved(base, saved);
    get().show(scenario, saved.seed, state, saved.hintsOn, saved.clock);
  },
  show: (scenario, seed, state, hintsOn, clock = state.t, origin) => {
    const session: LiveSession = { scenario, seed, level: runInfo(scenario).level, hintsOn, state, view: playerView(scenario, state), clock: Math.max(clock, state.t), ...(origin ? { origin } : {}) };
    set({ session, paused: stageOf(state.flow) === 'running' });
  },
  branch: (scenario, from, t, hintsOn) => {
    usePlanDraft.getState().clear();
    const state = stateAt(scenario, from.seed, from.log, t);
    const session: LiveSession = { scenario, seed: from.seed, level: runInfo(scenario).level, hintsOn, state, view: playerView(scenario, state), clock: state.t };
    set({ session, paused: true });
    persist(session);
  },
  keepImported: () => {
    const session = get().session;
    if (session?.origin) set({ session: { ...session, origin: { ...session.origin, kept: true } } });
  },
  send: (command) => {
    const session = get().session;
    if (!session) return;
    const at = Math.max(session.state.t, Math.floor(session.clock));
    const next = withState(session, applyEntry(session.scenario, session.state, { at, command }));
    set({ session: next });
    persist(next);
  },
  tick: (wallMs) => {
    const { session, paused, speed } = get();
    if (!session || paused || stageOf(session.state.flow) !== 'running') return;
    const clock = Math.min(session.clock + (wallMs / 1000) * speed, session.scenario.clock.endS);
    if (clock < session.state.nextTickAt) {
      set({ session: { ...session, clock } });
      return;
    }
    const next = withState(session, advance(session.scenario, session.state, Math.floor(clock)), clock);
    set({ session: next });
    const now = Date.now();
    if (now - lastPersistAt > 2000 || next.state.ended) {
      lastPersistAt = now;
      persist(next);
    }
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
