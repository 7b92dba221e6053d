import type { Scenario, VerdictKind } from '../../scenarios/schema';
import { isActionAvailable } from '../action-availability';
import type { SimState } from '../state';
import { judgeInterventions, type JudgedIntervention } from './consequences';
import { incidentTimes, type IncidentTimes } from './incident-times';
import { promiseGraceS, reviewCommunication, type CommunicationReview } from './communication';
import { dataOutcome, type DataOutcome } from './data-outcomes';
import { countTolerance, durationTolerance, reviewPostmortem, type PostmortemReview } from './postmortem-review';
import { judgePlans } from './plan-verdicts';

/** One scored part of a run. */
export interface ScorePart {
  id: 'acknowledge' | 'diagnose' | 'mitigate' | 'resolve' | 'decisions' | 'outcomes' | 'communication' | 'prevention' | 'postmortem' | 'hints';
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
  /** Totals over every kind of data the scenario can damage (`data.kinds` has each one). */
  outcomes: { recordsLost: number; duplicates: number; slaBreachS: number; deadlineMet: boolean; produced: number; data: DataOutcome };
  communication: { updates: number; firstUpdateS: number | null; longestGapS: number | null; review: CommunicationReview };
  postmortem: PostmortemReview;
  /** Points on offer in this scenario: 100 unless a part does not apply (no data to lose), then the total is scaled to 100. */
  offered: number;
  prevention: { chosen: string[]; correctChosen: string[]; distractorsChosen: string[]; otherCauseChosen: string[]; missed: string[] };
}

/**
 * The scoring rules' version, recorded in replay files: a file scored under other rules opens
 * re-scored by today's, with a notice, instead of being called edited. Raise it whenever a rule
 * or weight changes what a run scores. 1: every rule up to the two hands and the postmortem at
 * 5 points; 2: postmortem facts 12, prevention 7, diagnose 12, mitigate 14, no time points
 * against a par of never.
 */
export const scoringVersion = 2;

/** The highest score a run can get. */
export const maxScore = 100;

/**
 * Each part's maximum; the data-integrity points are offered only when the scenario can lose or
 * duplicate data. The postmortem's checkable facts weigh more than picking follow-ups from a list,
 * so a postmortem that states nothing costs a grade even with the right follow-ups ticked.
 */
export const partMax = { acknowledge: 8, diagnose: 12, mitigate: 14, resolve: 8, decisions: 14, outcomes: 15, communication: 10, prevention: 7, postmortem: 12 } as const;
/** The outcome points for data integrity (records or rows lost, and duplicated); the rest is the deadline. */
export const dataPoints = { lost: 8, duplicates: 4 } as const;

/** Points each kind of mistake costs, deducted from the part it belongs to. */
export const penalties = { wrongCause: 3, prematureResolve: 2, harmfulAction: 5, redHerring: 2, missedKeyAction: 3, distractor: 3 } as const;

// Points fall linearly from full at par (plus a grace) to zero at par plus `zeroAfter`.
// A par of "never" (the model missed the milestone on this seed) gives nothing away: the scenario
// lint (honest-par.ts) fails such a scenario, and a run is never scored against a missing par.
function timePoints(max: number, actual: number | null, par: number | null, graceS: number, zeroAfterS: number): number {
  if (actual === null || par === null) return 0;
  const over = actual - par - graceS;
  if (over <= 0) return max;
  return Math.max(0, max * (1 - over / zeroAfterS));
}

/** The communication part's points, rule by rule. */
export const commsPoints = { first: 2, cadence: 1, content: 4, promises: 1, severity: 1, answers: 1 } as const;

