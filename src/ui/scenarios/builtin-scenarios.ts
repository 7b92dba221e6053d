import { catalogue, loaders } from 'virtual:firedrill/catalogue';
import type { Scenario, ScenarioCard } from '../../scenarios/schema';

export type { ScenarioCard };

/** Every built-in scenario, as the catalogue lists it (validated at build time by the same loader). */
export const scenarioCards = catalogue as readonly ScenarioCard[];

/** Loads a built-in scenario by id, or null if there is none. */
export async function loadBuiltinScenario(id: string): Promise<Scenario | null> {
  const loader = loaders[id];
  return loader ? ((await loader()) as Scenario) : null;
}
