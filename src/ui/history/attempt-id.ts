/**
 * The id of a finished run. It is derived from the run itself, so saving the same debrief twice
 * (a re-render, a refresh on the debrief screen) overwrites one record instead of adding another;
 * two byte-identical runs are the same attempt.
 */
export function attemptId(scenarioId: string, scenarioVersion: number, seed: number, stateHash: string): string {
  return `${scenarioId}@${scenarioVersion}/${seed}/${stateHash}`;
}
