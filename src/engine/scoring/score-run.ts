import type { Scenario, VerdictKind } from '../../scenarios/schema';
import { isActionAvailable } from '../action-availability';
import type { SimState } from '../state';
import { judgeInterventions, type JudgedIntervention } from './consequences';
import { incidentTimes, type IncidentTimes } from './incident-times';
import { judgePlans } from './plan-verdicts';

/** One scored part of a run. */
export interface ScorePart {
  id: 'acknowledge' | 'diagnose' | 'mitigate' | 'resolve' | 'decisions' | 'outcomes' | 'communication' | 'prevention' | 'hints';
  label: string;
  points: number;
  max: number;
  detail: string;
}

/** A judged decision: an action from the scenario's list, or a typed line that changed the world. */
export interface JudgedDecision {
  /** The action's id, or the typed line. */
  action: string;
  label: string;
  at: number;
  verdict: VerdictKind | 'no-effect';
  why: string;
  /** A typed intervention, judged by its consequences. */
  typed?: JudgedIntervention;
}

/** Everything the debrief needs to explain a score. */
export interface ScoreReport {
  total: number;
  maxScore: number;
  grade: 'A' | 'B' | 'C' | 'D' | 'F';
  resolved: boolean;
  times: IncidentTimes;
  par: IncidentTimes;
  parts: ScorePart[];
  decisions: JudgedDecision[];
  missedKeyActions: { action: string; label: string; why: string }[];
  outcomes: { recordsLost: number; duplicates: number; slaBreachS: number; deadlineMet: boolean; produced: number };
  communication: { updates: number; firstUpdateS: number | null; longestGapS: number | null };
  prevention: { chosen: string[]; correctChosen: string[]; distractorsChosen: string[]; otherCauseChosen: string[]; missed: string[] };
}

/** The highest score a run can get. */
export const maxScore = 100;

/** Points each kind of mistake costs, deducted from the part it belongs to. */
export const penalties = { wrongCause: 3, prematureResolve: 2, harmfulAction: 5, redHerring: 2, missedKeyAction: 3, distractor: 3 } as const;

// Points fall linearly from full at par (plus a grace) to zero at par plus `zeroAfter`.
function timePoints(max: number, actual: number | null, par: number | null, graceS: number, zeroAfterS: number): number {
  if (actual === null) return 0;
  const over = actual - (par ?? actual) - graceS;
  if (over <= 0) return max;
  return Math.max(0, max * (1 - over / zeroAfterS));
}

function fmt(seconds: number | null): string {
  return seconds === null ? 'never' : `${Math.round(seconds / 6) / 10} min`;
}

/** Grades a total. */
export function gradeOf(total: number): ScoreReport['grade'] {
  return total >= 90 ? 'A' : total >= 80 ? 'B' : total >= 70 ? 'C' : total >= 60 ? 'D' : 'F';
}

