import type { Scenario } from '../../scenarios/schema';
import { loadImportedScenario } from '../scenario-import/imported-scenarios-store';
import { loadBuiltinScenario } from './builtin-scenarios';

/** Loads a scenario by id from the built-ins, then from the player's imports; null if neither has it. */
export async function loadAnyScenario(id: string): Promise<Scenario | null> {
  return (await loadBuiltinScenario(id)) ?? (await loadImportedScenario(id));
}
