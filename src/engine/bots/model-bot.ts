import type { Scenario, WalkthroughStep } from '../../scenarios/schema';
import { BotTable, type BotRun } from './play';

/**
 * Plays the scenario's model walkthrough (the steps `keep` accepts: all of them by default),
 * each step `lateS` seconds after the model's own time (a slower responder doing the same).
 * Step times count from the first page, so the model stays on script whatever the seed does
 * to the fault timeline.
 */
export function playModel(s: Scenario, seed: number, keep: (step: WalkthroughStep) => boolean = () => true, lateS = 0): BotRun {
  const table = new BotTable(s, seed);
  table.act(s.clock.playerStartS, { type: 'session.start' });
  while (table.state.milestones.detected === null && table.state.t < s.clock.endS) table.wait(table.state.t + s.clock.tickS);
  const pagedAt = table.state.milestones.detected ?? table.state.t;
  for (const step of s.walkthrough) {
    if (table.state.ended) break;
    if (keep(step)) table.act(pagedAt + step.atS + lateS, step.command);
  }
  return table.finish();
}
