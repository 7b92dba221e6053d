import type { ScenarioProblem } from '../../src/scenarios/cross-references.ts';
import { honestPar } from '../../src/scenarios/lint/honest-par.ts';
import { validateScenarioText } from '../../src/scenarios/validate-scenario.ts';

/** Everything scenario:check finds wrong with one file's text: the app's checks, then honest par on `parSeeds` seeds (0 skips it). */
export function checkScenarioSource(text: string, file: string, parSeeds: number): ScenarioProblem[] {
  const result = validateScenarioText(text, file);
  if (!result.ok) return result.problems;
  if (parSeeds === 0) return [];
  try {
    return honestPar(result.scenario, parSeeds);
  } catch (error) {
    return [{ path: '', message: `could not be played by the model on ${parSeeds} seeds: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }];
  }
}
