import { describe, expect, it } from 'vitest';
import { levelNames, playBot, prepareRun, replay, runInfo, seedsForVariants, stateHash, summarizeRun, variantIndexFor } from '../../src/engine';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios';

const registry = builtinRegistry();
const randomSeeds = Array.from({ length: 50 }, (_, i) => 1000 + i);

describe('built-in scenarios', () => {
  it('all load without problems', () => {
    expect(registry.failures).toEqual([]);
    expect(registry.scenarios.length).toBeGreaterThan(0);
  });
});

const cases = registry.scenarios.flatMap((s) => levelNames.map((level) => [`${s.id} (${level})`, s, level] as const));

describe.each(cases)('bots on %s', (_name, base, level) => {
  // Seeds 1, 2, 3 and 42, plus one seed per root-cause variant so every variant is played.
  const modelSeeds = [...new Set([1, 2, 3, 42, ...seedsForVariants(base).map((v) => v.seed)])];

  it('the model walkthrough resolves the incident with the top score on several seeds and every variant', () => {
    for (const seed of modelSeeds) {
      const s = prepareRun(base, seed, level);
      const run = playBot(s, 'model', seed);
      const { summary, report } = summarizeRun(s, run.state, 'model');
      const label = `seed ${seed}, variant ${runInfo(s).variant?.id ?? 'only'}`;
      expect(run.state.rejected, `${label}: the model's commands were all accepted`).toEqual([]);
      expect(summary.resolved, `${label}: resolved`).toBe(true);
      expect(summary.score, `${label}: ${report.parts.map((p) => `${p.id} ${p.points}/${p.max}`).join(', ')}`).toBe(summary.maxScore);
      expect(summary.records.lost, label).toBe(0);
      expect(summary.records.duplicates, label).toBe(0);
    }
  });

  it('an idle player never resolves the incident and scores low', () => {
    for (const seed of [7, ...seedsForVariants(base).map((v) => v.seed)]) {
      const s = prepareRun(base, seed, level);
      const run = playBot(s, 'idle', seed);
      const { summary } = summarizeRun(s, run.state, 'idle');
      expect(summary.resolved).toBe(false);
      expect(summary.milestones.resolved).toBeNull();
      expect(run.state.ended?.reason).toBe('timed-out');
      expect(summary.score).toBeLessThan(40);
    }
  });

  it('fifty random players all score clearly below the model', () => {
    const reference = prepareRun(base, 1, level);
    const model = summarizeRun(reference, playBot(reference, 'model', 1).state, 'model').summary.score;
    for (const seed of randomSeeds) {
      const s = prepareRun(base, seed, level);
      const random = summarizeRun(s, playBot(s, 'random', seed).state, 'random').summary.score;
      expect(random, `seed ${seed}`).toBeLessThan(model - 20);
    }
  });

  it('replaying the model bot’s log reproduces its final state exactly', () => {
    const s = prepareRun(base, 5, level);
    const run = playBot(s, 'model', 5);
    expect(stateHash(replay(s, 5, run.log, s.clock.endS))).toBe(stateHash(run.state));
  });
});

describe('seeded variation', () => {
  it('spreads seeds across every variant of a scenario', () => {
    for (const s of registry.scenarios.filter((x) => x.variants.length > 0)) {
      const hits = new Set(Array.from({ length: 60 }, (_, seed) => variantIndexFor(s, seed + 1)));
      expect(hits.size, s.id).toBe(s.variants.length);
    }
  });

  it('offers at least three scenarios whose first symptom has several plausible root causes', () => {
    expect(registry.scenarios.filter((s) => s.variants.length >= 2).length).toBeGreaterThanOrEqual(3);
  });
});
