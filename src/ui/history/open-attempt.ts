import { prepareRun, replayInSteps, stateHashMatches } from '../../engine';
import { driveReplay } from '../session/drive-replay';
import { hashOf } from '../routes/hash-route';
import { loadAnyScenario } from '../scenarios/load-any-scenario';
import { navigate } from '../store/navigation-store';
import { showRun } from '../store/session-actions';
import type { AttemptRecord } from './attempt-record';
import { rememberAttemptId } from './attempt-id';

const always = () => true;

/** Says on the history screen why an attempt could not be opened, unless the player has moved on. */
function refuser(stillWanted: () => boolean): (why: string) => void {
  return (why) => {
    if (stillWanted()) navigate(hashOf({ kind: 'history' }), { replace: true, notice: `That attempt could not be opened: ${why}.` });
  };
}

/**
 * Opens a saved attempt's debrief by replaying its log. It refuses, with a message on the
 * history screen, an attempt whose scenario is gone, changed version, or no longer replays to
 * the state it was saved with. `stillWanted` drops a debrief the player left while it replayed.
 */
async function openSavedAttempt(record: AttemptRecord, stillWanted = always): Promise<void> {
  const refuse = refuser(stillWanted);
  const base = await loadAnyScenario(record.scenarioId);
  if (!base) return refuse(`scenario "${record.scenarioId}" is not installed`);
  if (base.version !== record.scenarioVersion) {
    return refuse(`it was played on version ${record.scenarioVersion} of “${base.title}”, and this copy has version ${base.version}, which would play differently`);
  }
  const scenario = prepareRun(base, record.seed, record.level);
  const state = await driveReplay(replayInSteps(scenario, record.seed, record.log, scenario.clock.endS));
  if (!state.ended) return refuse('its log does not reach the end of the session');
  if (record.stateHash !== '' && !stateHashMatches(state, record.stateHash)) return refuse('replaying its log no longer gives the state it was saved with');
  rememberAttemptId(state, record.id);
  const origin = record.imported ? { kind: 'imported' as const, fileName: record.imported.fileName, kept: true } : undefined;
  if (stillWanted()) showRun(scenario, record.seed, state, true, undefined, origin);
}

/** Opens the debrief of the attempt with this id in this browser's history (a debrief's link, a reload, Back). */
export async function openAttemptById(attemptId: string, stillWanted = always): Promise<void> {
  let record: AttemptRecord | undefined;
  try {
    // The history store brings zod with it: load it only when a debrief is asked for by its link.
    const { loadHistory } = await import('./history-store');
    record = (await loadHistory()).attempts.find((a) => a.id === attemptId);
  } catch (e) {
    return refuser(stillWanted)(`the history could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!record) return refuser(stillWanted)('it is not in this browser’s history (a replay imported from a file is kept only if you chose “Keep in my history”)');
  return openSavedAttempt(record, stillWanted);
}
