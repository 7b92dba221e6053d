import { advance, applyEntry, createInitialStateInSteps, playerView, prepareRun, replayInSteps, runInfo, stageOf, stateAt, type Level, type SimState } from '../../engine';
import { driveReplay } from '../session/drive-replay';
import type { Command, Scenario } from '../../scenarios/schema';
import type { SavedSession } from '../session/saved-session';
import { usePlanDraft } from './plan-draft-store';
import { persist, useSessionStore, type LiveSession, type RunOrigin } from './session-store';

// What moves the solo session: the pure engine driven by the wall clock and the player's commands.
// The engine's state is the only truth, read through `view`. Screens that play import this module;
// the catalogue does not, so its first screen loads without the engine.

function withState(session: LiveSession, state: SimState, clock = session.clock): LiveSession {
  return { ...session, state, view: playerView(session.scenario, state), clock: Math.max(clock, state.t) };
}

/**
 * Opens a scenario's briefing with a seed and a level. The world's pre-roll runs in slices, so the
 * page stays responsive; `stillWanted` drops a briefing the player left meanwhile.
 */
export async function openSession(base: Scenario, seed: number, hintsOn: boolean, level: Level, stillWanted: () => boolean = () => true): Promise<void> {
  const scenario = prepareRun(base, seed, level);
  const state = await driveReplay(createInitialStateInSteps(scenario, seed));
  if (!stillWanted()) return;
  // A new run starts from a blank plan (a decision drill's draft belongs to the run it was written in).
  usePlanDraft.getState().clear();
  const session: LiveSession = { scenario, seed, level, hintsOn, state, view: playerView(scenario, state), clock: state.t };
  useSessionStore.setState({ session, paused: false });
  persist(session);
}

/** The run a saved session replays to: its prepared scenario, and its state at the saved clock (replayed in slices, so the page stays responsive). */
export async function replaySaved(base: Scenario, saved: SavedSession): Promise<{ scenario: Scenario; state: SimState }> {
  const scenario = prepareRun(base, saved.seed, saved.level);
  return { scenario, state: await driveReplay(replayInSteps(scenario, saved.seed, saved.log, Math.floor(saved.clock))) };
}

/** Shows a state already computed from a log on a prepared scenario (a verified replay, a saved attempt); a running one starts paused. */
export function showRun(scenario: Scenario, seed: number, state: SimState, hintsOn: boolean, clock = state.t, origin?: RunOrigin): void {
  const session: LiveSession = { scenario, seed, level: runInfo(scenario).level, hintsOn, state, view: playerView(scenario, state), clock: Math.max(clock, state.t), ...(origin ? { origin } : {}) };
  useSessionStore.setState({ session, paused: stageOf(state.flow) === 'running' });
}

/**
 * Starts a new run from a moment of a finished one ("start a drill from here"): same scenario,
 * seed and log up to sim time `t`, paused there. The finished run is not touched.
 */
export function branchRun(scenario: Scenario, from: SimState, t: number, hintsOn: boolean): void {
  usePlanDraft.getState().clear();
  const state = stateAt(scenario, from.seed, from.log, t);
  const session: LiveSession = { scenario, seed: from.seed, level: runInfo(scenario).level, hintsOn, state, view: playerView(scenario, state), clock: state.t };
  useSessionStore.setState({ session, paused: true });
  persist(session);
}

/** Issues a player command at the current sim time. */
export function sendCommand(command: Command): void {
  const session = useSessionStore.getState().session;
  if (!session) return;
  const at = Math.max(session.state.t, Math.floor(session.clock));
  const next = withState(session, applyEntry(session.scenario, session.state, { at, command }));
  useSessionStore.setState({ session: next });
  persist(next);
}

let lastPersistAt = 0;

/** Moves the clock by a wall-clock interval at the current speed. */
export function tickSession(wallMs: number): void {
  const { session, paused, speed } = useSessionStore.getState();
  if (!session || paused || stageOf(session.state.flow) !== 'running') return;
  const clock = Math.min(session.clock + (wallMs / 1000) * speed, session.scenario.clock.endS);
  if (clock < session.state.nextTickAt) {
    useSessionStore.setState({ session: { ...session, clock } });
    return;
  }
  const next = withState(session, advance(session.scenario, session.state, Math.floor(clock)), clock);
  useSessionStore.setState({ session: next });
  const now = Date.now();
  if (now - lastPersistAt > 2000 || next.state.ended) {
    lastPersistAt = now;
    persist(next);
  }
}
