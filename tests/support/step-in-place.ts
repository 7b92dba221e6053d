import { advanceInPlace, applyEntryInPlace, createInitialState } from '../../src/engine/session';
import type { SimState } from '../../src/engine/state';
import type { LogEntry, Scenario } from '../../src/scenarios/schema';

/**
 * Plays a log into one state in place, a tick at a time, and calls `check` after every tick and
 * every command (each ends with the metrics refreshed at the state's time). Returns the checks made.
 */
export function stepInPlace(s: Scenario, seed: number, log: readonly LogEntry[], check: (state: SimState) => void): number {
  const state = createInitialState(s, seed);
  let checks = 0;
  for (const entry of log) {
    while (state.nextTickAt <= entry.at) {
      advanceInPlace(s, state, state.nextTickAt);
      check(state);
      checks += 1;
    }
    applyEntryInPlace(s, state, entry);
    check(state);
    checks += 1;
  }
  return checks;
}
