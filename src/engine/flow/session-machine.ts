import { initialTransition, setup, transition } from 'xstate';
import { deepCopy } from '../deep-copy';
import type { FlowValue } from '../state';

/** Events the session flow reacts to: the player's declarations and the world's milestones. */
export type FlowEvent =
  | { type: 'session.start' }
  | { type: 'world.paged' }
  | { type: 'incident.acknowledged' }
  | { type: 'incident.diagnosed' }
  | { type: 'world.impact-stopped' }
  | { type: 'incident.resolved' }
  | { type: 'postmortem.submitted' }
  | { type: 'session.time-up' }
  | { type: 'session.ended' };

/**
 * The incident's flow. While running, four regions move independently, so phases overlap:
 * a player may mitigate before the cause is known, or diagnose after mitigating. Game time
 * lives in the engine, never in `after` timers (a persisted snapshot would lose them).
 */
export const sessionMachine = setup({
  types: { events: {} as FlowEvent },
}).createMachine({
  id: 'session',
  initial: 'briefing',
  states: {
    briefing: { on: { 'session.start': 'running' } },
    running: {
      type: 'parallel',
      on: {
        'incident.resolved': 'prevent',
        'session.time-up': 'debrief',
        'session.ended': 'debrief',
      },
      states: {
        detection: {
          initial: 'watching',
          states: {
            watching: { on: { 'world.paged': 'paged', 'incident.acknowledged': 'acknowledged' } },
            paged: { on: { 'incident.acknowledged': 'acknowledged' } },
            acknowledged: {},
          },
        },
        diagnosis: {
          initial: 'unknown',
          states: { unknown: { on: { 'incident.diagnosed': 'diagnosed' } }, diagnosed: {} },
        },
        impact: {
          initial: 'ongoing',
          states: { ongoing: { on: { 'world.impact-stopped': 'mitigated' } }, mitigated: {} },
        },
      },
    },
    prevent: { on: { 'postmortem.submitted': 'debrief', 'session.time-up': 'debrief', 'session.ended': 'debrief' } },
    debrief: { type: 'final' },
  },
});

/** The flow's starting value. */
export function initialFlow(): FlowValue {
  const [snapshot] = initialTransition(sessionMachine);
  return snapshot.value as FlowValue;
}

/** Sends one event through the machine, purely: value in, value out. */
export function advanceFlow(value: FlowValue, event: FlowEvent): FlowValue {
  const key = `${JSON.stringify(value)}\u0000${event.type}`;
  let next = transitions.get(key);
  if (next === undefined) {
    const snapshot = sessionMachine.resolveState({ value, context: {} });
    next = transition(sessionMachine, snapshot, event)[0].value as FlowValue;
    transitions.set(key, next);
  }
  return deepCopy(next);
}

// The machine has no context, guards or actions, so a transition depends only on the value and the
// event; every replay makes the same few dozen, and resolving a snapshot is costly. Copies are handed out.
const transitions = new Map<string, FlowValue>();

export { stageOf, type Stage } from './stage';

/** Whether a running region has reached a state, e.g. `regionIs(v, 'impact', 'mitigated')`. */
export function regionIs(value: FlowValue, region: 'detection' | 'diagnosis' | 'impact', state: string): boolean {
  if (typeof value === 'string') return false;
  const running = value.running;
  return typeof running === 'object' && running[region] === state;
}
