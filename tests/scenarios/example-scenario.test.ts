import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { levelNames, playBot, prepareRun, replay, stateHash, summarizeRun } from '../../src/engine';
import { validateScenarioText } from '../../src/scenarios/validate-scenario';
import type { Scenario } from '../../src/scenarios/schema';
import { repoRoot } from '../../scripts/lib/builtin-scenarios';

// The worked example of docs/writing-a-scenario.md must meet the bar every built-in scenario meets.
const file = 'docs/examples/flash-sale-lag.yaml';
const text = readFileSync(join(repoRoot, file), 'utf8');
const checked = validateScenarioText(text, file);
const base = checked.ok ? checked.scenario : (null as unknown as Scenario);

describe('the worked example scenario', () => {
  it('passes the schema, the cross-references and every lint rule', () => {
    expect(checked).toMatchObject({ ok: true });
  });

  it('points editors at the committed JSON Schema on its first line', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../scenario.schema.json');
  });

  describe.each(levelNames.map((level) => [level] as const))('at level %s', (level) => {
    it('the model walkthrough resolves it with the top score, losing and duplicating nothing', () => {
      for (const seed of [1, 2, 3, 42]) {
        const s = prepareRun(base, seed, level);
        const run = playBot(s, 'model', seed);
        const { summary, report } = summarizeRun(s, run.state, 'model');
        expect(run.state.rejected, `seed ${seed}`).toEqual([]);
        expect(summary.resolved, `seed ${seed}`).toBe(true);
        expect(summary.score, `seed ${seed}: ${report.parts.map((p) => `${p.id} ${p.points}/${p.max}`).join(', ')}`).toBe(100);
        expect(summary.records.lost, `seed ${seed}`).toBe(0);
        expect(summary.records.duplicates, `seed ${seed}`).toBe(0);
      }
    });

    it('an idle player never resolves it, times out and scores under 40', () => {
      const s = prepareRun(base, 7, level);
      const run = playBot(s, 'idle', 7);
      const { summary } = summarizeRun(s, run.state, 'idle');
      expect(summary.milestones.resolved).toBeNull();
      expect(run.state.ended?.reason).toBe('timed-out');
      expect(summary.score).toBeLessThan(40);
    });

    it('fifty random players all score more than 20 points below the model', () => {
      const model = summarizeRun(prepareRun(base, 1, level), playBot(prepareRun(base, 1, level), 'model', 1).state, 'model').summary.score;
      const scores = Array.from({ length: 50 }, (_, i) => {
        const seed = 1000 + i;
        const s = prepareRun(base, seed, level);
        return summarizeRun(s, playBot(s, 'random', seed).state, 'random').summary.score;
      });
      expect(Math.max(...scores)).toBeLessThan(model - 20);
    });

    it('replaying the model’s log reproduces its final state exactly', () => {
      const s = prepareRun(base, 5, level);
      const run = playBot(s, 'model', 5);
      expect(stateHash(replay(s, 5, run.log, s.clock.endS))).toBe(stateHash(run.state));
    });
  });
});
