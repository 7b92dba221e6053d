import type { LogEntry, MilestoneName, Scenario, VerdictKind } from '../../scenarios/schema';
import { milestoneNames } from '../../scenarios/schema/milestone-names';
import { playModel } from '../bots/model-bot';
import { summarizeRun, type RunSummary } from '../run-summary';
import { incidentTimes, type IncidentTimes } from '../scoring/incident-times';
import type { ScoreReport } from '../scoring/score-run';
import type { SeriesState, SimState } from '../state';
import { componentLabel, declarationLabel, mechanismLabel } from '../diagnosis';
import { duplicatesAvoided } from './duplicates-avoided';
import { peakDuplicates } from './incident-facts';
import { keyMetrics, type KeyMetric } from './key-metrics';
import { keySteps, walkthroughLines, type KeyStep, type WalkthroughLine } from './key-steps';
import { markersOf, type DebriefMarker } from './markers';
import { slaLines, type SlaLine } from './sla-lines';
import { timelineWindow, type TimelineWindow } from './timeline-window';
import { replayTracked } from './tracked-replay';

/** One row of the milestone comparison: the player, the model's ghost, and the gap. */
export interface MilestoneRow {
  milestone: MilestoneName;
  label: string;
  player: number | null;
  model: number | null;
  /** Player minus model, in seconds; null when either never reached it. */
  deltaS: number | null;
}

/** One action the player took, with its verdict revealed. */
export interface DebriefDecision {
  action: string;
  label: string;
  category: 'investigate' | 'mitigate' | 'communicate';
  at: number;
  completedAt: number | null;
  verdict: VerdictKind | 'no-effect';
  why: string;
  /** A typed command line judged by its consequences (the label is the line). */
  typed?: boolean;
}

/** One side of the comparison: the player's run or the model's. */
export interface DebriefRun {
  milestones: Record<MilestoneName, number | null>;
  times: IncidentTimes;
  series: SeriesState;
  markers: DebriefMarker[];
}

/** Everything the debrief shows once a session has ended; hidden truth is revealed here. */
export interface DebriefView {
  scenarioId: string;
  scenarioVersion: number;
  seed: number;
  /** The score against par (the model on the same seed). */
  report: ScoreReport;
  summary: RunSummary;
  player: DebriefRun;
  /** The model walkthrough played on the same seed: the ghost. */
  model: DebriefRun & { log: LogEntry[] };
  playerMarkers: DebriefMarker[];
  modelMarkers: DebriefMarker[];
  milestones: MilestoneRow[];
  sla: SlaLine[];
  keyMetrics: KeyMetric[];
  /** The span the timeline's charts and scrubber cover, and whether impact began before it. */
  window: TimelineWindow;
  decisions: DebriefDecision[];
  keySteps: KeyStep[];
  walkthrough: WalkthroughLine[];
  rootCause: {
    statement: string;
    correctLabel: string;
    /** What supports the cause, and what the model pinned as evidence. */
    evidence: string[];
    modelEvidence: string[];
    playerDeclarations: { at: number; label: string; correct: boolean; parts: { component: boolean; mechanism: boolean; evidence: boolean }; evidence: string[] }[];
    /** What the player wrote in the postmortem, if they got that far. */
    playerStatement: string | null;
  };
  prevention: { id: string; label: string; correct: boolean; why: string; chosen: boolean }[];
  /** Duplicate rows the player's overwrite replays kept out (0 when they ran none). */
  duplicatesAvoided: number;
  /** The most rows written twice at any sampled moment of the player's run (0 when none ever were). */
  duplicatesPeak: number;
}

const milestoneLabels: Record<MilestoneName, string> = {
  impactStart: 'Impact starts',
  detected: 'First page (detected)',
  acknowledged: 'Page acknowledged',
  diagnosed: 'Root cause named (diagnosed)',
  mitigated: 'Impact stopped (mitigated)',
  resolved: 'Resolved with complete data',
};

/**
 * The debrief of a finished session, or null while it is still being played (the walkthrough,
 * verdicts and root cause must not reach the player before the end). It replays the model on
 * the same seed for the ghost, so it costs a few replays: the UI memoises it.
 */
export function debriefView(s: Scenario, state: SimState): DebriefView | null {
  if (!state.ended) return null;
  const { summary, report } = summarizeRun(s, state, 'player');
  const player = replayTracked(s, state.seed, state.log, state.t);
  const modelLog = playModel(s, state.seed).log;
  const model = replayTracked(s, state.seed, modelLog, s.clock.endS);
  const playerMarkers = markersOf(s, player);
  const modelMarkers = markersOf(s, model);
  const walkthrough = walkthroughLines(s, modelLog, model.state.milestones.detected ?? s.clock.playerStartS);
  const pm = state.milestones;
  const mm = model.state.milestones;
  return {
    scenarioId: s.id,
    scenarioVersion: s.version,
    seed: state.seed,
    report,
    summary,
    player: { milestones: { ...pm }, times: report.times, series: state.series, markers: playerMarkers },
    model: { log: modelLog, milestones: { ...mm }, times: incidentTimes(mm), series: model.state.series, markers: modelMarkers },
    playerMarkers,
    modelMarkers,
    milestones: milestoneNames.map((milestone) => {
      const p = pm[milestone];
      const m = mm[milestone];
      return { milestone, label: milestoneLabels[milestone], player: p, model: m, deltaS: p === null || m === null ? null : p - m };
    }),
    sla: slaLines(s, state, report.par),
    keyMetrics: keyMetrics(s, [state.series, model.state.series]),
    window: timelineWindow(s, pm, mm, state.ended.at),
    decisions: [
      ...state.decisions.map((d): DebriefDecision => {
        const spec = s.actions.find((a) => a.id === d.action);
        return {
          action: d.action,
          label: spec?.label ?? d.action,
          category: spec?.category ?? 'investigate',
          at: d.startedAt,
          completedAt: d.completedAt,
          verdict: d.verdict,
          why: spec?.verdict.why ?? '',
        };
      }),
      ...report.decisions.flatMap((d): DebriefDecision[] => (d.typed ? [{ action: d.action, label: d.label, category: 'mitigate', at: d.at, completedAt: d.at, verdict: d.verdict, why: d.why, typed: true }] : [])),
    ].sort((a, b) => a.at - b.at),
    keySteps: keySteps(s, state, report, walkthrough),
    walkthrough,
    rootCause: {
      statement: s.rootCause.statement,
      correctLabel: `${s.rootCause.components.map((c) => componentLabel(s, c)).join(' or ')} — ${s.rootCause.mechanisms.map(mechanismLabel).join(' or ')}`,
      evidence: s.rootCause.evidence.map((e) => e.what),
      modelEvidence: s.walkthrough.flatMap((w) => (w.command.type === 'incident.declare-cause' ? w.command.evidence : [])),
      playerDeclarations: state.causeDeclarations.map((d) => ({ at: d.at, label: declarationLabel(s, d.component, d.mechanism), correct: d.correct, parts: d.parts, evidence: d.evidence })),
      playerStatement: state.postmortem?.rootCause ?? null,
    },
    prevention: s.prevention.map((p) => ({ id: p.id, label: p.label, correct: p.correct, why: p.why, chosen: report.prevention.chosen.includes(p.id) })),
    duplicatesAvoided: duplicatesAvoided(s, state),
    duplicatesPeak: peakDuplicates(state),
  };
}
