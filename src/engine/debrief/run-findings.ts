import type { Scenario } from '../../scenarios/schema';
import { penalties, type ScorePart } from '../scoring/score-run';
import type { SimState } from '../state';
import { relativeTime, timeOfDay } from '../wall-clock';
import type { DebriefView } from './debrief-view';
import { earlyWarnings, peakLost } from './incident-facts';
import { durationOr, formatCount, formatPercent } from './markdown';

/** What went well and what went badly in a run, as numbered-list items in a blameless voice. */
export interface RunFindings {
  wentWell: string[];
  wentBadly: string[];
}


/** Each listed action once, at the first time it was started; every typed change, since each is judged on its own. */
function firstOfEach<T extends { action: string; typed?: boolean }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    if (x.typed) return true;
    if (seen.has(x.action)) return false;
    seen.add(x.action);
    return true;
  });
}

/**
 * Derives the review's findings from the score report and the run: each item is concrete (what,
 * when, how much) and says what happened, not who is to blame. Full marks on a timed part count
 * as "went well", since scoring already allows the model's time plus a grace.
 */
export function runFindings(s: Scenario, state: SimState, d: DebriefView): RunFindings {
  const well: string[] = [];
  const badly: string[] = [];
  const r = d.report;
  const { times, par, outcomes: o, communication: comm } = r;
  // A part is on time when its points, before scoreRun's per-mistake deductions, are full.
  const onTime = (id: ScorePart['id'], deducted = 0) => {
    const p = r.parts.find((x) => x.id === id);
    return p !== undefined && p.points + deducted >= p.max;
  };
  const fd = (x: number | null) => durationOr(x, 'never');
  const longer = (actual: number, model: number | null) => (model === null ? 'where the model response never got there' : actual > model ? `${fd(actual - model)} longer than the model response` : `about as long as the model response`);
  const at = (t: number) => `${timeOfDay(s.clock, t)} (${relativeTime(t)})`;

  for (const w of earlyWarnings(s, state)) {
    const before = state.milestones.detected === null ? '' : `, ${fd(state.milestones.detected - w.at)} before the first page`;
    badly.push(`The warning “${w.alert.title}” fired at ${at(w.at)}${before}, but warnings page nobody: an early signal went unseen.`);
  }

  if (times.mttaS === null) badly.push('The page was never acknowledged.');
  else if (onTime('acknowledge')) well.push(`The page was acknowledged ${fd(times.mttaS)} after it fired (model: ${fd(par.mttaS)}).`);
  else badly.push(`The page waited ${fd(times.mttaS)} for an acknowledgement (model: ${fd(par.mttaS)}).`);

  const wrong = state.causeDeclarations.filter((c) => !c.correct);
  if (times.timeToDiagnoseS === null) badly.push('The root cause was not named during the incident.');
  else if (onTime('diagnose', penalties.wrongCause * wrong.length)) well.push(`The root cause was named ${fd(times.timeToDiagnoseS)} after the page (model: ${fd(par.timeToDiagnoseS)})${wrong.length === 0 ? ', with no false starts' : ''}.`);
  else badly.push(`Naming the root cause took ${fd(times.timeToDiagnoseS)} from the page, ${longer(times.timeToDiagnoseS, par.timeToDiagnoseS)}.`);
  for (const c of d.rootCause.playerDeclarations.filter((x) => !x.correct)) badly.push(`At ${at(c.at)} the cause was declared as “${c.label}”, which it was not; the team worked the wrong problem until it was corrected.`);

  const decisions = firstOfEach(d.decisions);
  const key = decisions.filter((x) => x.verdict === 'key' && x.completedAt !== null);
  if (key.length > 0) well.push(`Key steps taken: ${key.map((x) => `${x.label} (${relativeTime(x.at)})`).join('; ')}.`);
  const helpful = decisions.filter((x) => x.verdict === 'helpful');
  if (helpful.length > 0) well.push(`Useful checks along the way: ${helpful.map((x) => x.label).join('; ')}.`);
  for (const x of decisions.filter((y) => y.verdict === 'harmful')) badly.push(`“${x.label}” at ${at(x.at)} made things worse. ${x.why}`);
  for (const x of decisions.filter((y) => y.verdict === 'red-herring')) badly.push(`“${x.label}” at ${at(x.at)} did not help. ${x.why}`);
  for (const x of decisions.filter((y) => y.verdict === 'no-effect')) badly.push(`“${x.label}” at ${at(x.at)} changed nothing that mattered. ${x.why}`);
  for (const m of r.missedKeyActions) badly.push(`Key step not taken: ${m.label}. ${m.why}`);

  if (times.mttmS === null) badly.push(`The impact was never stopped during the session: the dashboards were over their freshness SLA for ${fd(o.slaBreachS)}.`);
  else if (onTime('mitigate')) well.push(`The impact was stopped ${fd(times.mttmS)} after it began (model: ${fd(par.mttmS)}).`);
  else badly.push(`Stopping the impact took ${fd(times.mttmS)} from impact start, ${longer(times.mttmS, par.mttmS)}.`);
  const mitigated = state.milestones.mitigated;
  if (o.deadlineMet && mitigated !== null) well.push(`The dashboards were fresh again at ${timeOfDay(s.clock, mitigated)}, ${fd(s.briefing.deadline.atS - mitigated)} before the deadline (${s.briefing.deadline.label}).`);
  else badly.push(`The deadline was missed (${s.briefing.deadline.label}): the dashboards were ${mitigated === null ? 'still stale when the session ended' : `stale until ${timeOfDay(s.clock, mitigated)}`}.`);

  const flowing = mitigated !== null;
  if (o.recordsLost > 0) badly.push(`${formatCount(o.recordsLost)} records were lost (${formatPercent(o.recordsLost, o.produced)} of the ${formatCount(o.produced)} produced): they are not in the tables and nothing will replay them on its own.`);
  else if (flowing) well.push(peakLost(state) > 0 ? `No records were lost in the end: a replay recovered the ${formatCount(peakLost(state))} that were missing at the worst point.` : 'No records were lost.');
  if (o.duplicates > 0) badly.push(`${formatCount(o.duplicates)} duplicate rows were written, double-counting those records downstream.`);
  else if (flowing && d.duplicatesPeak > 0) well.push(`No duplicate rows were left: the ${formatCount(d.duplicatesPeak)} written twice at the worst point were all removed by the end.`);
  else if (flowing) well.push(d.duplicatesAvoided > 0 ? `No duplicate rows: the overwrite replay kept out the ${formatCount(d.duplicatesAvoided)} that a naive append replay of the same window would have written.` : 'No duplicate rows were written.');
  const dlq = state.metrics['records.dlq'] ?? 0;
  if (dlq > 0) badly.push(`${formatCount(dlq)} records were still parked in the dead-letter queue at the end.`);
  const pending = state.metrics['records.pending'] ?? 0;
  if (pending > 0 && times.mttrS === null) badly.push(`${formatCount(pending)} records were still waiting in the backlog, undelivered, when the session ended.`);

  const target = s.communication.firstUpdateWithinS;
  if (comm.updates === 0) badly.push('No status update was posted; stakeholders heard nothing from the incident channel.');
  else if (comm.firstUpdateS !== null && comm.firstUpdateS <= target) well.push(`The first status update went out ${fd(comm.firstUpdateS)} after acknowledging (target: ${fd(target)}).`);
  else badly.push(`The first status update went out ${comm.firstUpdateS === null ? 'before any page was acknowledged' : `${fd(comm.firstUpdateS)} after acknowledging`} (target: ${fd(target)}).`);
  if (comm.longestGapS !== null) {
    if (comm.longestGapS <= s.communication.cadenceS) well.push(`Stakeholders never waited more than ${fd(comm.longestGapS)} for an update (target: ${fd(s.communication.cadenceS)}).`);
    else badly.push(`The longest silence between updates was ${fd(comm.longestGapS)} (target: ${fd(s.communication.cadenceS)}).`);
  }

  const refused = state.resolveAttempts.filter((a) => a.failures.length > 0);
  if (refused.length > 0) badly.push(`${refused.length} resolution attempt(s) were refused by the verification checks (first: ${refused[0]?.failures.join('; ')}).`);
  if (times.mttrS !== null && onTime('resolve', penalties.prematureResolve * refused.length)) well.push(`The incident was resolved ${fd(times.mttrS)} after impact start with every verification check passing (model: ${fd(par.mttrS)}).`);
  else if (times.mttrS !== null) badly.push(`Resolution, with every verification check passing, came ${fd(times.mttrS)} after impact start, ${longer(times.mttrS, par.mttrS)}.`);
  else badly.push(`The incident was not resolved before the session ended (${state.ended?.reason === 'timed-out' ? 'the time limit ran out' : 'it was ended early'}).`);

  const p = r.prevention;
  const correct = s.prevention.filter((x) => x.correct).length;
  if (p.correctChosen.length > 0) well.push(`${p.correctChosen.length} of the ${correct} recommended follow-ups were chosen.`);
  for (const id of p.distractorsChosen) {
    const spec = s.prevention.find((x) => x.id === id);
    if (spec) badly.push(`Follow-up “${spec.label}” was chosen, but it would not prevent a repeat: ${spec.why}`);
  }
  return { wentWell: well, wentBadly: badly };
}
