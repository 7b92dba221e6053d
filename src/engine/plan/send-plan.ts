import type { Scenario } from '../../scenarios/schema';
import { advanceFlow } from '../flow/session-machine';
import { deliverMessage } from '../messages';
import type { SimState } from '../state';
import { applyEffect } from '../world/apply-effect';
import { planHoldsAll, readPlan, type PlanSections } from './read-plan';

/**
 * Sends a decision drill's plan to the people it is for. The plan decides the world's plan
 * flags (each recomputed from this plan alone: a revised plan can undo an earlier promise),
 * draws the stakeholders' answers, and the first plan that sizes the problem is the diagnosis.
 * Returns why it was refused, or null.
 */
export function sendPlan(s: Scenario, state: SimState, sections: PlanSections): string | null {
  const spec = s.plan;
  if (!spec) return 'this scenario has no plan to send';
  const plan = readPlan(spec, sections);
  if ([...plan.lines.values()].every((lines) => lines.length === 0)) return 'the plan is empty; write at least one line';
  const t = state.t;
  const holding = spec.rules.filter((rule) => planHoldsAll(spec, plan, rule.when));
  const harmful = holding.flatMap((rule) => (rule.harmful === undefined ? [] : [rule.harmful]));
  const plans = state.plans ?? [];
  state.plans = plans;
  plans.push({ at: t, sections: sections.map((x) => ({ section: x.section, lines: [...x.lines] })), harmful });

  const to = spec.sendTo.map((id) => s.stakeholders.find((x) => x.id === id)?.name ?? id).join(' and ');
  state.timeline.push({ at: t, kind: 'declaration', text: `Plan sent to ${to} (version ${plans.length}).` });
  const flags = new Set(spec.rules.flatMap((rule) => (rule.flag === undefined ? [] : [rule.flag])));
  for (const flag of flags) {
    const on = holding.some((rule) => rule.flag === flag);
    applyEffect(s, state, { op: 'flag.set', flag, value: on }, (id) => deliverMessage(s, state, id));
  }
  for (const rule of holding) if (rule.message !== undefined) deliverMessage(s, state, rule.message);
  if (state.milestones.diagnosed === null && planHoldsAll(spec, plan, spec.sizedWhen)) {
    state.milestones.diagnosed = t;
    state.flow = advanceFlow(state.flow, { type: 'incident.diagnosed' });
  }
  return null;
}
