import type { MessageSpec, Scenario } from '../scenarios/schema';
import type { SimState } from './state';

/** Posts a stakeholder message to the chat, once. */
export function deliverMessage(s: Scenario, state: SimState, id: string): void {
  if (state.sentMessages.includes(id)) return;
  const message = s.messages.find((m) => m.id === id);
  if (!message) return;
  state.sentMessages.push(id);
  const from = s.stakeholders.find((x) => x.id === message.from);
  state.messages.push({ at: state.t, from: message.from, text: message.text, kind: 'stakeholder' });
  state.timeline.push({ at: state.t, kind: 'message', text: `${from?.name ?? message.from}: ${message.text}` });
}

/** Delivers every stakeholder message whose trigger has come due. */
export function deliverDueMessages(s: Scenario, state: SimState): void {
  if (state.t < s.clock.playerStartS) return;
  for (const message of s.messages) {
    if (!state.sentMessages.includes(message.id) && isDue(message, state)) deliverMessage(s, state, message.id);
  }
}

function isDue(message: MessageSpec, state: SimState): boolean {
  const trigger = message.trigger;
  if ('atS' in trigger) return state.t >= trigger.atS;
  if ('afterMilestone' in trigger) {
    const at = state.milestones[trigger.afterMilestone];
    return at !== null && state.t >= at + trigger.delayS;
  }
  if ('silenceS' in trigger) {
    const acked = state.milestones.acknowledged;
    if (acked === null || state.milestones.resolved !== null) return false;
    return state.t - lastStatusUpdate(state, acked) >= trigger.silenceS;
  }
  return false;
}

// When the player last posted a status update (`fallback` when never), read from the end: asked on every tick.
function lastStatusUpdate(state: SimState, fallback: number): number {
  for (let i = state.messages.length - 1; i >= 0; i--) {
    const m = state.messages[i];
    if (m?.kind === 'status-update') return m.at;
  }
  return fallback;
}
