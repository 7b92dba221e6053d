import type { Scenario } from '../../scenarios/schema';
import { debriefView, type DebriefView } from '../debrief/debrief-view';
import type { SimState } from '../state';

/** What the facilitator's report needs from a finished run: the score against par, the key steps and the decisions. */
export type RoundOutcome = Pick<DebriefView, 'report' | 'milestones' | 'keySteps' | 'decisions'>;

// A room's state is one object changed in place; the debrief replays the model, so it is worked out once per log length.
const memo = new WeakMap<SimState, { logLength: number; outcome: RoundOutcome | null }>();

/** The finished run's outcome, or null while it is being played. */
export function roundOutcome(s: Scenario, state: SimState): RoundOutcome | null {
  if (!state.ended) return null;
  const held = memo.get(state);
  if (held && held.logLength === state.log.length) return held.outcome;
  const d = debriefView(s, state);
  const outcome = d && { report: d.report, milestones: d.milestones, keySteps: d.keySteps, decisions: d.decisions };
  memo.set(state, { logLength: state.log.length, outcome });
  return outcome;
}
