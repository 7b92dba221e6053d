import { describe, expect, it } from 'vitest';
import { prepareRun, seedsForVariants } from '../../src/engine';
import { dagRunHistory } from '../../src/engine/world/step-dags';
import type { Scenario } from '../../src/scenarios/schema';
import { Sim, scenario } from '../support/sim-harness';
import { staleRevenueSteps as steps } from '../support/stale-revenue-steps';

const stale = scenario('stale-revenue-table');

/** The stale-revenue scenario as the seed that picks the given root cause prepares it. */
function variant(id: string): { s: Scenario; seed: number } {
  const found = seedsForVariants(stale).find((v) => v.variant === id);
  if (!found) throw new Error(`no variant ${id}`);
  return { s: prepareRun(stale, found.seed), seed: found.seed };
}

function runsOf(sim: Sim, dag: string) {
  return sim.state.world.dags[dag]?.runs ?? [];
}

describe('upstream extracts', () => {
  it('lands each period after its delay while the export is healthy', () => {
    const { s, seed } = variant('scheduler-stalled');
    const sim = new Sim(s, seed).start();
    // Periods of 15 minutes land 5 minutes after they close: freshness never passes 20 minutes.
    for (let i = 0; i < 20; i++) {
      sim.advance(60);
      expect(sim.metric('table.billing_invoices.freshnessS')).toBeLessThanOrEqual(1200);
    }
  });

  it('stops landing when the export is delayed and lands everything when upstream re-runs it', () => {
    const { s, seed } = variant('late-extract');
    const sim = new Sim(s, seed).start().waitForPage();
    const stuckAt = sim.state.world.tables.billing_invoices?.loadedThrough ?? 0;
    sim.advance(900);
    expect(sim.state.world.tables.billing_invoices?.loadedThrough).toBe(stuckAt);
    expect(sim.metric('table.billing_invoices.freshnessS')).toBeGreaterThan(1200);
    sim.complete('chase-billing-export');
    expect(sim.metric('table.billing_invoices.freshnessS')).toBeLessThan(900);
    const rowsAfter = sim.metric('table.billing_invoices.rows');
    sim.advance(1800);
    expect(sim.metric('table.billing_invoices.rows')).toBeGreaterThan(rowsAfter);
  });
});

describe('worker slots and sensors', () => {
  it('lets poke sensors waiting on a late source hold the worker slots until other tasks queue', () => {
    const { s, seed } = variant('late-extract');
    const sim = new Sim(s, seed).start().waitForPage().advance(900);
    expect(sim.metric('scheduler.main.freeSlots')).toBe(0);
    expect(sim.metric('scheduler.main.queuedTasks')).toBeGreaterThan(0);
    expect(sim.metric('dag.finance_ar_aging.pokeSensors') + sim.metric('dag.invoice_reconciliation.pokeSensors')).toBeGreaterThanOrEqual(4);
  });

  it('frees the slots when the sensors switch to reschedule mode', () => {
    const { s, seed } = variant('late-extract');
    const sim = new Sim(s, seed).start().waitForPage().advance(900).typeAll(steps.sensorsReschedule).advance(120);
    expect(sim.metric('dag.revenue_mart.pokeSensors')).toBe(0);
    expect(sim.metric('dag.finance_ar_aging.pokeSensors')).toBe(0);
    expect(sim.metric('scheduler.main.freeSlots')).toBeGreaterThan(0);
    expect(runsOf(sim, 'revenue_mart').some((r) => r.sensor === 'up_for_reschedule')).toBe(true);
  });

  it('refreshes the mart once the late data lands', () => {
    const { s, seed } = variant('late-extract');
    const sim = new Sim(s, seed).start().waitForPage();
    expect(sim.metric('table.revenue_daily.freshnessS')).toBeGreaterThan(1800);
    sim.complete('chase-billing-export').advance(600);
    expect(sim.metric('table.revenue_daily.freshnessS')).toBeLessThanOrEqual(1800);
  });
});

describe('scheduler', () => {
  it('creates no runs and lets the heartbeat age while it is stalled', () => {
    const { s, seed } = variant('scheduler-stalled');
    const sim = new Sim(s, seed).start().waitForPage();
    const runs = runsOf(sim, 'revenue_mart').length;
    sim.advance(900);
    expect(runsOf(sim, 'revenue_mart').length).toBe(runs);
    expect(sim.metric('scheduler.main.heartbeatAgeS')).toBeGreaterThan(1200);
    expect(sim.type(steps.checkScheduler[0])).toBe('No alive jobs found.\n');
  });

  it('catches up on the missed runs and refreshes the mart after a restart', () => {
    const { s, seed } = variant('scheduler-stalled');
    const sim = new Sim(s, seed).start().waitForPage();
    const before = runsOf(sim, 'revenue_mart').length;
    sim.typeAll(steps.restartScheduler).advance(s.clock.tickS);
    expect(sim.metric('scheduler.main.heartbeatAgeS')).toBe(0);
    expect(runsOf(sim, 'revenue_mart').length).toBeGreaterThan(before + 1);
    sim.advance(600);
    expect(sim.metric('table.revenue_daily.freshnessS')).toBeLessThanOrEqual(1800);
  });

  it('queues a manual run when a DAG is triggered', () => {
    const { s, seed } = variant('late-extract');
    const sim = new Sim(s, seed).start().typeAll(steps.triggerRevenue);
    expect(runsOf(sim, 'revenue_mart').filter((r) => r.runType === 'manual')).toHaveLength(1);
  });
});

