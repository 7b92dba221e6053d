import type { Scenario } from '../../scenarios/schema';
import { playIdle } from './idle-bot';
import { playModel } from './model-bot';
import type { BotRun } from './play';
import { playRandom } from './random-bot';

/** The bot policies. */
export const policies = ['model', 'idle', 'random'] as const;
/** A bot policy's name. */
export type PolicyName = (typeof policies)[number];

/** Plays a scenario with a policy and seed. */
export function playBot(s: Scenario, policy: PolicyName, seed: number): BotRun {
  if (policy === 'model') return playModel(s, seed);
  if (policy === 'idle') return playIdle(s, seed);
  return playRandom(s, seed);
}

export type { BotRun } from './play';
export { viewPolicySteps, type ViewStep } from './view-policy';
