import type { Scenario } from '../../scenarios/schema';
import { timeDefinitions, type IncidentTimes } from '../scoring/incident-times';
import { declarationLabel } from '../diagnosis';
import type { SimState } from '../state';
import { relativeTime, timeOfDay } from '../wall-clock';
import type { DebriefView } from './debrief-view';
import { detectingPage, peakLost, staleAssets } from './incident-facts';
import { durationOr, formatCount, formatPercent, markdownTable, numbered } from './markdown';
import { runFindings } from './run-findings';

/** Optional facts the host knows and the engine does not. */
export interface PostmortemMeta {
  /** When the drill was played, as the host's clock formats it. */
  playedOn?: string;
}

interface TimelineEvent {
  at: number;
  text: string;
}

const metricNames: Record<keyof IncidentTimes, string> = {
  mttdS: 'MTTD',
  mttaS: 'MTTA',
  timeToDiagnoseS: 'Time to diagnose',
  mttmS: 'MTTM',
  mttrS: 'MTTR',
};

/**
 * A blameless postmortem of the run in Markdown, filled from the log: summary, impact with
 * numbers, a timeline in sim wall-clock time, root cause, what went well and badly, action
 * items and the response times against par. Scenario text goes in verbatim.
 */
export function postmortemMarkdown(s: Scenario, state: SimState, debrief: DebriefView, meta: PostmortemMeta = {}): string {
  const findings = runFindings(s, state, debrief);
  return [
    `# Postmortem: ${s.title}`,
    header(s, state, debrief, meta),
    '_Blameless review: it describes what happened and why it made sense at the time, not who is at fault. “The responder” is the on-call engineer._',
    '## Summary',
    summary(s, state, debrief),
    '## Impact',
    impact(s, state, debrief),
    '## Timeline',
    timeline(s, state),
    '## Root cause',
    rootCause(s, state, debrief),
    '## What went well',
    numbered(findings.wentWell, 'Nothing in this response reached its target; the timeline above is the material for the review.'),
    '## What went badly',
    numbered(findings.wentBadly, 'Nothing stood out: the response matched the model response.'),
    '## Action items',
    actionItems(s, state, debrief),
    '## Metrics',
    metrics(debrief),
  ].join('\n\n') + '\n';
}

function header(s: Scenario, state: SimState, d: DebriefView, meta: PostmortemMeta): string {
  const r = d.report;
  const status = state.milestones.resolved !== null ? `resolved at ${timeOfDay(s.clock, state.milestones.resolved)}` : `not resolved (${state.ended?.reason === 'timed-out' ? 'the session timed out' : 'the session was ended early'})`;
  return [
    `- **Incident date:** ${s.clock.dateAtZero} (simulated)`,
    ...(meta.playedOn ? [`- **Drill played on:** ${meta.playedOn}`] : []),
    `- **Scenario:** ${s.id}, version ${s.version}, seed ${state.seed}`,
    `- **Severity:** ${state.severity ?? 'not declared'}`,
    `- **Status:** ${status}`,
    `- **Drill score:** ${r.total}/${r.maxScore} (${r.grade}) against the model response`,
  ].join('\n');
}

function summary(s: Scenario, state: SimState, d: DebriefView): string {
  const m = state.milestones;
  const { times, outcomes: o } = d.report;
  const page = detectingPage(s, state);
  const begin = m.impactStart === null ? 'Impact began' : `Impact began at ${timeOfDay(s.clock, m.impactStart)} on ${s.clock.dateAtZero}`;
  const first =
    m.detected === null
      ? `${begin}, and no page fired during the session.`
      : `${begin}; the first page${page ? `, “${page.title}”,` : ''} fired ${durationOr(times.mttdS)} later and ${times.mttaS === null ? 'was never acknowledged' : `was acknowledged after ${durationOr(times.mttaS)}`}.`;
  const data = `${formatCount(o.recordsLost)} records lost and ${formatCount(o.duplicates)} duplicate rows`;
  const second =
    times.mttmS === null
      ? `The impact was never stopped during the session: the dashboards were stale for ${durationOr(o.slaBreachS)}, with ${data}.`
      : `The impact was stopped ${durationOr(times.mttmS)} after it began, ${o.deadlineMet ? 'before' : 'after'} the deadline (${s.briefing.deadline.label}), and the incident was ${times.mttrS === null ? 'not resolved during the session' : `resolved ${durationOr(times.mttrS)} after impact start`}, with ${data}.`;
  return `${first} ${second} Cause: ${d.rootCause.correctLabel}.`;
}

