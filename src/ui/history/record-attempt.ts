import { resultView, runInfo, type SimState } from '../../engine';
import type { Scenario } from '../../scenarios/schema';
import { attemptIdOf } from './attempt-id';
import { attemptRecordSchema, type AttemptRecord } from './attempt-record';

/**
 * The record to save for a finished run, scored by the engine; null while the run has not ended.
 * `imported` names the replay file of a run that was not the player's own.
 */
export function attemptFromRun(scenario: Scenario, state: SimState, finishedAt: Date, imported?: { fileName: string }): AttemptRecord | null {
  const result = resultView(scenario, state);
  if (!result || !state.ended) return null;
  const { summary, report } = result;
  return attemptRecordSchema.parse({
    recordVersion: 2,
    id: attemptIdOf(scenario.id, scenario.version, state, () => summary.stateHash),
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    scenarioTitle: scenario.title,
    seed: state.seed,
    level: runInfo(scenario).level,
    log: state.log,
    score: { total: report.total, maxScore: report.maxScore, grade: report.grade },
    times: { mttdS: report.times.mttdS, mttaS: report.times.mttaS, mttmS: report.times.mttmS, mttrS: report.times.mttrS },
    records: { lost: summary.records.lost, duplicates: summary.records.duplicates },
    resolved: report.resolved,
    endedReason: state.ended.reason,
    stateHash: summary.stateHash,
    finishedAt: finishedAt.toISOString(),
    ...(imported ? { imported: { fileName: imported.fileName } } : {}),
  } satisfies AttemptRecord);
}
