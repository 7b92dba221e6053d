import { verifyReplayFile } from '../../engine/debrief/replay-file';
import type { Scenario } from '../../scenarios/schema';
import { loadAnyScenario } from '../scenarios/load-any-scenario';
import { useSessionStore } from '../store/session-store';

/** What an import gave: the debrief is open, or why the file was refused. */
export type ImportOutcome = { ok: true } | { ok: false; error: string };

/** The scenario id a replay file names, if it is JSON with a string `scenarioId`; the engine judges the rest. */
function claimedScenarioId(text: string): string | null {
  try {
    const raw: unknown = JSON.parse(text);
    if (typeof raw === 'object' && raw !== null && 'scenarioId' in raw && typeof raw.scenarioId === 'string') return raw.scenarioId;
  } catch {
    // Not JSON: verifyReplayFile says so in its own words.
  }
  return null;
}

/**
 * Checks a replay file's text with the engine and, when it reproduces its score and state hash,
 * opens its debrief: the verified final state becomes the session (as opening a saved attempt
 * does), labelled as imported from its file. A refused file leaves the current screen alone and
 * gives the engine's message.
 */
export async function importReplayText(text: string, fileName = 'a replay file'): Promise<ImportOutcome> {
  const id = claimedScenarioId(text);
  let scenario: Scenario | null = null;
  if (id !== null) {
    try {
      scenario = await loadAnyScenario(id);
    } catch (e) {
      return { ok: false, error: `The scenario "${id}" could not be loaded: ${e instanceof Error ? e.message : String(e)}.` };
    }
  }
  const result = verifyReplayFile(text, (wanted) => (scenario && scenario.id === wanted ? scenario : undefined));
  if (!result.ok) return { ok: false, error: result.error };
  // Someone's run, not the player's own attempt: it stays out of the history and the best scores unless kept.
  useSessionStore.getState().show(result.scenario, result.file.seed, result.state, true, undefined, { kind: 'imported', fileName, kept: false, ...(result.notice && { notice: result.notice }) });
  return { ok: true };
}

/** Reads a chosen file and imports it as a replay. */
export async function importReplayFile(file: File): Promise<ImportOutcome> {
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { ok: false, error: `The file could not be read: ${e instanceof Error ? e.message : String(e)}.` };
  }
  return importReplayText(text, file.name);
}
