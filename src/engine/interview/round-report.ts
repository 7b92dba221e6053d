import { durationOr, markdownTable } from '../debrief/markdown';
import type { RoundOutcome } from '../facilitator/round-outcome';
import { timeDefinitions, type IncidentTimes } from '../scoring/incident-times';
import { formatDuration, relativeTime, timeOfDay, type ClockAnchor } from '../wall-clock';
import { calibrate, calibrationMarkdown } from './calibration';
import type { RubricCriterion } from './rubric';

/** A command of the round as the report cites it. */
export interface ReportCommand {
  seq: number;
  at: number;
  /** Who sent it (null when the log does not say). */
  by: string | null;
  text: string;
}

/** A private note of the host's. */
export interface ReportNote {
  id: string;
  at: number;
  text: string;
  seq: number | null;
}

/** A rubric mark with what justifies it. */
export interface ReportMark {
  criterion: string;
  score: 1 | 2 | 3 | 4 | null;
  evidence: readonly number[];
  notes: readonly string[];
}

/** Everything the host's report is made of; all of it is the host's own view, nothing else. */
export interface RoundReportInput {
  title: string;
  scenarioId: string;
  mode: 'drill' | 'interview';
  level: string;
  seed: number;
  /** The room code, so the round can be found again. */
  code: string;
  host: string | null;
  /** Everyone who played (not the host). */
  participants: readonly string[];
  anchor: ClockAnchor;
  /** The engine's verdict once the session is over; null for a report written mid-round. */
  outcome: RoundOutcome | null;
  criteria: readonly RubricCriterion[];
  marks: readonly ReportMark[];
  notes: readonly ReportNote[];
  commands: readonly ReportCommand[];
  /** A second interviewer's independent marks of the same round, compared with `marks` (calibration). */
  second?: { name: string; marks: readonly ReportMark[] };
}

const timeNames: Record<keyof IncidentTimes, string> = { mttdS: 'MTTD', mttaS: 'MTTA', timeToDiagnoseS: 'Time to diagnose', mttmS: 'MTTM', mttrS: 'MTTR' };

function at(anchor: ClockAnchor, t: number): string {
  return `${timeOfDay(anchor, t)} (${relativeTime(t)})`;
}

function cited(c: ReportCommand, anchor: ClockAnchor): string {
  const line = c.text.replace(/\s*\n\s*/g, ' ');
  return `${at(anchor, c.at)} ${c.by ?? 'someone'}: \`${line.replace(/`/g, "'")}\``;
}

function scoreSection(r: RoundReportInput): string[] {
  const o = r.outcome;
  if (!o) return ['## Score', 'The round is still running: the engine scores it when it ends.'];
  const rep = o.report;
  const times = (Object.keys(timeNames) as (keyof IncidentTimes)[]).map((k) => {
    const you = rep.times[k];
    const par = rep.par[k];
    return [timeNames[k], durationOr(you), durationOr(par), you === null || par === null ? '—' : `${you - par >= 0 ? '+' : '−'}${formatDuration(Math.abs(you - par))}`, timeDefinitions[k]];
  });
  const steps = o.keySteps.map((k) => [k.label, at(r.anchor, k.modelAt), k.playerAt === null ? 'not done' : at(r.anchor, k.playerAt), k.delayS === null ? (k.cost ?? '—') : `${k.delayS >= 0 ? '+' : '−'}${formatDuration(Math.abs(k.delayS))}`]);
  const decisions = o.decisions.map((d) => [at(r.anchor, d.at), d.label, d.verdict, d.why]);
  return [
    '## Score',
    `**${rep.total} / ${rep.maxScore}** (grade ${rep.grade}); ${rep.resolved ? 'resolved with complete data' : 'not resolved'}. Par is the model walkthrough played on the same seed.`,
    markdownTable(['Part', 'Points', 'Of', 'Why'], rep.parts.map((p) => [p.label, String(p.points), String(p.max), p.detail])),
    '### Times against the model',
    markdownTable(['Measure', 'Round', 'Model', 'Difference', 'Definition'], times),
    '### Key steps against the model',
    steps.length === 0 ? 'The walkthrough has no key steps.' : markdownTable(['Step', 'Model', 'Round', 'Delay or cost'], steps),
    '### Decisions',
    decisions.length === 0 ? 'No decision was taken.' : markdownTable(['When', 'Decision', 'Verdict', 'Why'], decisions),
  ];
}

