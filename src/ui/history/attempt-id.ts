import type { SimState } from '../../engine';

/**
 * The id of a finished run. It is derived from the run itself, so saving the same debrief twice
 * (a re-render, a refresh on the debrief screen) overwrites one record instead of adding another;
 * two byte-identical runs are the same attempt.
 */
export function attemptId(scenarioId: string, scenarioVersion: number, seed: number, stateHash: string): string {
  return `${scenarioId}@${scenarioVersion}/${seed}/${stateHash}`;
}

// Each finished run's id, worked out once: a finished state never changes.
const ids = new WeakMap<SimState, string>();

/**
 * Notes that a run was replayed from the record with this id, so it keeps that id wherever the
 * id is asked for. A record saved before new states held their later keys from the start has a
 * hash of the state with those keys in another order (see stateHashMatches): derived afresh, its
 * id would differ, and the debrief would be saved again beside it.
 */
export function rememberAttemptId(state: SimState, id: string): void {
  ids.set(state, id);
}

/** The id of a finished run: the record's it was replayed from, or one derived from the run (hashed once). */
export function attemptIdOf(scenarioId: string, scenarioVersion: number, state: SimState, stateHash: () => string): string {
  let id = ids.get(state);
  if (id === undefined) {
    id = attemptId(scenarioId, scenarioVersion, state.seed, stateHash());
    ids.set(state, id);
  }
  return id;
}
