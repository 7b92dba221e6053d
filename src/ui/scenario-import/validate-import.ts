import type { ScenarioProblem } from '../../scenarios/cross-references';
import { withCurveballs } from '../../scenarios/curveballs';
import { loadScenario } from '../../scenarios/load-scenario';
import type { Scenario } from '../../scenarios/schema';
import { validateScenarioText } from '../../scenarios/validate-scenario';

/** What checking an imported file gave: the scenario, or every problem with its path in the file. */
export type ImportCheck = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/**
 * Checks a scenario file a player brings with the same checks `npm run scenario:check` runs on
 * built-in scenarios (loader, cross-references, lint rules that play it with the bots), and
 * refuses an id a built-in already uses. This module pulls in zod and yaml, so the UI loads it
 * only when a file is imported or stored imports are restored.
 */
export function validateImport(text: string, fileName: string, builtinIds: ReadonlySet<string>): ImportCheck {
  // Loading is quick and the lint rules are not: refuse a taken id before the bots play the file.
  const loaded = loadScenario(text);
  if (!loaded.ok) return loaded;
  if (builtinIds.has(loaded.scenario.id)) {
    return {
      ok: false,
      problems: [{ path: 'id', message: `"${loaded.scenario.id}" is the id of a built-in scenario; give the imported one an id of its own` }],
    };
  }
  // Like a built-in, a valid import carries the facilitator's curveballs.
  const checked = validateScenarioText(text, fileName);
  return checked.ok ? { ok: true, scenario: withCurveballs(checked.scenario) } : checked;
}

