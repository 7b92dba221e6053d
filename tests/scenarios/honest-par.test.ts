import { describe, expect, it } from 'vitest';
import { incidentTimes, scoreRun } from '../../src/engine';
import { playModel } from '../../src/engine/bots/model-bot';
import { variantIndexFor } from '../../src/engine/prepare-run';
import { honestPar, seedsPerVariant } from '../../src/scenarios/lint/honest-par';
import type { Scenario } from '../../src/scenarios/schema';
import { scenario, scenarioRun } from '../support/sim-harness';

describe('honest par: the model resolves at the top score on every seed', () => {
  it('passes a built-in scenario whose model reaches every milestone on its seeds', () => {
    expect(honestPar(scenario('launch-moved-forward'), 3, ['normal'])).toEqual([]);
  });

  it('fails a scenario whose model never resolves, naming each seed, level and what fell short', () => {
    const base = scenario('launch-moved-forward');
    const unresolved: Scenario = { ...base, walkthrough: base.walkthrough.filter((w) => w.command.type !== 'incident.resolve') };
    const problems = honestPar(unresolved, 2, ['normal', 'hard']);
    const text = problems.map((p) => `${p.path}: ${p.message}`).join('\n');
    expect(text).toContain('walkthrough: does not resolve at 100 on seed 1: never resolved; scores ');
    expect(text).toContain('on seed 2: never resolved');
    expect(text).toMatch(/resolve 0 of 8 \(MTTR never \(par never\)/);
    expect(text).toContain('(at level normal)');
    expect(text).toContain('(at level hard)');
  });

  it('takes the first seeds that pick each variant, so every variant is played as often', () => {
    const base = scenario('stale-revenue-table');
    const picked = seedsPerVariant(base, 5);
    expect(picked).toHaveLength(base.variants.length);
    for (const { variantIndex, seeds } of picked) {
      expect(seeds).toHaveLength(5);
      for (const seed of seeds) expect(variantIndexFor(base, seed)).toBe(variantIndex);
    }
  });

  it('gives no time points against a par of never, rather than handing them out', () => {
    const s = scenarioRun('avro-schema-break');
    const run = playModel(s, 1).state;
    const par = { ...incidentTimes(run.milestones), mttrS: null, mttmS: null };
    const parts = Object.fromEntries(scoreRun(s, run, par).parts.map((p) => [p.id, p.points]));
    expect(parts['resolve']).toBe(0);
    expect(parts['mitigate']).toBe(0);
    expect(parts['acknowledge']).toBe(8);
  });
});
