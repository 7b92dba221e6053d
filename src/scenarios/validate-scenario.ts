import { loadScenario, type LoadResult } from './load-scenario.ts';
import { lintScenario } from './lint/lint-scenario.ts';

/**
 * Everything a scenario file must pass, in one call that runs in the browser as in Node: it
 * loads (YAML or JSON, schema, cross-references) and then plays as a game (the lint rules).
 * The in-app importer and `npm run scenario:check` both use it. Never throws.
 */
export function validateScenarioText(text: string, fileName: string): LoadResult {
  void fileName;
  const loaded = loadScenario(text);
  if (!loaded.ok) return loaded;
  let problems;
  try {
    problems = lintScenario(loaded.scenario);
  } catch (error) {
    // A scenario the schema accepts should never crash the engine; if it does, say so as a problem.
    problems = [{ path: '', message: `could not be played by the bots: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }];
  }
  return problems.length > 0 ? { ok: false, problems } : loaded;
}
