import { prepareRun, replay, stateHash } from '../../engine';
import { loadAnyScenario } from '../scenarios/load-any-scenario';
import { useNavigation } from '../store/navigation-store';
import { useSessionStore } from '../store/session-store';
import type { AttemptRecord } from './attempt-record';

/**
 * Opens a saved attempt's debrief by replaying its log. It refuses, with a message on the
 * history screen, an attempt whose scenario is gone, changed version, or no longer replays to
 * the state it was saved with.
 */
export async function openSavedAttempt(record: AttemptRecord): Promise<void> {
  const refuse = (why: string) => useNavigation.getState().go('history', `That attempt could not be opened: ${why}.`);
  const base = await loadAnyScenario(record.scenarioId);
  if (!base) return refuse(`scenario "${record.scenarioId}" is not installed`);
  if (base.version !== record.scenarioVersion) {
    return refuse(`it was played on version ${record.scenarioVersion} of “${base.title}”, and this copy has version ${base.version}, which would play differently`);
  }
  const scenario = prepareRun(base, record.seed, record.level);
  const state = replay(scenario, record.seed, record.log, scenario.clock.endS);
  if (!state.ended) return refuse('its log does not reach the end of the session');
  if (record.stateHash !== '' && stateHash(state) !== record.stateHash) return refuse('replaying its log no longer gives the state it was saved with');
  useSessionStore.getState().show(scenario, record.seed, state, true);
}
