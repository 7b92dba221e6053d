import type { Scenario } from '../../scenarios/schema';
import { BotTable, type BotRun } from './play';

/** Starts the session and does nothing else: the incident must not resolve itself. */
export function playIdle(s: Scenario, seed: number): BotRun {
  const table = new BotTable(s, seed);
  table.act(s.clock.playerStartS, { type: 'session.start' });
  return table.finish();
}
