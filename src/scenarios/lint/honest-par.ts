import { playModel } from '../../engine/bots/model-bot.ts';
import { levelNames, prepareRun, variantIndexFor, type Level } from '../../engine/prepare-run.ts';
import { incidentTimes } from '../../engine/scoring/incident-times.ts';
import { maxScore, scoreRun } from '../../engine/scoring/score-run.ts';
import type { ScenarioProblem } from '../cross-references.ts';
import type { Scenario } from '../schema/index.ts';
import { mergeAcrossRuns, runLabel, sectionPath } from './lint-context.ts';

/** How many seeds of each variant, at each level, `npm run scenario:check` plays the model on. */
export const parSeedsPerVariant = 50;

/** The first `count` seeds that pick each variant (seeds 1 to `count` for a scenario with one root cause). */
export function seedsPerVariant(base: Scenario, count: number): { variantIndex: number; seeds: number[] }[] {
  if (base.variants.length === 0) return [{ variantIndex: -1, seeds: Array.from({ length: count }, (_, i) => i + 1) }];
  const out = base.variants.map((_, variantIndex) => ({ variantIndex, seeds: [] as number[] }));
  for (let seed = 1; out.some((v) => v.seeds.length < count); seed += 1) {
    const v = out[variantIndexFor(base, seed)];
    if (v && v.seeds.length < count) v.seeds.push(seed);
  }
  return out;
}

/** What fell short in one model run, in words, or null when it resolved at the top score. */
export function modelShortfall(s: Scenario, seed: number): string | null {
  const state = playModel(s, seed).state;
  const times = incidentTimes(state.milestones);
  // Par is this very run, so any time it has counts in full; a milestone it never reaches is what matters.
  const report = scoreRun(s, state, times);
  const missed = (['acknowledged', 'diagnosed', 'mitigated', 'resolved'] as const).filter((m) => state.milestones[m] === null);
  if (missed.length === 0 && report.total >= maxScore) return null;
  const short = report.parts.filter((p) => p.points < p.max).map((p) => `${p.id} ${Math.round(p.points * 10) / 10} of ${p.max} (${p.detail})`);
  return [missed.length > 0 ? `never ${missed.join(', ')}` : null, `scores ${report.total}`, ...short].filter((x) => x !== null).join('; ');
}

/**
 * Par is honest only if the model reaches every milestone at the top score on every seed: a
 * milestone the model misses leaves par at "never", which would hand every player its points.
 * Plays the model on `count` seeds of each variant at each level and names each seed that falls
 * short, with its level, variant and what fell short. Slow (count × variants × levels runs), so
 * `npm run scenario:check` runs it, not the in-app importer.
 */
export function honestPar(base: Scenario, count = parSeedsPerVariant, levels: readonly Level[] = levelNames): ScenarioProblem[] {
  const found: { path: string; message: string; where: string }[] = [];
  for (const { variantIndex, seeds } of seedsPerVariant(base, count)) {
    for (const level of levels) {
      for (const seed of seeds) {
        const s = prepareRun(base, seed, level);
        const short = modelShortfall(s, seed);
        if (short === null) continue;
        found.push({ path: sectionPath(base, variantIndex, 'walkthrough'), message: `does not resolve at ${maxScore} on seed ${seed}: ${short}`, where: runLabel(base, { variantIndex, level }) });
      }
    }
  }
  return mergeAcrossRuns(found);
}
