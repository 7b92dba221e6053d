import type { Scenario } from '../../scenarios/schema';

const cache = new WeakMap<Scenario, ReadonlySet<string>>();

/**
 * The flags a decision drill's plan decides (its rules set them): the plan's hidden state, not
 * feature flags. No tool lists or switches them and the player's view leaves them out, so the
 * only way to change them is to send a plan, and nothing shows which rule a plan met.
 */
export function planFlags(s: Scenario): ReadonlySet<string> {
  let flags = cache.get(s);
  if (!flags) {
    flags = new Set(s.plan?.rules.flatMap((rule) => (rule.flag === undefined ? [] : [rule.flag])) ?? []);
    cache.set(s, flags);
  }
  return flags;
}

/** The feature flags the platform's tools show: every flag but those the plan decides. */
export function visibleFlags(s: Scenario): Scenario['world']['flags'] {
  const hidden = planFlags(s);
  return hidden.size === 0 ? s.world.flags : s.world.flags.filter((f) => !hidden.has(f.id));
}

/** Whether a metric reads a flag the plan decides (`flag.<id>.on`). */
export function isPlanFlagMetric(s: Scenario, key: string): boolean {
  const hidden = planFlags(s);
  if (hidden.size === 0 || !key.startsWith('flag.') || !key.endsWith('.on')) return false;
  return hidden.has(key.slice('flag.'.length, -'.on'.length));
}
