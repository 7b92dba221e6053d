import type { Command, Scenario } from '../../scenarios/schema';
import { playerView, type PlayerView } from '../views';
import { BotTable, type BotRun } from './play';

/** One moment a view-reading policy is asked what to do: the step's number (from 1) and what the console shows. */
export interface ViewStep {
  step: number;
  view: PlayerView;
}

/**
 * Plays a session for a policy that reads only the player's view, as a person at the console
 * does: the session starts, then every `everyS` sim seconds the generator yields the view and
 * applies the commands sent back, in order, at that moment. It returns the run once the session
 * ends or the clock runs out, so the number of steps is bounded by the scenario's clock.
 */
export function* viewPolicySteps(s: Scenario, seed: number, everyS: number): Generator<ViewStep, BotRun, readonly Command[]> {
  if (!Number.isInteger(everyS) || everyS < 1) throw new RangeError(`everyS must be a whole number of seconds, at least 1 (got ${everyS})`);
  const table = new BotTable(s, seed);
  table.act(s.clock.playerStartS, { type: 'session.start' });
  for (let step = 1; !table.state.ended && table.state.t < s.clock.endS; step++) {
    const commands = yield { step, view: playerView(s, table.state) };
    for (const command of commands) {
      if (table.state.ended) break;
      table.act(table.state.t, command);
    }
    table.wait(Math.min(s.clock.endS, table.state.t + everyS));
  }
  return table.finish();
}
