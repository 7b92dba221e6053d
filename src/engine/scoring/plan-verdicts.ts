import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';

/** A decision drill's sent plan, judged by what it committed to. */
export interface JudgedPlan {
  /** Which plan (1 = the first sent). */
  version: number;
  at: number;
  verdict: 'key' | 'neutral' | 'harmful';
  why: string;
}

/**
 * Judges every plan a decision drill's player sent. Each harm a plan commits to counts, in every
 * version that keeps it; the plan in force when the impact stopped is the key decision; any other
 * plan did no harm and is neutral (what it still lacked shows in the resolve checks).
 */
export function judgePlans(s: Scenario, state: SimState): JudgedPlan[] {
  const plans = state.plans ?? [];
  if (!s.plan || plans.length === 0) return [];
  const mitigated = state.milestones.mitigated;
  const inForce = mitigated === null ? -1 : plans.reduce((last, p, i) => (p.at <= mitigated ? i : last), -1);
  return plans.flatMap((plan, i): JudgedPlan[] => {
    const version = i + 1;
    if (plan.harmful.length > 0) return plan.harmful.map((why) => ({ version, at: plan.at, verdict: 'harmful', why }));
    if (i === inForce) return [{ version, at: plan.at, verdict: 'key', why: 'The plan that settled it: what ships fits the capacity, what waits has dates, the non-negotiables are written, and product has it in writing.' }];
    return [{ version, at: plan.at, verdict: 'neutral', why: 'Commits to nothing harmful, but it is not yet a plan product can agree to on its own.' }];
  });
}
