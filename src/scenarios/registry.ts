import { withCurveballs } from './curveballs.ts';
import { loadScenario } from './load-scenario.ts';
import type { ScenarioProblem } from './cross-references.ts';
import type { Scenario } from './schema/index.ts';

/** A scenario file's name and text, wherever it came from. */
export interface ScenarioSource {
  file: string;
  text: string;
}

/** The loaded scenarios, plus the files that failed validation. */
export interface ScenarioRegistry {
  scenarios: Scenario[];
  failures: { file: string; problems: ScenarioProblem[] }[];
  byId: (id: string) => Scenario | undefined;
}

/** Validates every source through the one loader and indexes the valid scenarios by id. */
export function buildRegistry(sources: readonly ScenarioSource[]): ScenarioRegistry {
  const scenarios: Scenario[] = [];
  const failures: ScenarioRegistry['failures'] = [];
  for (const source of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
    const result = loadScenario(source.text);
    if (!result.ok) failures.push({ file: source.file, problems: result.problems });
    else if (scenarios.some((x) => x.id === result.scenario.id)) failures.push({ file: source.file, problems: [{ path: 'id', message: `repeats the id "${result.scenario.id}" of another scenario` }] });
    else scenarios.push(withCurveballs(result.scenario));
  }
  return { scenarios, failures, byId: (id) => scenarios.find((x) => x.id === id) };
}