const formatCount = (n: number) => n.toLocaleString('en-US');

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
  parts.push({ id: 'acknowledge', label: 'Acknowledge the page', max: partMax.acknowledge, points: timePoints(partMax.acknowledge, times.mttaS, par.mttaS, 60, 900), detail: `MTTA ${fmt(times.mttaS)} (par ${fmt(par.mttaS)})` });
  parts.push({
    id: 'diagnose',
    // A decision drill's diagnosis is the first plan that sizes the problem (scope that fits the capacity).
    label: s.kind === 'decision' ? 'Size the problem' : 'Diagnose the root cause',
    max: partMax.diagnose,
    points: Math.max(0, timePoints(partMax.diagnose, times.timeToDiagnoseS, par.timeToDiagnoseS, 120, 2400) - penalties.wrongCause * wrongCauses),
    detail: `time to diagnose ${fmt(times.timeToDiagnoseS)} (par ${fmt(par.timeToDiagnoseS)}); ${wrongCauses} wrong declaration(s), −${penalties.wrongCause} each`,
  });
  parts.push({ id: 'mitigate', label: 'Stop the impact', max: partMax.mitigate, points: timePoints(partMax.mitigate, times.mttmS, par.mttmS, 120, 3600), detail: `MTTM ${fmt(times.mttmS)} (par ${fmt(par.mttmS)})` });
  parts.push({
    id: 'resolve',
    label: 'Resolve with complete data',
    max: partMax.resolve,
    points: Math.max(0, timePoints(partMax.resolve, times.mttrS, par.mttrS, 300, 5400) - penalties.prematureResolve * failedResolves),
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
  const decisionPoints = (state.milestones.mitigated !== null ? partMax.decisions : 0) - penalties.harmfulAction * harmful - penalties.redHerring * herrings - penalties.missedKeyAction * missedKeyActions.length;
  parts.push({
    id: 'decisions',
    label: 'Decisions',
    max: partMax.decisions,
    // Below zero the penalty carries to the total rather than vanishing at the part's floor.
    points: decisionPoints,
    detail: `${harmful} harmful (−${penalties.harmfulAction} each), ${herrings} red herring(s) (−${penalties.redHerring} each), ${noEffect} change(s) with no effect (not penalised: the time they took is the cost), ${missedKeyActions.length} key step(s) missed (−${penalties.missedKeyAction} each)${state.milestones.mitigated === null ? '; the impact was never stopped, so no credit for decisions' : ''}${decisionPoints < 0 ? `; the ${-decisionPoints} points below zero come off the total` : ''}`,
  });

  const data = dataOutcome(s, state);
  const deadlineMet = state.milestones.mitigated !== null && state.milestones.mitigated <= s.briefing.deadline.atS;
  // Data integrity only earns points once the data flows again: doing nothing loses nothing yet.
  const flowing = state.milestones.mitigated !== null;
  // Each kind of data is measured against its own size, and the worst kind decides: a table's duplicate hour is not diluted by a healthy stream.
  const worst = (f: (k: DataOutcome['kinds'][number]) => number) => Math.max(0, ...data.kinds.map((k) => f(k) / Math.max(1, k.expected)));
  const lostPoints = flowing ? dataPoints.lost * Math.max(0, 1 - worst((k) => k.lost) * 20) : 0;
  const dupPoints = flowing ? dataPoints.duplicates * Math.max(0, 1 - worst((k) => k.duplicates) * 20) : 0;
  const deadlinePoints = partMax.outcomes - dataPoints.lost - dataPoints.duplicates;
  const kindsText = data.kinds.map((k) => `${k.label}: ${formatCount(k.lost)} of ${formatCount(k.expected)} lost, ${formatCount(k.duplicates)} duplicated`).join('; ');
  parts.push({
    id: 'outcomes',
    label: 'Outcomes',
    max: data.atRisk ? partMax.outcomes : deadlinePoints,
    points: (data.atRisk ? lostPoints + dupPoints : 0) + (deadlineMet ? deadlinePoints : 0),
    detail: `${
      data.atRisk
        ? `${kindsText} (−${dataPoints.lost} points for every 5% lost, −${dataPoints.duplicates} for every 5% duplicated, by the worst kind)${flowing ? '' : '; the impact never stopped: no credit for data integrity'}`
        : `nothing in this incident can lose or duplicate data, so its ${dataPoints.lost + dataPoints.duplicates} data points are not offered and the total is scaled to ${maxScore}`
    }; ${s.briefing.deadline.label} ${deadlineMet ? 'met' : 'missed'} (${deadlinePoints} points)`,
  });

  const comms = reviewCommunication(s, state);
  const updates = state.messages.filter((x) => x.kind === 'status-update');
  const acked = state.milestones.acknowledged;
  const firstUpdateS = acked !== null && updates[0] ? Math.max(0, updates[0].at - acked) : null;
  const closeAt = state.milestones.resolved ?? state.ended?.at ?? state.t;
  let longestGapS: number | null = null;
  if (updates.length > 0) {
    const stamps = [...updates.map((u) => u.at), closeAt];
    longestGapS = Math.max(...stamps.slice(1).map((at, i) => at - (stamps[i] as number)));
  }
  const firstPoints = firstUpdateS === null ? 0 : commsPoints.first * Math.max(0, Math.min(1, 1 - (firstUpdateS - s.communication.firstUpdateWithinS) / (2 * s.communication.firstUpdateWithinS)));
  const cadencePoints = longestGapS !== null && longestGapS <= s.communication.cadenceS ? commsPoints.cadence : 0;
  // A rule with nothing to judge (no question asked, no severity on record) hands its point to the updates' content.
  const contentMax = commsPoints.content + (comms.severity ? 0 : commsPoints.severity) + (comms.questions.length > 0 ? 0 : commsPoints.answers);
  const contentPoints = contentMax * comms.content;
  const promisePoints = comms.promisesDue === 0 ? 0 : (commsPoints.promises * comms.promisesKept) / comms.promisesDue;
  // A severity nobody was told about is no communication: it counts once an update has said something.
  const severityPoints = comms.severity?.ok && comms.content > 0 ? commsPoints.severity : 0;
  const answered = comms.questions.filter((q) => q.answeredAt !== null).length;
  const answerPoints = comms.questions.length === 0 ? 0 : (commsPoints.answers * answered) / comms.questions.length;
  parts.push({
    id: 'communication',
    label: 'Communication',
    max: partMax.communication,
    points: firstPoints + cadencePoints + contentPoints + promisePoints + severityPoints + answerPoints,
    detail: [
      `${updates.length} status update(s); first ${firstUpdateS === null ? 'never' : `${fmt(firstUpdateS)} after acknowledging`} (target ${fmt(s.communication.firstUpdateWithinS)}); longest silence ${fmt(longestGapS)} (target ${fmt(s.communication.cadenceS)})`,
      `content ${Math.round(comms.content * 100)}% (each update: names who is affected, says where things stand, gives the next update time)`,
      comms.promisesDue === 0 ? 'no promise came due (a next-update time or an ETA), so none kept' : `${comms.promisesKept} of ${comms.promisesDue} promises kept (next update within ${promiseGraceS} s of the time given, ETAs held and only once there was a basis)`,
      comms.severity ? `severity: ${comms.severity.why}${comms.severity.ok && comms.content === 0 ? ', but no update said anything, so it reached nobody' : ''}` : null,
      comms.questions.length > 0 ? `${answered} of ${comms.questions.length} stakeholder question(s) answered by an update within ${fmt(s.communication.cadenceS)}` : null,
    ]
      .filter(Boolean)
      .join('; '),
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
    max: partMax.prevention,
    points: Math.max(0, (partMax.prevention * correctChosen.length) / Math.max(1, correct.length) - penalties.distractor * distractorsChosen.length),
    detail: `${correctChosen.length} of ${correct.length} right follow-ups, ${distractorsChosen.length} distractor(s) (−${penalties.distractor} each)${otherCauseChosen.length > 0 ? `, ${otherCauseChosen.length} for another root cause (not counted)` : ''}`,
  });

  const pm = reviewPostmortem(s, state);
  parts.push({
    id: 'postmortem',
    label: 'Postmortem facts',
    max: partMax.postmortem,
    points: pm.checks.length === 0 ? 0 : (partMax.postmortem * pm.passed) / pm.checks.length,
    detail: pm.submitted
      ? `${pm.passed === 0 ? 'Nothing checkable was stated, so a postmortem that says nothing scores none of these points; ' : ''}${pm.passed} of ${pm.checks.length} checkable parts agree with the run, ${Math.round((partMax.postmortem / Math.max(1, pm.checks.length)) * 10) / 10} points each (durations within ${durationTolerance.minutes} min or ${durationTolerance.share * 100}%, counts within ${countTolerance.share * 100}% or ${countTolerance.absolute}; free text is kept, not scored): ${pm.checks.map((c) => `${c.label.toLowerCase()} ${c.ok ? '✓' : '✗'} ${c.why}`).join('; ')}`
      : 'no postmortem submitted',
  });

  const hintCost = s.hints.slice(0, state.hintsUsed).reduce((sum, h) => sum + h.cost, 0);
  if (hintCost > 0) parts.push({ id: 'hints', label: 'Hints used', max: 0, points: -hintCost, detail: `${state.hintsUsed} hint(s)` });

  const raw = parts.reduce((sum, p) => sum + p.points, 0);
  const offered = parts.reduce((sum, p) => sum + p.max, 0);
  const total = Math.round(Math.min(maxScore, Math.max(0, (raw * maxScore) / offered)));
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
    outcomes: { recordsLost: data.lost, duplicates: data.duplicates, slaBreachS: state.impactS, deadlineMet, produced: data.expected, data },
    communication: { updates: updates.length, firstUpdateS, longestGapS, review: comms },
    postmortem: pm,
    offered,
    prevention: { chosen, correctChosen, distractorsChosen, otherCauseChosen, missed: correct.filter((id) => !chosen.includes(id)) },
  };
}
