import type { LogEntry, Scenario } from '../../scenarios/schema';
import { advanceInPlace, applyEntryInPlace, createInitialState } from '../session';
import type { SimState } from '../state';

/** A replay that also knows which log entries the engine accepted. */
export interface TrackedReplay {
  state: SimState;
  /** One flag per log entry: false when the engine refused it (it is in `state.rejected`). */
  accepted: boolean[];
}

/**
 * Replays a log like `replay`, noting which entries were accepted. Markers and key steps must
 * show what the player actually did, not what they tried: a refused command changed nothing.
 */
export function replayTracked(s: Scenario, seed: number, log: readonly LogEntry[], until?: number): TrackedReplay {
  const state = createInitialState(s, seed);
  const accepted = log.map((entry) => {
    const before = state.rejected.length;
    applyEntryInPlace(s, state, entry);
    return state.rejected.length === before;
  });
  if (until !== undefined) advanceInPlace(s, state, until);
  return { state, accepted };
}
