import type { LogEntry, Scenario } from '../scenarios/schema';
import { stageOf } from './flow/stage';
import { advanceInPlace, applyEntryInPlace, createInitialStateInSteps, replaySliceS } from './session';
import type { SimState } from './state';

/** Commands applied between two pauses at most (a command can run a query or a tool). */
const commandsPerPause = 20;

/**
 * `replay`, one slice of sim time at a time: the generator pauses after each `sliceS` seconds of
 * world time it plays, the pre-roll before the player's start included (and after every few
 * commands), and returns the same state
 * `replay(s, seed, log, until)` would, byte for byte. A host drives it with a pause for the page
 * between slices (`driveReplay` in the UI), so a long run never blocks the screen; the engine
 * itself stays free of timers.
 */
export function* replayInSteps(s: Scenario, seed: number, log: readonly LogEntry[], until?: number, sliceS = replaySliceS): Generator<void, SimState, void> {
  // The world's pre-roll (hours of sim time on a first run) pauses in slices too.
  const state = yield* createInitialStateInSteps(s, seed, sliceS);
  let pausedAt = state.t;
  let sincePause = 0;
  // Plays the world up to just before `t` in slices; what is left is played by the caller's own step.
  function* catchUp(t: number): Generator<void, void, void> {
    while (stageOf(state.flow) !== 'debrief' && state.t + sliceS < Math.min(t, s.clock.endS)) {
      advanceInPlace(s, state, state.t + sliceS);
      pausedAt = state.t;
      sincePause = 0;
      yield;
    }
  }
  for (const entry of log) {
    // An entry `replay` refuses (stamped before now or after the end) must not move time first.
    if (entry.at >= state.t && entry.at <= s.clock.endS) yield* catchUp(entry.at);
    applyEntryInPlace(s, state, entry);
    sincePause += 1;
    // A busy stretch of commands pauses too: every slice of sim time, or every few commands.
    if (state.t - pausedAt >= sliceS || sincePause >= commandsPerPause) {
      pausedAt = state.t;
      sincePause = 0;
      yield;
    }
  }
  if (until !== undefined) {
    yield* catchUp(until);
    advanceInPlace(s, state, until);
  }
  return state;
}
