import { builtinRegistry } from '../scripts/lib/builtin-scenarios.ts';
import { withCurveballs } from '../src/scenarios/curveballs.ts';
import { formatProblems } from '../src/scenarios/load-scenario.ts';
import type { Scenario } from '../src/scenarios/schema';
import { ScenarioChecker } from './scenario-checker';
import type { ScenarioRef } from './store/room-store';

/** A room's scenario, or why it cannot be played. */
export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; message: string };

/** Resolves scenarios for rooms: built-ins from disk, imported files through the app's own loader and lint. */
export class ScenarioBook {
  private readonly builtins = builtinRegistry();
  private readonly files = new Map<string, Scenario>();
  private readonly checker = new ScenarioChecker();

  /** The scenario a reference names; an imported file passes the checks the in-app importer runs (in a worker thread). */
  async resolve(ref: ScenarioRef): Promise<ScenarioResult> {
    if (ref.kind === 'builtin') {
      const s = this.builtins.byId(ref.id);
      return s ? { ok: true, scenario: s } : { ok: false, message: `there is no built-in scenario "${ref.id}"` };
    }
    // Restoring many rooms of one imported file should not replay the lint bots each time.
    const cached = this.files.get(ref.text);
    if (cached) return { ok: true, scenario: cached };
    const checked = await this.checker.check(ref.text, ref.fileName);
    if (!checked.ok) return { ok: false, message: formatProblems(ref.fileName, checked.problems).slice(0, 20).join('\n') };
    if (this.builtins.byId(checked.scenario.id)) return { ok: false, message: `${ref.fileName}: id: "${checked.scenario.id}" is the id of a built-in scenario; give the imported one an id of its own` };
    const scenario = withCurveballs(checked.scenario);
    if (this.files.size > 100) this.files.delete(this.files.keys().next().value as string);
    this.files.set(ref.text, scenario);
    return { ok: true, scenario };
  }

  /** Stops the checker's worker. */
  close(): Promise<void> {
    return this.checker.close();
  }
}
