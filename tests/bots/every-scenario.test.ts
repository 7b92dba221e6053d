import { describe, expect, it } from 'vitest';
import { playBot, replay, stateHash, summarizeRun } from '../../src/engine';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios';

const registry = builtinRegistry();
const randomSeeds = Array.from({ length: 50 }, (_, i) => 1000 + i);

describe('built-in scenarios', () => {
  it('all load without problems', () => {
    expect(registry.failures).toEqual([]);
    expect(registry.scenarios.length).toBeGreaterThan(0);
  });
});

describe.each(registry.scenarios.map((s) => [s.id, s] as const))('bots on %s', (_id, s) => {
  it('the model walkthrough resolves the incident with the top score on several seeds', () => {
    for (const seed of [1, 2, 3, 42]) {
      const run = playBot(s, 'model', seed);
      const { summary, report } = summarizeRun(s, run.state, 'model');
      expect(run.state.rejected, `seed ${seed}: the model's commands were all accepted`).toEqual([]);
      expect(summary.resolved).toBe(true);
      expect(summary.score, `seed ${seed}: ${report.parts.map((p) => `${p.id} ${p.points}/${p.max}`).join(', ')}`).toBe(summary.maxScore);
      expect(summary.records.lost).toBe(0);
      expect(summary.records.duplicates).toBe(0);
    }
  });

  it('an idle player never resolves the incident and scores low', () => {
    const run = playBot(s, 'idle', 7);
    const { summary } = summarizeRun(s, run.state, 'idle');
    expect(summary.resolved).toBe(false);
    expect(summary.milestones.resolved).toBeNull();
    expect(run.state.ended?.reason).toBe('timed-out');
    expect(summary.score).toBeLessThan(40);
  });

  it('fifty random players all score clearly below the model', () => {
    const model = summarizeRun(s, playBot(s, 'model', 1).state, 'model').summary.score;
    const scores = randomSeeds.map((seed) => summarizeRun(s, playBot(s, 'random', seed).state, 'random').summary.score);
    expect(Math.max(...scores)).toBeLessThan(model - 20);
  });

  it('replaying the model bot’s log reproduces its final state exactly', () => {
    const run = playBot(s, 'model', 5);
    expect(stateHash(replay(s, 5, run.log, s.clock.endS))).toBe(stateHash(run.state));
  });
});
