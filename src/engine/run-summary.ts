import type { Scenario } from '../scenarios/schema';
import { parTimes } from './scoring/par';
import { scoreRun, type ScoreReport } from './scoring/score-run';
import type { SimState } from './state';
import { stateHash } from './state-hash';

/** The headless runner's result for one run, as the `sim --json` contract prints it. */
export interface RunSummary {
  scenarioId: string;
  seed: number;
  policy: string;
  resolved: boolean;
  milestones: SimState['milestones'];
  mttdS: number | null;
  mttaS: number | null;
  mttmS: number | null;
  mttrS: number | null;
  records: { produced: number; pending: number; delivered: number; dlq: number; lost: number; duplicates: number };
  score: number;
  maxScore: number;
  grade: string;
  stateHash: string;
}

/** Summarises a finished run and scores it against par for its seed. */
export function summarizeRun(s: Scenario, state: SimState, policy: string): { summary: RunSummary; report: ScoreReport } {
  const report = scoreRun(s, state, parTimes(s, state.seed));
  const m = state.metrics;
  const summary: RunSummary = {
    scenarioId: s.id,
    seed: state.seed,
    policy,
    resolved: report.resolved,
    milestones: { ...state.milestones },
    mttdS: report.times.mttdS,
    mttaS: report.times.mttaS,
    mttmS: report.times.mttmS,
    mttrS: report.times.mttrS,
    records: {
      produced: m['records.produced'] ?? 0,
      pending: m['records.pending'] ?? 0,
      delivered: m['records.delivered'] ?? 0,
      dlq: m['records.dlq'] ?? 0,
      lost: m['records.lost'] ?? 0,
      duplicates: m['records.duplicates'] ?? 0,
    },
    score: report.total,
    maxScore: report.maxScore,
    grade: report.grade,
    stateHash: stateHash(state),
  };
  return { summary, report };
}
