import { readRoundFile, type RoundRead } from '../../../rooms';
import { scenarioNamedIn } from '../../debrief/import-replay';

/** Reads a chosen round file: the scenario its replay names, then the round's checks and its replay. */
export async function readRound(file: File): Promise<RoundRead> {
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { ok: false, error: `The file could not be read: ${e instanceof Error ? e.message : String(e)}.` };
  }
  const named = await scenarioNamedIn(text, (raw) => raw.replay);
  if ('error' in named) return { ok: false, error: named.error };
  return readRoundFile(text, (wanted) => (named.scenario && named.scenario.id === wanted ? named.scenario : undefined));
}
