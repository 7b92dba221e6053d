import type { Scenario } from '../../scenarios/schema';
import { playIdle } from './idle-bot';
import { playModel } from './model-bot';
import type { BotRun } from './play';
import { playRandom } from './random-bot';
import { playGuesser, playPosition, playShotgun } from './view-bots';

/** The bot policies: the model, a do-nothing and a random baseline, and bots that game the console's lists. */
export const policies = ['model', 'idle', 'random', 'position', 'shotgun', 'guesser', 'silent', 'slow-1', 'slow-5', 'slow-10', 'slow-20'] as const;
/** A bot policy's name. */
export type PolicyName = (typeof policies)[number];

/** Plays a scenario with a policy and seed. */
export function playBot(s: Scenario, policy: PolicyName, seed: number): BotRun {
  switch (policy) {
    case 'model':
      return playModel(s, seed);
    case 'idle':
      return playIdle(s, seed);
    case 'random':
      return playRandom(s, seed);
    case 'position':
      return playPosition(s, seed);
    case 'shotgun':
      return playShotgun(s, seed);
    case 'guesser':
      return playGuesser(s, seed);
    case 'silent':
      // The model's every move but not one status update.
      return playModel(s, seed, (step) => step.command.type !== 'comms.post');
    default:
      // The model's every move, each the given number of minutes late.
      return playModel(s, seed, () => true, Number(policy.slice('slow-'.length)) * 60);
  }
}

export type { BotRun } from './play';
export { viewPolicySteps, type ViewStep } from './view-policy';