function rubricSection(r: RoundReportInput): string[] {
  const commands = new Map(r.commands.map((c) => [c.seq, c]));
  const notes = new Map(r.notes.map((n) => [n.id, n]));
  const marks = new Map(r.marks.map((m) => [m.criterion, m]));
  // A drill is not scored on a rubric: its report has no such section.
  if (r.criteria.length === 0) return [];
  const scored = r.criteria.filter((c) => marks.get(c.id)?.score != null);
  const total = scored.reduce((sum, c) => sum + (marks.get(c.id)?.score ?? 0), 0);
  const lines = ['## Rubric', `${scored.length} of ${r.criteria.length} criteria scored${scored.length > 0 ? `, average ${(total / scored.length).toFixed(1)} of 4` : ''}.`];
  for (const c of r.criteria) {
    const m = marks.get(c.id);
    const score = m?.score ?? null;
    lines.push(`### ${c.title} (${c.source === 'shared' ? 'shared' : 'this scenario'}): ${score === null ? 'not scored' : `${score} / 4`}`);
    if (score !== null) lines.push(`> ${c.anchors[score - 1]}`);
    const evidence = [
      ...(m?.evidence ?? []).map((seq) => commands.get(seq)).filter((x): x is ReportCommand => x !== undefined).map((x) => `- ${cited(x, r.anchor)}`),
      ...(m?.notes ?? []).map((id) => notes.get(id)).filter((x): x is ReportNote => x !== undefined).map((n) => `- Note at ${at(r.anchor, n.at)}: ${n.text}`),
    ];
    lines.push(evidence.length === 0 ? '_No evidence attached._' : ['Evidence:', ...evidence].join('\n'));
  }
  return lines;
}

function notesSection(r: RoundReportInput): string[] {
  const commands = new Map(r.commands.map((c) => [c.seq, c]));
  if (r.notes.length === 0) return ['## Notes', 'No notes were written.'];
  const rows = [...r.notes].sort((a, b) => a.at - b.at).map((n) => {
    const about = n.seq === null ? undefined : commands.get(n.seq);
    return `- **${at(r.anchor, n.at)}** ${n.text}${about ? ` (about ${cited(about, r.anchor)})` : ''}`;
  });
  return ['## Notes', ...rows];
}

function transcriptSection(r: RoundReportInput): string[] {
  if (r.commands.length === 0) return ['## Commands', 'Nothing was sent.'];
  return ['## Commands', markdownTable(['#', 'When', 'Who', 'Command'], r.commands.map((c) => [String(c.seq), at(r.anchor, c.at), c.by ?? '—', c.text]))];
}

/**
 * The host's report of a round in Markdown: the engine's score, times and decisions against the
 * model, the rubric with its evidence, the notes with their sim times and every command sent.
 * Pure: the same input gives the same text.
 */
export function roundReportMarkdown(r: RoundReportInput): string {
  const kind = r.mode === 'interview' ? 'Mock interview' : 'Fire drill';
  const who = r.participants.length === 0 ? 'nobody joined' : r.participants.join(', ');
  return [
    `# ${kind} report: ${r.title}`,
    [`- Scenario: ${r.title} (\`${r.scenarioId}\`), level ${r.level}, seed ${r.seed} (the same seed replays the same incident)`, `- Room: ${r.code}`, `- ${r.mode === 'interview' ? 'Interviewer' : 'Facilitator'}: ${r.host ?? '—'}`, `- ${r.mode === 'interview' ? 'Candidate' : 'Participants'}: ${who}`].join('\n'),
    ...scoreSection(r),
    ...rubricSection(r),
    ...(r.second && r.criteria.length > 0 ? calibrationMarkdown(calibrate(r.criteria, r.marks, r.second.marks), { first: r.host ?? 'First interviewer', second: r.second.name }) : []),
    ...notesSection(r),
    ...transcriptSection(r),
  ].join('\n\n') + '\n';
}
