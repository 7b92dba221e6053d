import type { Effect, Scenario } from '../schema/index.ts';
import type { LintRun } from './lint-context.ts';

/** Ids of the alerts that fired in any of the runs. */
export function firedAlerts(runs: LintRun[]): Set<string> {
  const out = new Set<string>();
  for (const run of runs) for (const [id, alert] of Object.entries(run.state.alerts)) if (alert.firedAt !== null) out.add(id);
  return out;
}

/** Ids of the stakeholder messages delivered in any of the runs. */
export function sentMessages(runs: LintRun[]): Set<string> {
  return new Set(runs.flatMap((run) => run.state.sentMessages));
}

/** Every effect a scenario can apply: faults, actions and injects, shared or in a variant. */
export function allEffects(s: Scenario): Effect[] {
  return [
    ...s.faults.flatMap((f) => f.effects),
    ...s.actions.flatMap((a) => a.effects),
    ...s.injects.flatMap((i) => i.effects),
    ...s.variants.flatMap((v) => (v.faults ?? []).flatMap((f) => f.effects)),
  ];
}

/** Ids of the messages some effect sends (a fault, an action or an inject, shared or in a variant). */
export function messagesSentByEffects(s: Scenario): Set<string> {
  return new Set(allEffects(s).flatMap((e) => (e.op === 'message.send' ? [e.message] : [])));
}
