import type { FlowValue } from '../state';

/** The top-level stage of the flow. */
export type Stage = 'briefing' | 'running' | 'prevent' | 'debrief';

/** Which top-level stage a flow value is in. Plain code with no XState, so screens that only read the stage stay light. */
export function stageOf(value: FlowValue): Stage {
  return (typeof value === 'string' ? value : Object.keys(value)[0]) as Stage;
}
