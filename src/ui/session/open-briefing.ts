import type { Level } from '../../scenarios/schema/level-names';
import { loadAnyScenario } from '../scenarios/load-any-scenario';
import { usePreferences } from '../store/preferences-store';
import { useSessionStore } from '../store/session-store';

/**
 * Opens a scenario's briefing at a level with a seed, at the player's speed and hints. It gives
 * why it could not, or null; `stillWanted` lets a caller drop a briefing the player left while it loaded.
 */
export async function openBriefing(scenarioId: string, level: Level, seed: number, stillWanted: () => boolean = () => true): Promise<string | null> {
  let scenario;
  try {
    scenario = await loadAnyScenario(scenarioId);
  } catch (e) {
    return `The briefing could not be opened: ${e instanceof Error ? e.message : String(e)}.`;
  }
  if (!scenario) return `The briefing could not be opened: there is no scenario "${scenarioId}" in this browser.`;
  if (!stillWanted()) return null;
  const { speed, hintsOn } = usePreferences.getState();
  // The engine comes with the briefing, not with the catalogue's first screen.
  const { openSession } = await import('../store/session-actions');
  if (!stillWanted()) return null;
  useSessionStore.getState().setSpeed(speed);
  await openSession(scenario, seed, hintsOn, level, stillWanted);
  return null;
}
