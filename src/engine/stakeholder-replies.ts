import type { ReplySpec, Scenario } from '../scenarios/schema';
import { affectedNames, namedImpact, promiseGraceS, promisedEta, promisedNextUpdate, statedStatus } from './scoring/communication';
import type { ChatMessage, SimState } from './state';
import { timeOfDay } from './wall-clock';

/** What the stakeholders still owe the player (answers on their way) and what they have already reacted to. */
export interface RepliesState {
  /** Answers written but not yet posted, in the order they arrive. */
  due: { at: number; from: string; text: string }[];
  /** Indexes of the scenario's reply rules already used (a rule without `repeat` answers once). */
  used: number[];
  /** Updates whose missed promise was already chased, as "eta@<at>" or "next@<at>". */
  chased: string[];
}

type UpdateTrigger = Extract<ReplySpec['when'], 'vague-update' | 'update-without-eta' | 'clear-update'>;

const hhmm = (s: Scenario, t: number) => timeOfDay(s.clock, t).slice(0, 5);

/**
 * How a stakeholder would read this update, most pressing first: it says nothing they can use;
 * the impact is still on and it gives no ETA; it is clear (who is hurt, where things stand,
 * when they hear next).
 */
function readingsOf(s: Scenario, state: SimState, m: ChatMessage): UpdateTrigger[] {
  const named = namedImpact(m, affectedNames(s)) !== null;
  const status = statedStatus(m) !== null;
  if (!named && !status) return ['vague-update'];
  const readings: UpdateTrigger[] = [];
  const impactOn = state.milestones.mitigated === null;
  if (impactOn && promisedEta(s, m) === null) readings.push('update-without-eta');
  if (named && status && (promisedNextUpdate(s, m) !== null || !impactOn)) readings.push('clear-update');
  return readings;
}

function repliesOf(state: SimState): RepliesState {
  state.replies ??= { due: [], used: [], chased: [] };
  return state.replies;
}

function schedule(s: Scenario, state: SimState, index: number, time: number | null): void {
  const rule = s.communication.replies[index];
  if (!rule) return;
  const replies = repliesOf(state);
  if (!replies.used.includes(index)) replies.used.push(index);
  const text = time === null ? rule.text : rule.text.replaceAll('{time}', hhmm(s, time));
  replies.due.push({ at: state.t + rule.delayS, from: rule.from, text });
  replies.due.sort((a, b) => a.at - b.at);
}

function firstRule(s: Scenario, state: SimState, when: ReplySpec['when']): number {
  const used = state.replies?.used ?? [];
  return s.communication.replies.findIndex((r, i) => r.when === when && (r.repeat || !used.includes(i)));
}

/** Called when the player posts an update: the first stakeholder rule that fits how it reads answers it, after the stakeholder's delay. */
export function answerUpdate(s: Scenario, state: SimState, update: ChatMessage): void {
  if (s.communication.replies.length === 0 || state.milestones.resolved !== null) return;
  for (const reading of readingsOf(s, state, update)) {
    const index = firstRule(s, state, reading);
    if (index >= 0) return schedule(s, state, index, null);
  }
}

/**
 * Each tick: posts the answers that have arrived, and chases the latest update's promises once
 * they are broken (its ETA passed with the impact still on, or its next-update time passed in silence).
 */
export function deliverReplies(s: Scenario, state: SimState): void {
  if (s.communication.replies.length === 0) return;
  const open = state.milestones.resolved === null;
  const latest = latestUpdate(state.messages);
  if (open && latest) {
    const { eta, next } = promisesOf(s, latest);
    const target = state.milestones.mitigated !== null && state.milestones.mitigated <= latest.at ? state.milestones.resolved : state.milestones.mitigated;
    if (eta !== null && target === null && state.t >= eta + promiseGraceS) chase(s, state, 'eta-missed', `eta@${latest.at}`, eta);
    if (next !== null && state.t >= next + promiseGraceS) chase(s, state, 'next-update-missed', `next@${latest.at}`, next);
  }
  const replies = state.replies;
  if (!replies) return;
  while (replies.due.length > 0 && (replies.due[0]?.at ?? Infinity) <= state.t) {
    const reply = replies.due.shift();
    if (!reply || !open) continue;
    const from = s.stakeholders.find((x) => x.id === reply.from);
    state.messages.push({ at: state.t, from: reply.from, text: reply.text, kind: 'stakeholder' });
    state.timeline.push({ at: state.t, kind: 'message', text: `${from?.name ?? reply.from}: ${reply.text}` });
  }
}

function chase(s: Scenario, state: SimState, when: 'eta-missed' | 'next-update-missed', key: string, promised: number): void {
  if (state.replies?.chased.includes(key)) return;
  const index = firstRule(s, state, when);
  if (index < 0) return;
  repliesOf(state).chased.push(key);
  schedule(s, state, index, promised);
}

function latestUpdate(messages: ChatMessage[]): ChatMessage | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.kind === 'status-update') return messages[i];
  return undefined;
}

// Read once per update, not on every tick: an update's words never change once posted.
const readPromises = new WeakMap<ChatMessage, { eta: number | null; next: number | null }>();
function promisesOf(s: Scenario, m: ChatMessage): { eta: number | null; next: number | null } {
  let read = readPromises.get(m);
  if (!read) {
    read = { eta: promisedEta(s, m), next: promisedNextUpdate(s, m) };
    readPromises.set(m, read);
  }
  return read;
}
