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

/** Every effect a scenario can apply (faults, actions and injects, shared or in a variant), with its path in the file. */
export function effectsWithPaths(s: Scenario): { path: string; effect: Effect }[] {
  const listed = (prefix: string, owners: { effects: Effect[] }[]) => owners.flatMap((o, i) => o.effects.map((effect, j) => ({ path: `${prefix}.${i}.effects.${j}`, effect })));
  return [
    ...listed('faults', s.faults),
    ...listed('actions', s.actions),
    ...listed('injects', s.injects),
    ...s.variants.flatMap((v, k) => listed(`variants.${k}.faults`, v.faults ?? [])),
  ];
}

/** Every effect a scenario can apply: faults, actions and injects, shared or in a variant. */
export function allEffects(s: Scenario): Effect[] {
  return effectsWithPaths(s).map((e) => e.effect);
}

/** Ids of the messages some effect sends (a fault, an action or an inject, shared or in a variant) or a sent plan draws. */
export function messagesSentByEffects(s: Scenario): Set<string> {
  // A decision drill's plan draws messages too, when a sent plan meets a rule.
  const byPlan = s.plan?.rules.flatMap((rule) => (rule.message === undefined ? [] : [rule.message])) ?? [];
  return new Set([...allEffects(s).flatMap((e) => (e.op === 'message.send' ? [e.message] : [])), ...byPlan]);
}
