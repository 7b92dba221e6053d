import { describe, expect, it } from 'vitest';
import { costliest, parTimes, playBot, scoreRun } from '../../src/engine';
import { penalties } from '../../src/engine/scoring/score-run';
import { Sim, scenarioRun } from '../support/sim-harness';

const reset = 'kafka-consumer-groups --bootstrap-server kafka:9092 --group orders-enricher --reset-offsets --all-topics --to-datetime 2024-03-11T08:58:00.000 --execute';

describe('what cost a run most', () => {
  it('finds nothing in the model’s own run', () => {
    const s = scenarioRun('avro-schema-break', 1);
    const run = playBot(s, 'model', 1);
    expect(costliest(scoreRun(s, run.state, parTimes(s, 1)))).toEqual([]);
  });

  it('puts a harmful change first with what it did, then the parts that fell short, costliest first', () => {
    const sim = new Sim(scenarioRun('avro-schema-break', 2), 2).start().waitForPage().ack();
    sim.type(reset);
    sim.advance(1800);
    const report = scoreRun(sim.scenario, sim.state, parTimes(sim.scenario, 2));
    const costs = costliest(report, 10);
    expect(costs.map((c) => c.points)).toEqual([...costs.map((c) => c.points)].sort((a, b) => b - a));
    const harm = costs.find((c) => c.what === reset);
    expect(harm?.points).toBe(penalties.harmfulAction);
    expect(harm?.detail).toMatch(/lost [\d,]+ records/);
    // Skipping ahead stopped the impact, at the cost of the records skipped: the outcome says how many.
    expect(costs.find((c) => c.what === 'Outcomes')?.detail).toMatch(/lost/);
    expect(costs.find((c) => c.what === 'Resolve with complete data')?.detail).toMatch(/MTTR never \(par [\d.]+ min\)/);
    expect(costliest(report)).toHaveLength(3);
  });

  it('counts the decisions part as lost when the impact was never stopped', () => {
    const s = scenarioRun('avro-schema-break', 3);
    const report = scoreRun(s, playBot(s, 'idle', 3).state, parTimes(s, 3));
    const costs = costliest(report, 20);
    expect(costs.find((c) => c.what === 'The impact was never stopped')?.points).toBe(report.parts.find((p) => p.id === 'decisions')?.max);
  });

  it('names the time a slow run lost against par', () => {
    const s = scenarioRun('avro-schema-break', 4);
    const report = scoreRun(s, playBot(s, 'slow-20', 4).state, parTimes(s, 4));
    const [first] = costliest(report);
    expect(first?.points).toBeGreaterThan(0);
    expect(first?.detail).toMatch(/par/);
  });
});
