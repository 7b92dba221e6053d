import { formatDuration, timeOfDay, viewPolicySteps, type BotRun } from '../../src/engine/index.ts';
import type { Command, Scenario } from '../../src/scenarios/schema/index.ts';
import { commandsFrom, stepSeconds } from './bot-answer.ts';
import { BotError, type BotModule } from './bot-module.ts';

function when(s: Scenario, t: number): string {
  return `${timeOfDay(s.clock, t)}, t=${t < 0 ? '-' : '+'}${formatDuration(Math.abs(t))}`;
}

/**
 * Plays a session with a bot module: every step it gets the player's view and its commands are
 * checked, then sent. A BotError says which step (and which command) went wrong.
 */
export async function playBotModule(s: Scenario, seed: number, bot: BotModule): Promise<BotRun> {
  const steps = viewPolicySteps(s, seed, stepSeconds(bot.everyS));
  let next = steps.next([]);
  while (!next.done) {
    const { step, view } = next.value;
    let commands: Command[];
    try {
      commands = commandsFrom(await bot.decide(step, view));
    } catch (error) {
      if (error instanceof BotError) throw new BotError(`step ${step} (${when(s, view.t)}): ${error.message}`);
      throw error;
    }
    next = steps.next(commands);
  }
  return next.value;
}
