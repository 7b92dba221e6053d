// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { createInitialState, playBot, stageOf, stateAt, stateHash } from '../../src/engine';
import { advanceInPlace, applyEntryInPlace } from '../../src/engine/session';
import { loadSavedSession } from '../../src/ui/session/saved-session';
import { branchRun, sendCommand } from '../../src/ui/store/session-actions';
import { useSessionStore } from '../../src/ui/store/session-store';
import { scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const seed = 1;
const { log } = playBot(s, 'model', seed);
// A moment in the middle of the incident, on the second of a command (which belongs to the moment).
const moment = log[Math.floor(log.length / 2)]?.at as number;

/** The model's run played as a host plays it, clock and commands in turn, with the state's hash taken as the clock passes `moment`. */
function playLive(): { hashAtMoment: string; final: ReturnType<typeof createInitialState> } {
  const state = createInitialState(s, seed);
  let hashAtMoment: string | null = null;
  for (const entry of log) {
    if (hashAtMoment === null && entry.at > moment) {
      advanceInPlace(s, state, moment);
      hashAtMoment = stateHash(state);
    }
    advanceInPlace(s, state, entry.at);
    applyEntryInPlace(s, state, entry);
  }
  advanceInPlace(s, state, s.clock.endS);
  if (hashAtMoment === null) throw new Error('the moment is after the last command');
  return { hashAtMoment, final: state };
}

beforeEach(() => {
  localStorage.clear();
  useSessionStore.setState({ session: null, speed: 5, paused: false });
});

describe('start a drill from a moment of a finished run', () => {
  const { hashAtMoment, final } = playLive();

  it("gives a run whose state at that moment equals the original's", () => {
    expect(stageOf(final.flow)).not.toBe('running');
    expect(stateHash(stateAt(s, seed, final.log, moment))).toBe(hashAtMoment);
  });

  it('opens the new run paused there, same seed and log up to there, saved as the current session, the original untouched', () => {
    const before = stateHash(final);
    const logLength = final.log.length;
    branchRun(s, final, moment, true);
    const { session, paused } = useSessionStore.getState();
    expect(paused).toBe(true);
    expect(session?.seed).toBe(seed);
    expect(session && stateHash(session.state)).toBe(hashAtMoment);
    expect(session?.state.log).toEqual(final.log.filter((e) => e.at <= moment));
    expect(session && stageOf(session.state.flow)).toBe('running');
    const saved = loadSavedSession(localStorage);
    expect(saved && 'session' in saved ? { seed: saved.session.seed, entries: saved.session.log.length, clock: saved.session.clock } : null).toEqual({ seed, entries: session?.state.log.length, clock: moment });
    // The finished run is the same object, unchanged.
    expect(stateHash(final)).toBe(before);
    expect(final.log).toHaveLength(logLength);
    // The new run goes its own way from there.
    sendCommand({ type: 'note.add', text: 'This time, check the registry first.' });
    expect(useSessionStore.getState().session?.state.log.length).toBe((session?.state.log.length ?? 0) + 1);
    expect(final.log).toHaveLength(logLength);
  });
});
