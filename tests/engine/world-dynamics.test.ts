import { describe, expect, it } from 'vitest';
import type { JobState } from '../../src/engine';
import { avroSteps } from '../support/avro-steps';
import { Sim, scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const tickS = s.clock.tickS;
const partitions = s.world.topics.find((t) => t.id === 'orders')?.partitions ?? 0;
const ordersFact = s.world.tables.find((t) => t.id === 'orders_fact');
const channelBaseline = ordersFact?.nullBaseline.channel ?? Number.NaN;
const freshnessSlaS = ordersFact?.freshnessSlaS ?? Number.NaN;
const blankAfterS = s.world.dashboards.find((d) => d.id === 'exec-revenue')?.blankAfterS ?? Number.NaN;
const nominalRate = s.world.producers.find((p) => p.id === 'orders-api')?.ratePerSec ?? Number.NaN;

function enricher(sim: Sim): JobState {
  const job = sim.state.world.jobs['orders-enricher'];
  if (!job) throw new Error('orders-enricher is missing from the world');
  return job;
}

/** The pre-incident history the world recorded before the player took the console, as [time, value] pairs. */
function history(sim: Sim, key: string): [number, number][] {
  const column = sim.state.series.values[key];
  if (!column) throw new Error(`no series for ${key}`);
  return sim.state.series.times.map((t, i) => [t, column[i] as number]);
}

function partitionLags(sim: Sim): number[] {
  return Array.from({ length: partitions }, (_, i) => sim.metric(`job.orders-enricher.lag:${i}`));
}

/** Steps tick by tick, returning what each tick produced, consumed and did to the lag. */
function tickDeltas(sim: Sim, ticks: number): { produced: number; consumed: number; lagChange: number; rate: number }[] {
  const out = [];
  for (let i = 0; i < ticks; i++) {
    const lag = sim.metric('job.orders-enricher.lag');
    const produced = sim.metric('records.produced');
    sim.advance(tickS);
    out.push({
      produced: sim.metric('records.produced') - produced,
      consumed: sim.metric('job.orders-enricher.consumeRate') * tickS,
      lagChange: sim.metric('job.orders-enricher.lag') - lag,
      rate: sim.metric('producer.orders-api.rate'),
    });
  }
  return out;
}

describe('world dynamics of the avro-schema-break incident', () => {
  it('grows the lag by exactly what the producer writes while the job is down', () => {
    const sim = new Sim(s, 1).start();
    expect(sim.metric('job.orders-enricher.running')).toBe(0);
    const before = sim.metric('job.orders-enricher.lag');
    const deltas = tickDeltas(sim, 30);
    const growth = sim.metric('job.orders-enricher.lag') - before;
    const producedAtRate = deltas.reduce((sum, d) => sum + d.rate * tickS, 0);
    for (const d of deltas) {
      expect(d.consumed).toBe(0);
      expect(d.lagChange).toBe(d.produced);
    }
    expect(growth).toBeGreaterThan(0);
    expect(Math.abs(growth - producedAtRate)).toBeLessThanOrEqual(0.005 * producedAtRate);
    // Around 09:00 the orders rhythm is at its nominal rate, give or take the scenario's noise.
    expect(growth / (30 * tickS)).toBeGreaterThan(nominalRate * 0.9);
    expect(growth / (30 * tickS)).toBeLessThan(nominalRate * 1.1);
  });

  it('shrinks the lag by consumption minus production once the job runs again', () => {
    const sim = new Sim(s, 1).start().waitForPage().ack().typeAll(avroSteps.enableDlq);
    const deltas = tickDeltas(sim, 20);
    for (const d of deltas) expect(d.lagChange).toBe(d.produced - d.consumed);
    const catchingUp = deltas.filter((d) => d.consumed > d.produced);
    expect(catchingUp.length).toBeGreaterThan(10);
    expect(catchingUp.every((d) => d.lagChange < 0)).toBe(true);
  });

  it('spreads the lag evenly over the partitions when the consumer is down', () => {
    const sim = new Sim(s, 1).start();
    const before = partitionLags(sim);
    sim.advance(600);
    const after = partitionLags(sim);
    const growth = after.map((lag, i) => lag - (before[i] as number));
    const meanGrowth = growth.reduce((a, b) => a + b, 0) / growth.length;
    expect(meanGrowth).toBeGreaterThan(1000);
    for (const g of growth) expect(Math.abs(g - meanGrowth)).toBeLessThanOrEqual(0.01 * meanGrowth);
    const meanLag = after.reduce((a, b) => a + b, 0) / after.length;
    expect((Math.max(...after) - Math.min(...after)) / meanLag).toBeLessThan(0.05);
  });

  it('ages orders_fact one second per second while the job is down, and freshens it after recovery', () => {
    const sim = new Sim(s, 1).start();
    const before = sim.metric('table.orders_fact.freshnessS');
    sim.advance(300);
    expect(sim.metric('table.orders_fact.freshnessS') - before).toBe(300);
    sim.waitForPage().ack().typeAll(avroSteps.enableDlq);
    const stale = sim.metric('table.orders_fact.freshnessS');
    expect(stale).toBeGreaterThan(freshnessSlaS);
    sim.advance(600);
    expect(sim.metric('table.orders_fact.freshnessS')).toBeLessThan(60);
  });

  it('blanks the executive dashboard once its data is older than the blank threshold, never before impact', () => {
    const sim = new Sim(s, 1);
    const impactStart = sim.state.milestones.impactStart ?? Number.NaN;
    expect(history(sim, 'dashboard.exec-revenue.blank').every(([, blank]) => blank === 0)).toBe(true);
    expect(sim.metric('dashboard.exec-revenue.blank')).toBe(0);
    sim.start();
    let blankAt: number | null = null;
    while (blankAt === null && sim.state.t < 1800) {
      sim.advance(tickS);
      const fresh = sim.metric('dashboard.exec-revenue.freshnessS');
      expect(sim.metric('dashboard.exec-revenue.blank')).toBe(fresh > blankAfterS ? 1 : 0);
      if (sim.metric('dashboard.exec-revenue.blank') === 1) blankAt = sim.state.t;
    }
    expect(blankAt).not.toBeNull();
    // The mart's data stops at the last orders_fact rows loaded before the crash, so it blanks about blankAfterS after impact.
    expect(blankAt as number).toBeGreaterThan(impactStart + blankAfterS - 300);
  });

  it('raises the channel null ratio after the upstream deploy, before the player arrives', () => {
    const sim = new Sim(s, 1);
    const deployAt = sim.state.faultTimes['upstream-deploy'] ?? Number.NaN;
    const series = history(sim, 'table.orders_fact.nullRatio:channel');
    const beforeDeploy = series.filter(([t]) => t < deployAt);
    expect(beforeDeploy.length).toBeGreaterThan(10);
    for (const [, ratio] of beforeDeploy) expect(ratio).toBeCloseTo(channelBaseline, 4);
    expect(sim.metric('table.orders_fact.nullRatio:channel')).toBeGreaterThan(0.4);
    expect(sim.state.alerts['orders-fact-channel-nulls']?.status).toBe('firing');
  });

  it('brings the channel null ratio back to baseline after the reader fix and an overwrite replay', () => {
    const sim = new Sim(s, 1).start().waitForPage().ack().typeAll(avroSteps.registryLookup).typeAll(avroSteps.replayFromDeploy);
    expect(sim.metric('job.orders-enricher.backfillRemaining')).toBeGreaterThan(0);
    expect(sim.metric('table.orders_fact.nullRatio:channel')).toBeGreaterThan(0.1);
    while (sim.metric('job.orders-enricher.backfillRemaining') > 0 && sim.state.t < 3600) sim.advance(60);
    expect(sim.metric('job.orders-enricher.backfillRemaining')).toBe(0);
    expect(Math.abs(sim.metric('table.orders_fact.nullRatio:channel') - channelBaseline)).toBeLessThan(0.002);
  });

  it('restarts the crashing job ten times and then leaves it FAILED', () => {
    const sim = new Sim(s, 1);
    const impactStart = sim.state.milestones.impactStart ?? Number.NaN;
    const restarts = history(sim, 'job.orders-enricher.restarts');
    expect(restarts.filter(([t]) => t < impactStart).every(([, n]) => n === 0)).toBe(true);
    restarts.slice(1).forEach(([, n], i) => expect(n).toBeGreaterThanOrEqual((restarts[i] as [number, number])[1]));
    expect(new Set(restarts.map(([, n]) => n)).size).toBe(11);
    expect(enricher(sim).status).toBe('FAILED');
    expect(enricher(sim).numRestarts).toBe(10);
    expect(enricher(sim).logs.at(-1)?.text).toContain('maxNumberRestartAttempts=10');
    sim.start().advance(1800);
    expect(enricher(sim).status).toBe('FAILED');
    expect(sim.metric('job.orders-enricher.restarts')).toBe(10);
  });
});
