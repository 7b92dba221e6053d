import { verifyReplayFile } from '../../engine/debrief/replay-file';
import type { Scenario } from '../../scenarios/schema';
import { loadAnyScenario } from '../scenarios/load-any-scenario';
import { showRun } from '../store/session-actions';

/** What an import gave: the debrief is open, or why the file was refused. */
export type ImportOutcome = { ok: true } | { ok: false; error: string };

function record(x: unknown): Record<string, unknown> | null {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : null;
}

/**
 * The scenario a file names, loaded from the catalogue (built-in or imported in this browser): the
 * string `scenarioId` of the object `at` picks from its JSON (the file itself by default). Null
 * when the file names none (the checks that follow say what is wrong), or why it could not be loaded.
 */
export async function scenarioNamedIn(text: string, at: (raw: Record<string, unknown>) => unknown = (raw) => raw): Promise<{ scenario: Scenario | null } | { error: string }> {
  let id: unknown = null;
  try {
    const raw = record(JSON.parse(text));
    id = raw && record(at(raw))?.scenarioId;
  } catch {
    // Not JSON: the file's own checks say so in their words.
  }
  if (typeof id !== 'string') return { scenario: null };
  try {
    return { scenario: await loadAnyScenario(id) };
  } catch (e) {
    return { error: `The scenario "${id}" could not be loaded: ${e instanceof Error ? e.message : String(e)}.` };
  }
}

/**
 * Checks a replay file's text with the engine and, when it reproduces its score and state hash,
 * opens its debrief: the verified final state becomes the session (as opening a saved attempt
 * does), labelled as imported from its file. A refused file leaves the current screen alone and
 * gives the engine's message.
 */
export async function importReplayText(text: string, fileName = 'a replay file'): Promise<ImportOutcome> {
  const named = await scenarioNamedIn(text);
  if ('error' in named) return { ok: false, error: named.error };
  const { scenario } = named;
  const result = verifyReplayFile(text, (wanted) => (scenario && scenario.id === wanted ? scenario : undefined));
  if (!result.ok) return { ok: false, error: result.error };
  // Someone's run, not the player's own attempt: it stays out of the history and the best scores unless kept.
  showRun(result.scenario, result.file.seed, result.state, true, undefined, { kind: 'imported', fileName, kept: false, ...(result.notice && { notice: result.notice }) });
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
