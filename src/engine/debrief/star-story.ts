import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import { formatDuration, relativeTime, timeOfDay } from '../wall-clock';
import type { DebriefView } from './debrief-view';
import { detectingPage, peakLost, staleAssets } from './incident-facts';
import { durationOr, formatCount, lowerFirst } from './markdown';

/**
 * The run told as an interview answer (Situation, Task, Action, Result), in the first person,
 * with this run's real numbers. It is truthful to the run: a bad run's story says what went
 * wrong and what was learned, because that is the story worth telling.
 */
export function starStoryMarkdown(s: Scenario, state: SimState, debrief: DebriefView): string {
  return [
    `# STAR story: ${s.title}`,
    '## Situation',
    situation(s, state),
    '## Task',
    task(s),
    '## Action',
    action(s, state, debrief),
    '## Result',
    result(s, state, debrief),
  ].join('\n\n') + '\n';
}

function situation(s: Scenario, state: SimState): string {
  const m = state.milestones;
  const page = detectingPage(s, state);
  const stale = staleAssets(s, state).filter((a) => a.kind === 'dashboard');
  const start = m.impactStart === null ? '' : ` At ${timeOfDay(s.clock, m.impactStart)} the impact began`;
  const paged = m.detected === null ? ', and nothing paged.' : `; at ${timeOfDay(s.clock, m.detected)} I was paged${page ? ` (“${page.title}”)` : ''}.`;
  return [
    `I was the on-call data engineer for a data platform built on ${s.systems.join(', ')}. ${s.hook}${start ? `${start}${paged}` : ''}`,
    stale.length > 0 ? `${stale.map((a, i) => `${i === 0 ? 'The' : 'the'} ${a.name} dashboard${a.audience ? ` (watched by ${a.audience})` : ''}`).join(' and ')} went stale.` : '',
    m.detected !== null && m.detected < s.briefing.deadline.atS ? `From the page I had ${formatDuration(s.briefing.deadline.atS - m.detected)} until the deadline: ${s.briefing.deadline.label}.` : `The deadline: ${s.briefing.deadline.label}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

function task(s: Scenario): string {
  const slas = s.briefing.slas.map((x) => `${x.name}: ${x.target}`).join('; ');
  const people = s.stakeholders.map((x) => `${x.name} (${x.role})`).join(', ');
  return [
    `My job was to stop the impact before ${s.briefing.deadline.label}, without losing or double-counting records, find the root cause, and resolve the incident with complete data.`,
    people ? `I also owned communication with ${people}.` : '',
    slas ? `The SLAs I was held to: ${slas}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function action(s: Scenario, state: SimState, d: DebriefView): string {
  const { times } = d.report;
  const lines: string[] = [];
  const ack = times.mttaS === null ? 'I never acknowledged the page, so nobody formally owned the incident.' : `I acknowledged the page ${durationOr(times.mttaS)} after it fired${state.severity ? ` and declared it ${state.severity}` : ''}.`;
  lines.push(ack);
  const mitigatedAt = state.milestones.mitigated ?? Infinity;
  const checks = (list: DebriefView['decisions']) => list.map((x) => `${lowerFirst(x.label)} (${relativeTime(x.at)})`).join('; ');
  const investigated = d.decisions.filter((x) => x.category === 'investigate');
  const triage = investigated.filter((x) => x.at < mitigatedAt);
  const verify = investigated.filter((x) => x.at >= mitigatedAt);
  if (triage.length > 0) lines.push(`To triage, I ran these checks, in order: ${checks(triage)}.`);
  const wrong = d.rootCause.playerDeclarations.filter((x) => !x.correct);
  if (wrong.length > 0) lines.push(`I first suspected ${wrong.map((x) => `“${x.label}” (${relativeTime(x.at)})`).join(', then ')}, which turned out to be wrong.`);
  lines.push(times.timeToDiagnoseS === null ? 'I did not pin down the root cause during the incident.' : `I named the root cause ${durationOr(times.timeToDiagnoseS)} after the page: ${d.rootCause.correctLabel}.`);
  const mitigations = d.decisions.filter((x) => x.category !== 'investigate');
  if (mitigations.length === 0) lines.push('I took no mitigating action.');
  for (const x of mitigations) {
    const hindsight = x.verdict === 'harmful' ? ` In hindsight this was a mistake. ${x.why}` : x.verdict === 'red-herring' || x.verdict === 'no-effect' ? ` It did not help. ${x.why}` : '';
    lines.push(`At ${relativeTime(x.at)} I ${x.typed ? `ran \`${x.label}\`` : `chose to ${lowerFirst(x.label)}`}.${hindsight}`);
  }
  if (verify.length > 0) lines.push(`Once the impact had stopped, I verified: ${checks(verify)}.`);
  const comm = d.report.communication;
  lines.push(comm.updates === 0 ? 'I posted no status updates.' : `I posted ${comm.updates} status update${comm.updates > 1 ? 's' : ''}${comm.firstUpdateS === null ? '' : `, the first ${durationOr(comm.firstUpdateS)} after acknowledging`}.`);
  if (state.milestones.resolved !== null) lines.push(`I resolved the incident at ${timeOfDay(s.clock, state.milestones.resolved)}, once every verification check passed.`);
  const chosen = d.prevention.filter((p) => p.chosen);
  if (chosen.length > 0) lines.push(`In the postmortem I proposed: ${chosen.map((p) => lowerFirst(p.label)).join('; ')}.`);
  return lines.map((l) => `- ${l}`).join('\n');
}

function result(s: Scenario, state: SimState, d: DebriefView): string {
  const { times, outcomes: o } = d.report;
  const mitigated = state.milestones.mitigated;
  const restored = times.mttmS === null ? 'never, during the session' : `${durationOr(times.mttmS)}, ${o.deadlineMet ? `before ${s.briefing.deadline.label}` : `after ${s.briefing.deadline.label}`}${mitigated !== null ? ` (fresh at ${timeOfDay(s.clock, mitigated)})` : ''}`;
  const avoided =
    d.duplicatesAvoided > 0
      ? `${formatCount(d.duplicatesAvoided)} (I replayed with overwrite; a naive append replay of the same window would have written that many duplicate rows, and we wrote ${formatCount(o.duplicates)})`
      : `0 (I ran no overwrite or idempotent replay, so none were avoided${o.duplicates > 0 ? `; ${formatCount(o.duplicates)} duplicate rows were written` : ''})`;
  const recovered = peakLost(state) - o.recordsLost;
  const numbers = [
    `Time to detect: ${durationOr(times.mttdS, 'never')} from impact start to the first page.`,
    `Time to acknowledge: ${durationOr(times.mttaS, 'never')}.`,
    `Time to restore (MTTM): ${restored}.`,
    `Time to resolve (MTTR): ${durationOr(times.mttrS, 'not resolved during the session')}.`,
    o.data.atRisk
      ? `Records lost: ${formatCount(o.recordsLost)} of ${formatCount(o.produced)}${recovered > 0 ? ` (at the worst point ${formatCount(peakLost(state))} were missing; my replay brought ${formatCount(recovered)} back)` : ''}.`
      : 'Records lost: none could be; this incident put no data at risk.',
    `Duplicates avoided: ${avoided}.`,
  ];
  return [numbers.map((n) => `- ${n}`).join('\n'), `**What I learned:** ${lessons(s, state, d)}`, `_Drill score: ${d.report.total}/${d.report.maxScore} (${d.report.grade}) against the model response on the same seed._`].join('\n\n');
}

function lessons(s: Scenario, state: SimState, d: DebriefView): string {
  const out: string[] = [];
  const harmful = d.decisions.filter((x) => x.verdict === 'harmful');
  const seen = new Set<string>();
  for (const x of harmful) {
    if (seen.has(x.action)) continue;
    seen.add(x.action);
    out.push(x.typed ? `I would not run \`${x.label}\` again. ${x.why}` : `I would not ${lowerFirst(x.label)} again. ${x.why}`);
  }
  if (d.report.outcomes.recordsLost > 0) out.push(`Losing ${formatCount(d.report.outcomes.recordsLost)} records taught me to treat data loss as worse than a late dashboard.`);
  else if (peakLost(state) > 0) out.push(`For a while ${formatCount(peakLost(state))} records were missing; only the replay saved them, and I would rather not need saving.`);
  const missed = d.report.missedKeyActions;
  // A long list of whys reads as a lecture, not a lesson: name the steps instead.
  if (missed.length > 2) out.push(`I should have worked the incident step by step; I missed these key steps: ${missed.map((m) => lowerFirst(m.label)).join('; ')}.`);
  else for (const m of missed) out.push(`I should have made sure to ${lowerFirst(m.label)}. ${m.why}`);
  const comm = d.report.communication;
  if (comm.updates === 0 || (comm.firstUpdateS ?? Infinity) > s.communication.firstUpdateWithinS) out.push(`I would post the first status update within ${durationOr(s.communication.firstUpdateWithinS)} of acknowledging, even before I know the cause.`);
  if (out.length > 0) return out.join(' ');
  const chosen = d.prevention.filter((p) => p.chosen && p.correct);
  return chosen.length > 0
    ? `The fix that matters most is the one that stops the class of problem, so I pushed for ${chosen.map((p) => lowerFirst(p.label)).join('; ')}.`
    : 'Stopping the impact without losing data mattered more than speed alone; I would also push for follow-ups that stop this class of problem.';
}
