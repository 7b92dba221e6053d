import type { Scenario } from '../../scenarios/schema';
import { playModel } from '../bots/model-bot';
import { incidentTimes, type IncidentTimes } from './incident-times';

/** Par for a seed: the model walkthrough's times on the same seed, so variation is fair. */
export function parTimes(s: Scenario, seed: number): IncidentTimes {
  return incidentTimes(playModel(s, seed).state.milestones);
}