function impact(s: Scenario, state: SimState, d: DebriefView): string {
  const o = d.report.outcomes;
  const m = state.metrics;
  const assets = staleAssets(s, state).map((a) => {
    const who = a.audience ? ` (seen by ${a.audience})` : '';
    return `  - ${a.kind === 'dashboard' ? 'Dashboard' : 'Table'} ${a.kind === 'table' ? `\`${a.name}\`` : a.name}${who}: over its ${durationOr(a.slaS)} freshness SLA for ${durationOr(a.staleS)}`;
  });
  const mitigated = state.milestones.mitigated;
  const peak = peakLost(state);
  return [
    `- **Dashboard staleness (SLA breach):** ${durationOr(o.slaBreachS)} ${mitigated === null ? 'from impact start to the end of the session; the dashboards were never fresh again' : 'from impact start until the dashboards were fresh again'}.`,
    `- **Dashboards and tables affected:**${assets.length === 0 ? ' none went over their freshness SLA.' : `\n${assets.join('\n')}`}`,
    ...(o.data.atRisk
      ? [
          `- **Records lost:** ${o.data.kinds.map((k) => `${formatCount(k.lost)} of ${formatCount(k.expected)} ${k.label} (${formatPercent(k.lost, k.expected)})`).join('; ')}${peak > o.recordsLost ? `; at the worst point ${formatCount(peak)} were missing before a replay recovered ${formatCount(peak - o.recordsLost)}` : ''}.`,
          `- **Duplicate rows:** ${o.data.kinds.map((k) => `${formatCount(k.duplicates)} in ${k.label}`).join('; ')}${d.duplicatesAvoided > 0 ? ` (a naive append replay would have written ${formatCount(d.duplicatesAvoided)})` : ''}.`,
        ]
      : ['- **Data:** nothing in this incident could lose or duplicate records or rows.']),
    `- **Left over at the end:** ${formatCount(m['records.dlq'] ?? 0)} records in the dead-letter queue, ${formatCount(m['records.pending'] ?? 0)} not yet delivered.`,
    `- **Deadline (${s.briefing.deadline.label}):** ${o.deadlineMet && mitigated !== null ? `met; dashboards fresh at ${timeOfDay(s.clock, mitigated)}` : 'missed'}.`,
    ...(s.briefing.stakes.length > 0 ? [`- **What was at stake:** ${s.briefing.stakes.join(' ')}`] : []),
    ...statedImpact(state),
  ].join('\n');
}

// The impact as the responder stated it in the postmortem, kept as written beside the run's own numbers.
function statedImpact(state: SimState): string[] {
  const i = state.postmortem?.impact;
  if (!i) return [];
  const numbers = [
    i.durationMin !== undefined && `${i.durationMin} min of impact`,
    i.detectedAfterMin !== undefined && `detected after ${i.detectedAfterMin} min`,
    i.lost !== undefined && `${formatCount(i.lost)} lost`,
    i.duplicated !== undefined && `${formatCount(i.duplicated)} duplicated`,
  ].filter(Boolean);
  return [`- **As the responder stated it:** ${numbers.length > 0 ? `${numbers.join(', ')}.` : ''}${i.summary ? ` ${quoteInline(i.summary)}` : ''}`.trimEnd()];
}

function quoteInline(text: string): string {
  return `“${text.replace(/\s*\r?\n\s*/g, ' ')}”`;
}

function quoted(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => `> ${l}`)
    .join('\n');
}

function timeline(s: Scenario, state: SimState): string {
  const events: TimelineEvent[] = [];
  for (const f of s.faults) {
    const at = state.faultTimes[f.id];
    if (at !== undefined && state.faultsApplied.includes(f.id)) events.push({ at, text: `${f.startsImpact ? 'Impact starts. ' : 'Contributing change. '}${f.description}` });
  }
  events.push({ at: s.clock.playerStartS, text: 'The responder takes the on-call console.' });
  let causeIndex = 0;
  for (const e of state.timeline) {
    if (e.kind === 'alert' || e.kind === 'inject') events.push({ at: e.at, text: e.kind === 'inject' ? `Facilitator inject: ${e.text}` : e.text });
    if (e.kind === 'declaration') {
      const isCause = e.text.startsWith('Root cause declared');
      const cause = isCause ? state.causeDeclarations[causeIndex++] : undefined;
      events.push({ at: e.at, text: cause ? `${e.text} (${cause.correct ? 'correct' : 'not the cause'})` : e.text });
    }
  }
  for (const d of state.decisions) {
    const spec = s.actions.find((a) => a.id === d.action);
    events.push({ at: d.startedAt, text: `Started: ${spec?.label ?? d.action}` });
    if (spec?.category === 'mitigate' && d.completedAt !== null) events.push({ at: d.completedAt, text: `Done: ${spec.outcome ?? spec.label}` });
  }
  for (const msg of state.messages) {
    const who = s.stakeholders.find((x) => x.id === msg.from);
    events.push({ at: msg.at, text: msg.kind === 'status-update' ? `Status update posted: “${msg.text}”` : `${who ? `${who.name} (${who.role})` : msg.from}: “${msg.text}”` });
  }
  if (state.milestones.mitigated !== null) events.push({ at: state.milestones.mitigated, text: 'Impact stopped: the dashboards are fresh again (mitigated).' });
  const deadline = s.briefing.deadline;
  if (deadline.atS <= (state.ended?.at ?? state.t)) {
    const fresh = state.milestones.mitigated !== null && state.milestones.mitigated <= deadline.atS;
    events.push({ at: deadline.atS, text: `${deadline.label}: the dashboards are ${fresh ? 'fresh' : 'still stale'}.` });
  }
  if (state.ended) {
    const how = { completed: 'Postmortem submitted; the incident is closed.', 'timed-out': 'The session’s time ran out with the incident still open.', 'ended-early': 'The session was ended before the incident was closed.' };
    events.push({ at: state.ended.at, text: how[state.ended.reason] });
  }
  const rows = events.sort((a, b) => a.at - b.at).map((e) => [timeOfDay(s.clock, e.at), relativeTime(e.at), e.text]);
  const written = state.postmortem?.timeline;
  return markdownTable(['Time', 'T±', 'Event'], rows) + (written ? `\n\nAs the responder wrote it in the postmortem:\n\n${quoted(written)}` : '');
}

function rootCause(s: Scenario, state: SimState, d: DebriefView): string {
  const rc = d.rootCause;
  const declared =
    rc.playerDeclarations.length === 0
      ? 'No root cause was declared during the incident.'
      : `Declared during the incident:\n\n${rc.playerDeclarations.map((x) => `- ${relativeTime(x.at)}: ${x.label} (${x.correct ? 'correct' : 'not the cause'})`).join('\n')}`;
  const written = rc.playerStatement && rc.playerStatement.trim() !== '' ? `\n\nAs the responder wrote it in the postmortem:\n\n${quoted(rc.playerStatement)}` : '';
  const pm = state.postmortem;
  const taxonomy = pm?.cause ? `\n\nIn the taxonomy, the postmortem names ${declarationLabel(s, pm.cause.component, pm.cause.mechanism)}.` : '';
  const factors = pm?.contributing && pm.contributing.length > 0 ? `\n\nContributing factors, as the responder wrote them:\n\n${pm.contributing.map((f) => `- ${f}`).join('\n')}` : '';
  return `${rc.statement}\n\n${declared}${written}${taxonomy}${factors}`;
}

function actionItems(s: Scenario, state: SimState, d: DebriefView): string {
  const chosen = d.prevention.filter((p) => p.chosen);
  const recommended = d.prevention.filter((p) => p.correct && !p.chosen);
  const m = state.metrics;
  const cleanup = [
    ...d.report.outcomes.data.kinds.flatMap((k) => [
      ...(k.lost > 0 ? [`- [ ] Re-ingest the ${formatCount(k.lost)} lost records from the source and reconcile them (${k.label}).`] : []),
      ...(k.duplicates > 0 ? [`- [ ] Remove the ${formatCount(k.duplicates)} duplicate rows (${k.label}): dedupe on the key, then MERGE, before downstream consumers read them.`] : []),
    ]),
    ...((m['records.dlq'] ?? 0) > 0 ? [`- [ ] Replay the ${formatCount(m['records.dlq'] ?? 0)} records parked in the dead-letter queue once the reader can decode them.`] : []),
  ];
  const parts = [
    state.postmortem === null
      ? 'No follow-ups were chosen: the postmortem was not submitted during the session.'
      : chosen.length === 0
        ? 'The responder chose no follow-ups.'
        : `Chosen in the postmortem:\n\n${chosen.map((p) => `- [ ] ${p.label}${state.postmortem?.owners?.[p.id] ? ` (owner: ${state.postmortem.owners[p.id]})` : ''}${p.correct ? '' : ` (reconsider: ${p.why})`}`).join('\n')}`,
    ...(cleanup.length > 0 ? [`Data clean-up still open:\n\n${cleanup.join('\n')}`] : []),
    recommended.length === 0 ? 'Every recommended follow-up was chosen.' : `Recommended but not chosen:\n\n${recommended.map((p) => `- [ ] ${p.label}: ${p.why}`).join('\n')}`,
  ];
  return parts.join('\n\n');
}

function metrics(d: DebriefView): string {
  const keys = Object.keys(metricNames) as (keyof IncidentTimes)[];
  const rows = keys.map((k) => [metricNames[k], durationOr(d.report.times[k]), durationOr(d.report.par[k]), timeDefinitions[k]]);
  return markdownTable(['Metric', 'This incident', 'Par (model response)', 'Definition'], rows);
}
