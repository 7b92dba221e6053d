import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import { stepLateData } from './late-data';
import { stepTableLayouts } from './table-layout';

/** Advances late-data windows and table files by one tick, after the jobs have consumed. */
export function stepLake(s: Scenario, state: SimState): void {
  stepLateData(s, state);
  stepTableLayouts(s, state);
}
