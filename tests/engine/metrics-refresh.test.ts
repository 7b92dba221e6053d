import { describe, expect, it } from 'vitest';
import { playBot, prepareRun, seedsForVariants, type PolicyName } from '../../src/engine';
import { deepCopy } from '../../src/engine/deep-copy';
import type { SimState } from '../../src/engine/state';
import { refreshMetrics } from '../../src/engine/tick';
import type { Scenario } from '../../src/scenarios/schema';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios';
import { stepInPlace } from '../support/step-in-place';

// The metrics a state carries must be what computing them afresh gives: a copied state has a new
// metrics object, with nothing remembered of what was written to it before.
function expectSameAsFresh(s: Scenario, state: SimState): void {
  const copy = deepCopy(state);
  copy.metrics = {};
  refreshMetrics(s, copy, false);
  expect(state.metrics, `metrics at t=${state.t}`).toEqual(copy.metrics);
}

describe('metrics of a state stepped in place', () => {
  // The model and the shotgun bot between them set every job setting, scale, restart and flag a scenario has.
  const bots: PolicyName[] = ['model', 'shotgun'];
  const runs = builtinRegistry().scenarios.flatMap((base) => seedsForVariants(base).flatMap(({ variant, seed }) => bots.map((bot) => ({ id: base.id, base, variant, seed, bot }))));

  it.each(runs)('are $id ($variant, $bot bot) as computed afresh, at every step', ({ base, seed, bot }) => {
    const s = prepareRun(base, seed);
    expect(stepInPlace(s, seed, playBot(s, bot, seed).log, (state) => expectSameAsFresh(s, state))).toBeGreaterThan(20);
  });
});
