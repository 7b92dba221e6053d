import type { ActionSpec, Scenario } from '../scenarios/schema';
import { isActionAvailable } from './action-availability';
import { deliverMessage } from './messages';
import { holds } from './metrics/conditions';
import { renderReveal } from './reveal/render-reveal';
import { lookup } from './scenario-lookup';
import type { SimState } from './state';
import { applyEffect } from './world/apply-effect';

/** Why an action cannot start now, or null when it can. */
export function actionBlocker(s: Scenario, state: SimState, spec: ActionSpec): string | null {
  if (!isActionAvailable(state, spec)) return `"${spec.label}" is not on offer yet`;
  if (state.running.some((r) => r.action === spec.id)) return `"${spec.label}" is already in progress`;
  const done = state.decisions.some((d) => d.action === spec.id);
  if (done && !spec.repeatable) return `"${spec.label}" has already been done`;
  const unmet = spec.requires.filter((c) => !holds(state, c));
  if (unmet.length > 0) return spec.requiresText ?? `"${spec.label}" is not possible yet`;
  return null;
}

/** Starts an action; it completes after its duration (immediately when that is zero). */
export function startAction(s: Scenario, state: SimState, spec: ActionSpec): void {
  state.decisions.push({ action: spec.id, startedAt: state.t, completedAt: null, verdict: spec.verdict.kind });
  state.timeline.push({ at: state.t, kind: 'action-started', text: spec.label });
  state.running.push({ action: spec.id, startedAt: state.t, endsAt: state.t + spec.durationS });
  if (spec.durationS === 0) completeActions(s, state);
}

/** Completes every running action whose time has come: effects, then what it reveals. */
export function completeActions(s: Scenario, state: SimState): void {
  if (!state.running.some((r) => r.endsAt <= state.t)) return;
  const due = state.running.filter((r) => r.endsAt <= state.t);
  state.running = state.running.filter((r) => r.endsAt > state.t);
  for (const run of due) {
    const spec = lookup(s).action.get(run.action);
    if (!spec) continue;
    for (const effect of spec.effects) applyEffect(s, state, effect, (id) => deliverMessage(s, state, id));
    for (const reveal of spec.reveals) state.outputs.push(renderReveal(s, state, spec, reveal));
    const decision = [...state.decisions].reverse().find((d) => d.action === run.action && d.completedAt === null);
    if (decision) decision.completedAt = state.t;
    state.timeline.push({ at: state.t, kind: 'action-completed', text: spec.outcome ?? `Done: ${spec.label}` });
  }
}
