import type { Scenario, VariantSpec } from '../scenarios/schema';
import { levelNames, type Level } from '../scenarios/schema/level-names';
import { seedRng } from './rng';

export { levelNames, type Level };

/** How a level changes a scenario's signals: producer noise and fault timing spread. */
export const levelEffects: Record<Level, { noise: number; jitter: number; summary: string }> = {
  easy: { noise: 0.5, jitter: 0.5, summary: 'Quieter signals, fewer red herrings, no surprise injects.' },
  normal: { noise: 1, jitter: 1, summary: 'The incident as it usually unfolds.' },
  hard: { noise: 1.6, jitter: 1.5, summary: 'Noisier signals, more red herrings and stakeholder pressure, surprise injects.' },
};

/** What a prepared scenario was made from. */
export interface RunInfo {
  base: Scenario;
  variant: { id: string; label: string } | null;
  level: Level;
}

const preparedInfo = new WeakMap<Scenario, RunInfo>();
const preparedCache = new WeakMap<Scenario, Map<string, Scenario>>();

/** The variant the seed picks (its index), or -1 when the scenario has one root cause. */
export function variantIndexFor(base: Scenario, seed: number): number {
  const n = base.variants.length;
  return n === 0 ? -1 : seedRng(seed ^ 0x5bd1e995) % n;
}

/** The smallest positive seed that picks each variant (one entry, seed 1, without variants). */
export function seedsForVariants(base: Scenario): { variant: string | null; seed: number }[] {
  if (base.variants.length === 0) return [{ variant: null, seed: 1 }];
  return base.variants.map((v, i) => {
    let seed = 1;
    while (variantIndexFor(base, seed) !== i) seed += 1;
    return { variant: v.id, seed };
  });
}

/** What a prepared scenario was made from; a scenario that was never prepared is its own base. */
export function runInfo(s: Scenario): RunInfo {
  return preparedInfo.get(s) ?? { base: s, variant: null, level: 'normal' };
}

/**
 * The concrete scenario of one run: the seed's variant applied and the level's items, noise
 * and timing spread chosen. Pure and cached, so the same (scenario, seed, level) is the
 * same object and every engine function can take it as "the scenario".
 */
export function prepareRun(scenario: Scenario, seed: number, level: Level = 'normal'): Scenario {
  const base = runInfo(scenario).base;
  const index = variantIndexFor(base, seed);
  const key = `${index}|${level}`;
  let cache = preparedCache.get(base);
  if (!cache) {
    cache = new Map();
    preparedCache.set(base, cache);
  }
  const hit = cache.get(key);
  if (hit) return hit;
  const variant = index >= 0 ? (base.variants[index] as VariantSpec) : null;
  const prepared = atLevel(withVariant(base, variant), level);
  cache.set(key, prepared);
  preparedInfo.set(prepared, { base, variant: variant ? { id: variant.id, label: variant.label } : null, level });
  return prepared;
}

/** The scenario as one variant plays it: the sections it names replace the shared ones. */
export function withVariant(base: Scenario, v: VariantSpec | null): Scenario {
  if (!v) return { ...base, variants: [] };
  const replaced = new Map((v.messages ?? []).map((m) => [m.id, m]));
  const messages = base.messages.map((m) => replaced.get(m.id) ?? m);
  for (const m of v.messages ?? []) if (!base.messages.some((b) => b.id === m.id)) messages.push(m);
  const verdicts = v.verdicts ?? {};
  return {
    ...base,
    variants: [],
    faults: v.faults ?? base.faults,
    rootCause: v.rootCause ? { ...base.rootCause, ...v.rootCause } : base.rootCause,
    mitigatedWhen: v.mitigatedWhen ?? base.mitigatedWhen,
    resolvedWhen: v.resolvedWhen ?? base.resolvedWhen,
    walkthrough: v.walkthrough ?? base.walkthrough,
    hints: v.hints ?? base.hints,
    prevention: preventionPool(base, v),
    messages,
    // Own keys only: an action named "constructor" must not pick up Object.prototype's.
    actions: base.actions.map((a) => (Object.hasOwn(verdicts, a.id) ? { ...a, verdict: verdicts[a.id] as (typeof a)['verdict'] } : a)),
  };
}

/**
 * One pool of follow-ups for every variant, so the list the player sees never tells the seed's
 * cause: this run's own options keep their verdicts, and the other variants' join as options
 * that are neither right nor distractors here.
 */
function preventionPool(base: Scenario, v: VariantSpec): Scenario['prevention'] {
  const own = v.prevention ?? base.prevention;
  const pool = [...own];
  const lists = [base.prevention, ...base.variants.filter((x) => x.id !== v.id).map((x) => ({ label: x.label, list: x.prevention ?? [] }))];
  for (const entry of lists) {
    const list = Array.isArray(entry) ? entry : entry.list;
    const label = Array.isArray(entry) ? null : entry.label;
    for (const option of list) {
      if (pool.some((p) => p.id === option.id)) continue;
      pool.push({ ...option, correct: false, otherCause: true, why: `Fits another root cause this incident can have${label ? ` (${label})` : ''}, not this run's: it neither earns nor costs points.` });
    }
  }
  return pool;
}

const atThisLevel =
  (level: Level) =>
  <T extends { levels?: Level[] | undefined }>(item: T): boolean =>
    item.levels === undefined || item.levels.includes(level);

function atLevel(s: Scenario, level: Level): Scenario {
  if (level === 'normal' && ![s.faults, s.alerts, s.messages, s.actions, s.injects].some((items) => items.some((x: { levels?: Level[] }) => x.levels !== undefined))) return s;
  const keep = atThisLevel(level);
  const { noise, jitter } = levelEffects[level];
  return {
    ...s,
    world: { ...s.world, producers: s.world.producers.map((p) => ({ ...p, noise: Math.min(0.5, p.noise * noise) })) },
    faults: s.faults.filter(keep).map((f) => ({ ...f, jitterS: Math.min(3600, Math.round(f.jitterS * jitter)) })),
    alerts: s.alerts.filter(keep),
    messages: s.messages.filter(keep),
    actions: s.actions.filter(keep),
    injects: s.injects.filter(keep),
  };
}
