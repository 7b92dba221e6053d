import type { LogEntry, Scenario } from '../../scenarios/schema';
import { replay } from '../session';
import type { SimState } from '../state';

/**
 * The state the player saw at sim time `t`, for the debrief's scrubber: the log up to the
 * first entry stamped after `t`, replayed and advanced to `t`. Times before the player took
 * the console give the starting state; times after the session ended give the final one.
 */
export function stateAt(s: Scenario, seed: number, log: readonly LogEntry[], t: number): SimState {
  const cut = log.findIndex((entry) => entry.at > t);
  return replay(s, seed, cut === -1 ? log : log.slice(0, cut), t);
}
