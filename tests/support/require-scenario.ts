import type { Scenario } from '../../src/scenarios/schema';
import { loadBuiltinScenario } from '../../src/ui/scenarios/builtin-scenarios';

/** Loads a built-in scenario for a test, failing the test when it is missing. */
export async function requireBuiltinScenario(id: string): Promise<Scenario> {
  const scenario = await loadBuiltinScenario(id);
  if (!scenario) throw new Error(`the built-in scenario "${id}" did not load`);
  return scenario;
}
