import type { ActionSpec, Scenario } from '../scenarios/schema';
import type { SimState } from './state';

/** Whether the action is on offer now: an action gated on an inject appears once that inject has fired. */
export function isActionAvailable(state: Pick<SimState, 'injects'>, spec: Pick<ActionSpec, 'availableAfter'>): boolean {
  const gate = spec.availableAfter;
  return gate === undefined || state.injects.some((i) => i.inject === gate.inject);
}

/** The scenario's actions on offer now, in catalogue order. */
export function availableActions(s: Scenario, state: Pick<SimState, 'injects'>): Scenario['actions'] {
  return s.actions.some((a) => a.availableAfter) ? s.actions.filter((a) => isActionAvailable(state, a)) : s.actions;
}