/** Scores a finished run against par (the model's run on the same seed). */
export function scoreRun(s: Scenario, state: SimState, par: IncidentTimes): ScoreReport {
  const times = incidentTimes(state.milestones);
  const parts: ScorePart[] = [];
  const wrongCauses = state.causeDeclarations.filter((d) => !d.correct).length;
  const failedResolves = state.resolveAttempts.filter((a) => a.failures.length > 0).length;
  parts.push({ id: 'acknowledge', label: 'Acknowledge the page', max: 10, points: timePoints(10, times.mttaS, par.mttaS, 60, 900), detail: `MTTA ${fmt(times.mttaS)} (par ${fmt(par.mttaS)})` });
  parts.push({
    id: 'diagnose',
    // A decision drill's diagnosis is the first plan that sizes the problem (scope that fits the capacity).
    label: s.kind === 'decision' ? 'Size the problem' : 'Diagnose the root cause',
    max: 15,
    points: Math.max(0, timePoints(15, times.timeToDiagnoseS, par.timeToDiagnoseS, 120, 2400) - penalties.wrongCause * wrongCauses),
    detail: `time to diagnose ${fmt(times.timeToDiagnoseS)} (par ${fmt(par.timeToDiagnoseS)}); ${wrongCauses} wrong declaration(s), −${penalties.wrongCause} each`,
  });
  parts.push({ id: 'mitigate', label: 'Stop the impact', max: 20, points: timePoints(20, times.mttmS, par.mttmS, 120, 3600), detail: `MTTM ${fmt(times.mttmS)} (par ${fmt(par.mttmS)})` });
  parts.push({
    id: 'resolve',
    label: 'Resolve with complete data',
    max: 10,
    points: Math.max(0, timePoints(10, times.mttrS, par.mttrS, 300, 5400) - penalties.prematureResolve * failedResolves),
    detail: `MTTR ${fmt(times.mttrS)} (par ${fmt(par.mttrS)}); ${failedResolves} premature resolution(s), −${penalties.prematureResolve} each`,
  });

  const listed: JudgedDecision[] = state.decisions.map((d) => {
    const spec = s.actions.find((a) => a.id === d.action);
    return { action: d.action, label: spec?.label ?? d.action, at: d.startedAt, verdict: d.verdict, why: spec?.verdict.why ?? '' };
  });
  const typed: JudgedDecision[] = judgeInterventions(s, state).map((j) => ({ action: j.line, label: j.line, at: j.at, verdict: j.verdict, why: j.why, typed: j }));
  const planned: JudgedDecision[] = judgePlans(s, state).map((p) => ({ action: `plan.send#${p.version}`, label: `Send the plan (version ${p.version})`, at: p.at, verdict: p.verdict, why: p.why }));
  const decisions = [...listed, ...typed, ...planned].sort((a, b) => a.at - b.at);
  // A listed action is judged once by its label; every typed intervention and every harm a sent plan commits to, each time.
  const count = (kind: VerdictKind | 'no-effect') =>
    new Set(listed.filter((d) => d.verdict === kind).map((d) => d.action)).size + [...typed, ...planned].filter((d) => d.verdict === kind).length;
  const completed = new Set(state.decisions.filter((d) => d.completedAt !== null).map((d) => d.action));
  // A key decision an inject brings counts as missed only when that inject fired.
  const missedKeyActions = s.actions.filter((a) => a.verdict.kind === 'key' && !completed.has(a.id) && isActionAvailable(state, a)).map((a) => ({ action: a.id, label: a.label, why: a.verdict.why }));
  const harmful = count('harmful');
  const herrings = count('red-herring');
  const noEffect = count('no-effect');
  // Like data integrity, good decisions only earn points once the impact is stopped: doing nothing harms nothing.
  const decisionPoints = (state.milestones.mitigated !== null ? 15 : 0) - penalties.harmfulAction * harmful - penalties.redHerring * herrings - penalties.missedKeyAction * missedKeyActions.length;
  parts.push({
    id: 'decisions',
    label: 'Decisions',
    max: 15,
    // Below zero the penalty carries to the total rather than vanishing at the part's floor.
    points: decisionPoints,
    detail: `${harmful} harmful (−${penalties.harmfulAction} each), ${herrings} red herring(s) (−${penalties.redHerring} each), ${noEffect} change(s) with no effect (not penalised: the time they took is the cost), ${missedKeyActions.length} key step(s) missed (−${penalties.missedKeyAction} each)${state.milestones.mitigated === null ? '; the impact was never stopped, so no credit for decisions' : ''}${decisionPoints < 0 ? `; the ${-decisionPoints} points below zero come off the total` : ''}`,
  });

  const m = state.metrics;
  const produced = Math.max(1, m['records.produced'] ?? 0);
  const lost = m['records.lost'] ?? 0;
  const duplicates = m['records.duplicates'] ?? 0;
  const deadlineMet = state.milestones.mitigated !== null && state.milestones.mitigated <= s.briefing.deadline.atS;
  // Data integrity only earns points once the data flows again: doing nothing loses nothing yet.
  const flowing = state.milestones.mitigated !== null;
  const lostPoints = flowing ? 8 * Math.max(0, 1 - (lost / produced) * 20) : 0;
  const dupPoints = flowing ? 4 * Math.max(0, 1 - (duplicates / produced) * 20) : 0;
  parts.push({
    id: 'outcomes',
    label: 'Outcomes',
    max: 15,
    points: lostPoints + dupPoints + (deadlineMet ? 3 : 0),
    detail: `${lost} records lost, ${duplicates} duplicates${flowing ? '' : ' (impact never stopped: no credit for data integrity)'}, ${s.briefing.deadline.label} ${deadlineMet ? 'met' : 'missed'}`,
  });

  const updates = state.messages.filter((x) => x.kind === 'status-update');
  const acked = state.milestones.acknowledged;
  const firstUpdateS = acked !== null && updates[0] ? Math.max(0, updates[0].at - acked) : null;
  const closeAt = state.milestones.resolved ?? state.ended?.at ?? state.t;
  let longestGapS: number | null = null;
  if (updates.length > 0) {
    const stamps = [...updates.map((u) => u.at), closeAt];
    longestGapS = Math.max(...stamps.slice(1).map((at, i) => at - (stamps[i] as number)));
  }
  const firstPoints = firstUpdateS === null ? 0 : 3 * Math.max(0, Math.min(1, 1 - (firstUpdateS - s.communication.firstUpdateWithinS) / (2 * s.communication.firstUpdateWithinS)));
  const cadencePoints = longestGapS !== null && longestGapS <= s.communication.cadenceS ? 2 : 0;
  parts.push({
    id: 'communication',
    label: 'Communication',
    max: 5,
    points: firstPoints + cadencePoints,
    detail: `${updates.length} status update(s); first ${firstUpdateS === null ? 'never' : `${fmt(firstUpdateS)} after acknowledging`} (target ${fmt(s.communication.firstUpdateWithinS)}); longest silence ${fmt(longestGapS)} (target ${fmt(s.communication.cadenceS)})`,
  });

  const chosen = state.postmortem?.followUps ?? [];
  const correct = s.prevention.filter((p) => p.correct).map((p) => p.id);
  const correctChosen = chosen.filter((id) => correct.includes(id));
  const otherCause = new Set(s.prevention.filter((p) => p.otherCause).map((p) => p.id));
  const distractorsChosen = chosen.filter((id) => !correct.includes(id) && !otherCause.has(id));
  const otherCauseChosen = chosen.filter((id) => otherCause.has(id));
  parts.push({
    id: 'prevention',
    label: 'Prevention',
    max: 10,
    points: Math.max(0, (10 * correctChosen.length) / Math.max(1, correct.length) - penalties.distractor * distractorsChosen.length),
    detail: `${correctChosen.length} of ${correct.length} right follow-ups, ${distractorsChosen.length} distractor(s) (−${penalties.distractor} each)${otherCauseChosen.length > 0 ? `, ${otherCauseChosen.length} for another root cause (not counted)` : ''}`,
  });

  const hintCost = s.hints.slice(0, state.hintsUsed).reduce((sum, h) => sum + h.cost, 0);
  if (hintCost > 0) parts.push({ id: 'hints', label: 'Hints used', max: 0, points: -hintCost, detail: `${state.hintsUsed} hint(s)` });

  const raw = parts.reduce((sum, p) => sum + p.points, 0);
  const total = Math.round(Math.min(maxScore, Math.max(0, raw)));
  for (const p of parts) p.points = Math.round(p.points * 10) / 10;
  return {
    total,
    maxScore,
    grade: gradeOf(total),
    resolved: state.milestones.resolved !== null,
    times,
    par,
    parts,
    decisions,
    missedKeyActions,
    outcomes: { recordsLost: lost, duplicates, slaBreachS: state.impactS, deadlineMet, produced: m['records.produced'] ?? 0 },
    communication: { updates: updates.length, firstUpdateS, longestGapS },
    prevention: { chosen, correctChosen, distractorsChosen, otherCauseChosen, missed: correct.filter((id) => !chosen.includes(id)) },
  };
}