describe('backfills', () => {
  it('takes every slot and starves the revenue build', () => {
    const { s, seed } = variant('backfill-hogs-slots');
    const sim = new Sim(s, seed).start().waitForPage();
    expect(sim.metric('dag.ledger_backfill.runningTasks')).toBe(6);
    expect(sim.metric('scheduler.main.freeSlots')).toBe(0);
    expect(sim.metric('dag.revenue_mart.queuedTasks')).toBeGreaterThan(0);
  });

  it('hands raised slots to the backfill first, because its tasks queued first', () => {
    const { s, seed } = variant('backfill-hogs-slots');
    const sim = new Sim(s, seed).start().waitForPage().typeAll(steps.raisePool).advance(60);
    expect(sim.metric('dag.ledger_backfill.runningTasks')).toBe(12);
    expect(sim.metric('dag.revenue_mart.queuedTasks')).toBeGreaterThan(0);
  });

  it('frees the slots for the revenue build when the paused backfill\'s running tasks are cleared', () => {
    const { s, seed } = variant('backfill-hogs-slots');
    const sim = new Sim(s, seed).start().waitForPage().typeAll(steps.stopBackfill).advance(300);
    expect(sim.metric('dag.ledger_backfill.runningTasks')).toBe(0);
    expect(sim.metric('table.revenue_daily.freshnessS')).toBeLessThanOrEqual(1800);
  });

  it('queues backfill runs of past periods ahead of today, without moving the mart forward', () => {
    const { s, seed } = variant('scheduler-stalled');
    const sim = new Sim(s, seed).start().waitForPage().typeAll(steps.rerunHistory).typeAll(steps.restartScheduler);
    const runs = runsOf(sim, 'revenue_mart');
    expect(runs.filter((r) => r.runType === 'backfill').length).toBe(95);
    const through = sim.state.world.tables.revenue_daily?.loadedThrough ?? 0;
    sim.advance(1800);
    // Backfill runs rebuild yesterday's periods; today's runs wait behind them.
    expect(sim.state.world.tables.revenue_daily?.loadedThrough).toBe(through);
  });

  it('re-runs a failed run after it is cleared', () => {
    const { s, seed } = variant('late-extract');
    const sim = new Sim(s, seed).start().waitForPage().advance(1800);
    expect(sim.metric('dag.revenue_mart.failedRuns')).toBeGreaterThan(0);
    sim.typeAll(steps.clearFailedRevenue);
    expect(sim.metric('dag.revenue_mart.failedRuns')).toBe(0);
    expect(runsOf(sim, 'revenue_mart').some((r) => r.state === 'failed')).toBe(false);
  });
});

describe('dbt output', () => {
  it('passes every dbt test on a stale table while source freshness goes from WARN to ERROR', () => {
    const { s, seed } = variant('late-extract');
    const sim = new Sim(s, seed).start().waitForPage();
    expect(sim.type(steps.sourceFreshness[0])).toMatch(/WARN freshness of raw\.billing_invoices/);
    expect(sim.type(steps.testRevenue[0])).toMatch(/Done\. PASS=5 WARN=0 ERROR=0/);
    sim.advance(1800);
    expect(sim.type(steps.sourceFreshness[0])).toMatch(/ERROR STALE freshness of raw\.billing_invoices .*\[ERROR STALE in/);
  });
});

describe('run history', () => {
  it('keeps the newest finished runs of a DAG that has run more often than its grid shows, and every active one', () => {
    const s = prepareRun(scenario('avro-schema-break'), 1);
    const sim = new Sim(s, 1).start().advance(3600);
    const spec = s.world.dags.find((d) => d.everyS === 300);
    expect(spec).toBeDefined();
    const dag = sim.state.world.dags[spec?.id ?? ''];
    const runs = dag?.runs ?? [];
    const finished = runs.filter((r) => r.state === 'success' || r.state === 'failed');
    const scheduled = ((dag?.nextRunAt ?? 0) - s.clock.worldStartS) / 300;
    expect(scheduled).toBeGreaterThan(dagRunHistory + 10);
    expect(finished).toHaveLength(dagRunHistory);
    // Oldest first, with no gap: the ones dropped were the oldest finished runs.
    const times = runs.map((r) => r.logicalTime);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.every((t, i) => i === 0 || t - (times[i - 1] as number) === 300)).toBe(true);
    expect(runs.some((r) => r.state === 'running' || r.state === 'queued')).toBe(true);
  });
});
