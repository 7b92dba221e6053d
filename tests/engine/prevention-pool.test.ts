import { describe, expect, it } from 'vitest';
import { parTimes, playBot, playerView, prepareRun, replay, scoreRun, seedsForVariants } from '../../src/engine';
import { Sim, scenario } from '../support/sim-harness';

describe('one pool of follow-ups for every root cause', () => {
  for (const id of ['stale-revenue-table', 'double-counted-revenue', 'cdc-column-rename']) {
    it(`offers the same follow-ups, alphabetically, whichever cause the seed picks (${id})`, () => {
      const base = scenario(id);
      const lists = seedsForVariants(base).map(({ seed }) => {
        const s = prepareRun(base, seed, 'normal');
        return playerView(s, new Sim(s, seed).state).scenario.prevention;
      });
      for (const list of lists) expect(list).toEqual(lists[0]);
      const labels = (lists[0] ?? []).map((p) => p.label);
      expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
    });
  }

  it('neither rewards nor punishes a follow-up that fits another variant’s cause, and says so', () => {
    const base = scenario('cdc-column-rename');
    const seed = seedsForVariants(base)[0]?.seed ?? 1;
    const s = prepareRun(base, seed, 'normal');
    const other = s.prevention.find((p) => p.otherCause);
    expect(other, 'a follow-up from another variant').toBeDefined();
    const model = playBot(s, 'model', seed);
    const log = model.log.map((e) => (e.command.type === 'postmortem.submit' ? { ...e, command: { ...e.command, followUps: [...e.command.followUps, other?.id as string] } } : e));
    const par = parTimes(s, seed);
    const report = scoreRun(s, replay(s, seed, log), par);
    const baseline = scoreRun(s, model.state, par);
    expect(report.total).toBe(baseline.total);
    expect(report.prevention.missed).toEqual([]);
    expect(report.parts.find((p) => p.id === 'prevention')?.detail).toMatch(/1 for another root cause \(not counted\)/);
  });
});
