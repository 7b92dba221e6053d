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
    if (!keep(step)) continue;
    const at = pagedAt + step.atS + lateS;
    // Like a person, the model types at a prompt once its previous line has printed.
    const prompt = step.command.type === 'terminal.run' ? 'terminal' : step.command.type === 'sql.run' ? 'sql' : null;
    const running = prompt === null ? undefined : table.state[prompt]?.at(-1);
    if (running && running.output === null && running.endsAt > at) table.wait(running.endsAt);
    const command = step.command;
    if (command.type === 'alert.acknowledge') {
      // A page that cleared before it was acknowledged is acknowledged when it pages again.
      table.wait(at);
      while (table.state.alerts[command.alert]?.status !== 'firing' && table.state.t < s.clock.endS) table.wait(table.state.t + s.clock.tickS);
    }
    table.act(at, command);
  }
  return table.finish();
}
