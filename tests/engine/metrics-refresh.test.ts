import { describe, expect, it } from 'vitest';
import { playBot, prepareRun, seedsForVariants, type PolicyName } from '../../src/engine';
import { deepCopy } from '../../src/engine/deep-copy';
import { advanceInPlace, applyEntryInPlace, createInitialState } from '../../src/engine/session';
import type { SimState } from '../../src/engine/state';
import { refreshMetrics } from '../../src/engine/tick';
import type { LogEntry, Scenario } from '../../src/scenarios/schema';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios';

// The metrics a state carries must be what computing them afresh gives: a copied state has a new
// metrics object, with nothing remembered of what was written to it before.
function expectSameAsFresh(s: Scenario, state: SimState): void {
  const copy = deepCopy(state);
  copy.metrics = {};
  refreshMetrics(s, copy, false);
  expect(state.metrics, `metrics at t=${state.t}`).toEqual(copy.metrics);
}

/** Plays a log into one state in place, tick by tick, checking the metrics after every tick and command (each ends with a refresh). */
function playChecking(s: Scenario, seed: number, log: readonly LogEntry[]): number {
  const state = createInitialState(s, seed);
  let checks = 0;
  for (const entry of log) {
    while (state.nextTickAt <= entry.at) {
      advanceInPlace(s, state, state.nextTickAt);
      expectSameAsFresh(s, state);
      checks += 1;
    }
    applyEntryInPlace(s, state, entry);
    expectSameAsFresh(s, state);
    checks += 1;
  }
  return checks;
}

describe('metrics of a state stepped in place', () => {
  // The model and the shotgun bot between them set every job setting, scale, restart and flag a scenario has.
  const bots: PolicyName[] = ['model', 'shotgun'];
  const runs = builtinRegistry().scenarios.flatMap((base) => seedsForVariants(base).flatMap(({ variant, seed }) => bots.map((bot) => ({ id: base.id, base, variant, seed, bot }))));

  it.each(runs)('are $id ($variant, $bot bot) as computed afresh, at every step', ({ base, seed, bot }) => {
    const s = prepareRun(base, seed);
    expect(playChecking(s, seed, playBot(s, bot, seed).log)).toBeGreaterThan(20);
  });
});
