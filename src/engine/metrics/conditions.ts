import type { Comparison, Condition } from '../../scenarios/schema';
import type { SimState } from '../state';

/** Applies a comparison operator. */
export function compare(a: number, op: Comparison, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
}

/** Whether a condition holds in the current state. A metric the world lacks never holds. */
export function holds(state: SimState, c: Condition): boolean {
  if ('actionDone' in c) return state.decisions.some((d) => d.action === c.actionDone && d.completedAt !== null);
  if ('milestone' in c) return state.milestones[c.milestone] !== null;
  const value = state.metrics[c.metric];
  return value !== undefined && compare(value, c.op, c.value);
}
