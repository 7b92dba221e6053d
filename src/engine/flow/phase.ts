import type { PhaseName } from '../../scenarios/schema';
import type { SimState } from '../state';
import { regionIs, stageOf } from './session-machine';

/** Where the incident stands, for the phase tracker. */
export type PhaseOrStage = PhaseName | 'briefing' | 'debrief';

/**
 * The phase the player is in: detect until a page is acknowledged, triage until a cause is
 * declared or the impact stops, mitigate until it stops, verify until resolved, then prevent.
 */
export function currentPhase(state: SimState): PhaseOrStage {
  const stage = stageOf(state.flow);
  if (stage === 'briefing') return 'briefing';
  if (stage === 'prevent') return 'prevent';
  if (stage === 'debrief') return 'debrief';
  if (!regionIs(state.flow, 'detection', 'acknowledged')) return 'detect';
  const mitigated = regionIs(state.flow, 'impact', 'mitigated');
  if (mitigated) return 'verify';
  // Any declared cause (or, in a decision drill, any plan sent) moves the player on; whether it was right stays hidden until the debrief.
  return state.causeDeclarations.length > 0 || (state.plans?.length ?? 0) > 0 ? 'mitigate' : 'triage';
}
