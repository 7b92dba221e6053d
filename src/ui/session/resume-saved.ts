import { stageOf, type Stage } from '../../engine/flow/stage';
import { loadAnyScenario } from '../scenarios/load-any-scenario';
import { loadSavedSession } from './saved-session';

/** What came of resuming: the session is open, or why not (null: there was nothing to resume, or not at the stage asked for). */
export type ResumeOutcome = { resumed: true } | { resumed: false; problem: string | null };

/**
 * Resumes the session kept in this browser by replaying its log, if its scenario is still here
 * at the same version and, when `stages` are given, it stands at one of them.
 */
export async function resumeSavedSession(storage: Storage, stages?: readonly Stage[]): Promise<ResumeOutcome> {
  const saved = loadSavedSession(storage);
  if (saved === null) return { resumed: false, problem: null };
  if ('error' in saved) return { resumed: false, problem: saved.error };
  const { session } = saved;
  const base = await loadAnyScenario(session.scenarioId);
  if (!base) return { resumed: false, problem: `scenario "${session.scenarioId}" is not available` };
  if (base.version !== session.scenarioVersion) {
    return { resumed: false, problem: `it was played on version ${session.scenarioVersion} of "${base.title}", and this is version ${base.version}` };
  }
  // Replaying needs the engine: it is loaded only when there is a session to resume.
  const { replaySaved, showRun } = await import('../store/session-actions');
  const { scenario, state } = await replaySaved(base, session);
  if (stages && !stages.includes(stageOf(state.flow))) return { resumed: false, problem: null };
  showRun(scenario, session.seed, state, session.hintsOn, session.clock);
  return { resumed: true };
}
