import type { Scenario } from '../../scenarios/schema';
import type { ChatMessage, SimState } from '../state';
import { localSeconds, timeOfDay } from '../wall-clock';
import { interventions } from './consequences';

/** One rule applied to one status update: whether it passed and why, in plain words. */
export interface UpdateCheck {
  ok: boolean;
  why: string;
}

/** A promise an update made (the next update, or an ETA) and whether it was kept. */
export interface UpdatePromise {
  kind: 'next-update' | 'eta';
  /** Sim time promised. */
  at: number;
  /** True kept, false broken, null not due before the incident closed. */
  kept: boolean | null;
  why: string;
}

/** A status update, checked rule by rule. */
export interface JudgedUpdate {
  at: number;
  text: string;
  impact: UpdateCheck;
  status: UpdateCheck;
  nextUpdate: UpdateCheck;
  /** Absent when the update gives no ETA. */
  eta?: UpdateCheck;
  promises: UpdatePromise[];
  /** Share of the content rules (impact, status, next update) it passed, 0 to 1. */
  content: number;
}

/** A stakeholder's question and the update that answered it, if any. */
export interface Question {
  at: number;
  from: string;
  text: string;
  answeredAt: number | null;
}

/** The severity declared, judged against what the scenario's impact calls for. */
export interface SeverityJudgement {
  declared: string | null;
  accepted: string[];
  ok: boolean;
  why: string;
}

/** Every communication rule's result for a run. */
export interface CommunicationReview {
  updates: JudgedUpdate[];
  questions: Question[];
  /** Null when the scenario does not judge severity. */
  severity: SeverityJudgement | null;
  /** Mean content share over the updates (0 with none). */
  content: number;
  /** Promises kept out of those that came due (ETAs without a basis count as broken). */
  promisesKept: number;
  promisesDue: number;
}

/** How late a promised update or an ETA may be and still count as kept. */
export const promiseGraceS = 60;

const normalize = (text: string) => text.toLowerCase().replace(/[_\-–—/]+/g, ' ').replace(/\s+/g, ' ');

/** The names a status update may use for whoever the incident hurts: the scenario's list, or the dashboards, their tables and the damaged tables. */
export function affectedNames(s: Scenario): string[] {
  const listed = s.communication.affected ?? [];
  if (listed.length > 0) return listed;
  const names = new Set<string>();
  for (const d of s.world.dashboards) {
    // "Executive Revenue (today)" is called "Executive Revenue" in conversation.
    names.add(d.title.replace(/\s*\(.*\)\s*$/, ''));
    names.add(d.table);
  }
  for (const j of s.world.jobs) if (j.critical) names.add(j.sink.table);
  for (const d of s.world.dags) if (d.critical) names.add(d.build.writes);
  return [...names];
}

/** The severities the scenario's impact calls for: its own list, or the model walkthrough's declaration; null when neither says. */
export function acceptedSeverities(s: Scenario): string[] | null {
  if (s.communication.severity && s.communication.severity.length > 0) return [...s.communication.severity];
  const declared = s.walkthrough.flatMap((step) => (step.command.type === 'incident.set-severity' ? [step.command.severity] : []));
  return declared.length > 0 ? [declared.at(-1) as string] : null;
}

// Words that say where the response stands: what is known, what is being done, what is done.
const statusWords =
  /\b(investigating|identified|cause|mitigat\w*|monitoring|resolved|fixed|restored|recover\w*|rolled (?:\w+ )?back|rolling (?:\w+ )?back|repair\w*|in progress|under way|underway|rebuil\w*|backfill\w*|replay\w*|reprocess\w*|compact\w*|paused|on hold|held|verified|reconcil\w*|working on|catching up|draining|we are \w+ing|plan|agreed)\b/;
