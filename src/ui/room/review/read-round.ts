import { readRoundFile, type RoundRead } from '../../../rooms';
import { scenarioNamedIn } from '../../debrief/import-replay';

/** Reads a round file's text: the scenario its replay names, then the round's checks and its replay. */
export async function readRoundText(text: string): Promise<RoundRead> {
  const named = await scenarioNamedIn(text, (raw) => raw.replay);
  if ('error' in named) return { ok: false, error: named.error };
  return readRoundFile(text, (wanted) => (named.scenario && named.scenario.id === wanted ? named.scenario : undefined));
}

/** Reads a chosen round file's text, or why it could not be read. */
export async function fileText(file: File): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  try {
    return { ok: true, text: await file.text() };
  } catch (e) {
    return { ok: false, error: `The file could not be read: ${e instanceof Error ? e.message : String(e)}.` };
  }
}
