import type { Reveal } from '../../scenarios/schema';
import type { SimState } from '../state';
import type { Printed } from './render-reveal';

/** Scenario-written text: the first case whose fault has happened in this run, else the default body. */
export function textOutput(state: SimState, r: Extract<Reveal, { kind: 'text' }>): Printed {
  const hit = r.cases?.find((c) => state.faultsApplied.includes(c.afterFault));
  return { title: r.title, command: r.command ?? '', body: hit?.body ?? r.body };
}