// An update that says the impact is over.
const doneClaim = /^(resolved|mitigated|fixed)\b|\b(is|has been|are|now) (resolved|mitigated|fixed)\b|\bimpact (has )?stopped\b/;
const negated = /\b(not|n't|no longer|yet to be) (yet )?(been )?(resolved|mitigated|fixed)\b|\bnot (yet )?stopped\b/;

function clockAt(s: Scenario, from: number, hh: number, mm: number): number {
  const target = hh * 3600 + mm * 60;
  const now = ((localSeconds(s.clock, from) % 86_400) + 86_400) % 86_400;
  const ahead = (((target - now) % 86_400) + 86_400) % 86_400;
  // A time of day a little behind the update is a promise already past, not tomorrow's.
  return ahead > 43_200 ? from + ahead - 86_400 : from + ahead;
}

/** When an update promises the next one, from its structured field or its words ("next update by 09:20", "in 15 min"); null when it doesn't. */
export function promisedNextUpdate(s: Scenario, m: ChatMessage): number | null {
  if (m.nextUpdateS !== undefined) return m.at + m.nextUpdateS;
  const t = m.text.toLowerCase();
  const clock = /next update (?:by|at|before|around|no later than)\s*~?(\d{1,2}):(\d{2})/.exec(t);
  if (clock) return clockAt(s, m.at, Number(clock[1]), Number(clock[2]));
  const inMin = /next update in (\d{1,3})\s*(?:min|minutes)\b/.exec(t);
  return inMin ? m.at + Number(inMin[1]) * 60 : null;
}

/** The ETA an update gives, from its structured field or its words ("ETA 09:40", "back by 09:40"); null when it gives none. */
export function promisedEta(s: Scenario, m: ChatMessage): number | null {
  if (m.etaS !== undefined) return m.at + m.etaS;
  const t = m.text.toLowerCase();
  const clock = /\b(?:eta|expected(?: back)? by|back by|done by|complete by|fixed by)\s*:?\s*~?(\d{1,2}):(\d{2})/.exec(t);
  if (clock) return clockAt(s, m.at, Number(clock[1]), Number(clock[2]));
  const inMin = /\beta:?\s*(?:in\s*)?~?(\d{1,3})\s*(?:min|minutes)\b/.exec(t);
  return inMin ? m.at + Number(inMin[1]) * 60 : null;
}

const clock = (s: Scenario, t: number) => timeOfDay(s.clock, t).slice(0, 5);
const minutes = (seconds: number) => `${Math.max(1, Math.round(seconds / 60))} minute${Math.round(seconds / 60) === 1 ? '' : 's'}`;

// What makes an ETA more than a guess: the cause declared, the impact stopped, or a change to the platform already made.
function etaBasis(state: SimState, at: number): string | null {
  const m = state.milestones;
  if (m.mitigated !== null && m.mitigated <= at) return 'the impact had stopped';
  if (m.diagnosed !== null && m.diagnosed <= at) return 'the cause was declared';
  if (interventions(state).some((e) => e.startedAt <= at)) return 'a fix was under way';
  if (state.decisions.some((d) => d.startedAt <= at && (d.verdict === 'key' || d.verdict === 'helpful'))) return 'a fix was under way';
  return null;
}

/** The name of whoever the incident hurts that an update uses, if any. */
export function namedImpact(m: ChatMessage, names: string[]): string | null {
  const text = normalize(`${m.impact ?? ''} ${m.text}`);
  return names.find((n) => text.includes(normalize(n))) ?? null;
}

/** The words an update uses to say where the response stands ("investigating", "rolled back"…), if any. */
export function statedStatus(m: ChatMessage): string | null {
  return statusWords.exec(normalize(m.text))?.[0] ?? null;
}

function judgeUpdate(s: Scenario, state: SimState, m: ChatMessage, next: ChatMessage | undefined, closing: boolean, names: string[]): JudgedUpdate {
  const hit = namedImpact(m, names);
  const impact: UpdateCheck = hit ? { ok: true, why: `names who is affected (${hit})` } : { ok: false, why: `does not name who is affected (any of: ${names.join(', ')})` };

  const body = normalize(m.text);
  const mitigated = state.milestones.mitigated;
  let status: UpdateCheck;
  if (doneClaim.test(body) && !negated.test(body) && (mitigated === null || mitigated > m.at)) {
    status = { ok: false, why: `says the impact is over, but it ${mitigated === null ? 'never stopped' : `went on until ${clock(s, mitigated)}`}` };
  } else {
    const word = statedStatus(m);
    status = word ? { ok: true, why: `states where things stand ("${word}")` } : { ok: false, why: 'does not say where things stand (investigating, cause identified, fix under way, mitigated, resolved…)' };
  }

  const promises: UpdatePromise[] = [];
  const closeAt = state.milestones.resolved ?? state.ended?.at ?? state.t;
  const promisedNext = promisedNextUpdate(s, m);
  let nextUpdate: UpdateCheck;
  if (promisedNext === null) {
    nextUpdate = closing ? { ok: true, why: 'the closing update needs no next-update time' } : { ok: false, why: 'gives no time for the next update' };
  } else {
    nextUpdate = { ok: true, why: `promises the next update by ${clock(s, promisedNext)}` };
    let kept: UpdatePromise;
    if (next && next.at <= promisedNext + promiseGraceS) kept = { kind: 'next-update', at: promisedNext, kept: true, why: `next update promised by ${clock(s, promisedNext)}, posted ${clock(s, next.at)}: kept` };
    else if (next) kept = { kind: 'next-update', at: promisedNext, kept: false, why: `next update promised by ${clock(s, promisedNext)}, posted ${clock(s, next.at)}: late by ${minutes(next.at - promisedNext)}` };
    else if (closeAt <= promisedNext + promiseGraceS) kept = { kind: 'next-update', at: promisedNext, kept: null, why: `next update promised by ${clock(s, promisedNext)}; the incident closed first` };
    else kept = { kind: 'next-update', at: promisedNext, kept: false, why: `next update promised by ${clock(s, promisedNext)}, never posted` };
    promises.push(kept);
  }

  const etaAt = promisedEta(s, m);
  let eta: UpdateCheck | undefined;
  if (etaAt !== null) {
    const basis = etaBasis(state, m.at);
    // Before the impact stops an ETA is for stopping it; after, for the resolution.
    const target = mitigated !== null && mitigated <= m.at ? { name: 'resolved', t: state.milestones.resolved } : { name: 'mitigated', t: mitigated };
    if (!basis) {
      eta = { ok: false, why: `gives an ETA (${clock(s, etaAt)}) with no basis yet: no cause declared and no fix under way` };
      promises.push({ kind: 'eta', at: etaAt, kept: false, why: eta.why });
    } else {
      eta = { ok: true, why: `gives an ETA (${clock(s, etaAt)}) once ${basis}` };
      let held: UpdatePromise;
      if (target.t !== null && target.t <= etaAt + promiseGraceS) held = { kind: 'eta', at: etaAt, kept: true, why: `promised ${clock(s, etaAt)}, ${target.name} ${clock(s, target.t)}: held` };
      else if (target.t !== null) held = { kind: 'eta', at: etaAt, kept: false, why: `promised ${clock(s, etaAt)}: missed by ${minutes(target.t - etaAt)}` };
      else if (closeAt <= etaAt) held = { kind: 'eta', at: etaAt, kept: null, why: `promised ${clock(s, etaAt)}; the session ended first` };
      else held = { kind: 'eta', at: etaAt, kept: false, why: `promised ${clock(s, etaAt)}: never ${target.name}` };
      promises.push(held);
    }
  }
  // An update that neither names the impact nor says where things stand says nothing, whatever else it carries.
  const content = impact.ok || status.ok ? [impact, status, nextUpdate].filter((c) => c.ok).length / 3 : 0;
  return { at: m.at, text: m.text, impact, status, nextUpdate, ...(eta && { eta }), promises, content };
}

/**
 * Reads every status update with fixed rules (no language model: the same words always get the
 * same result): does it name who is affected, say where things stand, promise the next update
 * and keep it, give an ETA only with a basis and hold it. Also whether stakeholders' questions
 * got an update, and whether the declared severity fits the impact.
 */
export function reviewCommunication(s: Scenario, state: SimState): CommunicationReview {
  const updates = state.messages.filter((m) => m.kind === 'status-update');
  const names = affectedNames(s);
  const resolved = state.milestones.resolved !== null;
  const mitigated = state.milestones.mitigated;
  const judged = updates.map((m, i) => {
    const closing = i === updates.length - 1 && resolved && mitigated !== null && mitigated <= m.at;
    return judgeUpdate(s, state, m, updates[i + 1], closing, names);
  });

  const questions: Question[] = [];
  // The next update with something in it answers, if it comes within the promised cadence.
  const window = s.communication.cadenceS;
  for (const m of state.messages) {
    if (m.kind !== 'stakeholder' || !m.text.includes('?')) continue;
    if (state.milestones.resolved !== null && m.at >= state.milestones.resolved) continue;
    const from = Math.max(m.at, state.milestones.acknowledged ?? m.at);
    // An update answers when it says something: an empty "x" after a question is no answer.
    const answer = judged.find((u) => u.at >= m.at && u.at <= from + window && (u.status.ok || u.impact.ok));
    questions.push({ at: m.at, from: s.stakeholders.find((x) => x.id === m.from)?.name ?? m.from, text: m.text, answeredAt: answer?.at ?? null });
  }

  const accepted = acceptedSeverities(s);
  let severity: SeverityJudgement | null = null;
  if (accepted) {
    const declared = state.severity;
    const ok = declared !== null && accepted.includes(declared);
    const want = accepted.length === 1 ? accepted[0] : `${accepted.join(' or ')}`;
    severity = { declared, accepted, ok, why: declared === null ? `no severity declared (this impact calls for ${want})` : ok ? `${declared} fits this impact` : `${declared} declared; this impact calls for ${want}` };
  }

  const promises = judged.flatMap((u) => u.promises).filter((p) => p.kept !== null);
  return {
    updates: judged,
    questions,
    severity,
    content: judged.length === 0 ? 0 : judged.reduce((n, u) => n + u.content, 0) / judged.length,
    promisesKept: promises.filter((p) => p.kept).length,
    promisesDue: promises.length,
  };
}
