import type { Scenario } from '../scenarios/schema';
import { advanceFlow, stageOf } from './flow/session-machine';
import { holds } from './metrics/conditions';
import type { AlertState, SimState } from './state';

/** A fresh alert state. */
export function quietAlert(): AlertState {
  return { status: 'ok', pendingSince: null, firedAt: null, lastFiredAt: null, ackedAt: null, resolvedAt: null, fireCount: 0 };
}

/**
 * Evaluates every alert rule. An alert fires once its condition has held for `forS`, and
 * resolves when it clears; a re-fire needs a fresh acknowledgement. The first page at or
 * after impact start is the detection milestone.
 */
export function evaluateAlerts(s: Scenario, state: SimState): void {
  const t = state.t;
  for (const rule of s.alerts) {
    const alert = state.alerts[rule.id];
    if (!alert) continue;
    const on = holds(state, rule.when);
    if (!on) {
      if (alert.status === 'firing') {
        alert.resolvedAt = t;
        state.timeline.push({ at: t, kind: 'alert', text: `Resolved: ${rule.title}` });
      }
      alert.status = 'ok';
      alert.pendingSince = null;
      continue;
    }
    if (alert.status === 'firing') continue;
    alert.pendingSince ??= t;
    alert.status = 'pending';
    if (t - alert.pendingSince < rule.forS) continue;
    alert.status = 'firing';
    alert.firedAt ??= t;
    alert.lastFiredAt = t;
    alert.resolvedAt = null;
    alert.ackedAt = null;
    alert.fireCount += 1;
    state.timeline.push({ at: t, kind: 'alert', text: `${rule.severity === 'page' ? 'PAGE' : 'Warning'}: ${rule.title}` });
    const impactStart = state.milestones.impactStart;
    if (rule.severity === 'page' && impactStart !== null && t >= impactStart && state.milestones.detected === null) {
      state.milestones.detected = t;
      if (stageOf(state.flow) === 'running') state.flow = advanceFlow(state.flow, { type: 'world.paged' });
    }
  }
}
