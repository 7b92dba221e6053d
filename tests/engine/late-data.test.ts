import { describe, expect, it } from 'vitest';
import { prepareRun } from '../../src/engine';
import { lateEventsOutput } from '../../src/engine/reveal/lake-output';
import { lateDropShare } from '../../src/engine/world/late-data';
import { lateSteps } from '../support/late-steps';
import { Sim, scenario } from '../support/sim-harness';

const s = prepareRun(scenario('late-mobile-events'), 1, 'normal');

/** A session past the page, acknowledged. */
function paged(): Sim {
  return new Sim(s, 1).start().waitForPage().ack();
}

function output(sim: Sim, action: string): string {
  const out = [...sim.state.outputs].reverse().find((o) => o.action === action);
  if (!out) throw new Error(`no output from ${action}`);
  return out.body;
}

describe('late-arriving events and watermarks', () => {
  it('drops the share of late events that arrive after the allowed lateness', () => {
    expect(lateDropShare(28_800, 600)).toBeCloseTo(1 - 600 / 28_800, 6);
    expect(lateDropShare(28_800, 43_200)).toBe(0);
    expect(lateDropShare(300, 600)).toBe(0);
    expect(lateDropShare(0, 0)).toBe(0);
  });

  it('silently drops offline events behind the watermark, so the table is incomplete and the dashboard figure sags', () => {
    const sim = paged();
    expect(sim.metric('job.activity-aggregator.lateDropped')).toBeGreaterThan(100_000);
    expect(sim.metric('job.activity-aggregator.lateDropRate')).toBeGreaterThan(0);
    expect(sim.metric('table.user_activity_hourly.completeness')).toBeLessThan(0.95);
    expect(sim.metric('table.retention_metrics.completeness')).toBe(sim.metric('table.user_activity_hourly.completeness'));
    expect(sim.metric('dashboard.product-health.kpi')).toBeLessThan(38);
    // The job keeps up: nothing is stale, the data is just incomplete.
    expect(sim.metric('job.activity-aggregator.lag')).toBeLessThan(20_000);
    expect(sim.metric('records.lost')).toBe(sim.state.world.jobs['activity-aggregator']?.lateWindows?.outstanding);
    sim.expectBalanced();
  });

  it('stops new drops once allowed lateness covers how late the devices flush', () => {
    const sim = paged().typeAll(lateSteps.raiseLateness12h);
    const dropped = sim.metric('job.activity-aggregator.lateDropped');
    sim.advance(1200);
    expect(sim.metric('job.activity-aggregator.lateDropped')).toBe(dropped);
    expect(sim.metric('job.activity-aggregator.lateDropRate')).toBe(0);
    expect(sim.metric('job.activity-aggregator.allowedLatenessS')).toBe(43_200);
  });

  it('keeps dropping most late events when lateness is raised too little', () => {
    const sim = paged().typeAll(lateSteps.raiseLateness1h);
    const dropped = sim.metric('job.activity-aggregator.lateDropped');
    sim.advance(600);
    expect(sim.metric('job.activity-aggregator.lateDropped')).toBeGreaterThan(dropped);
  });

  it('brings every dropped event back with an overwrite reprocess of the whole affected window', () => {
    const sim = paged().typeAll(lateSteps.raiseLateness12h).typeAll(lateSteps.reprocessOverwrite);
    expect(sim.metric('job.activity-aggregator.reprocessRemaining')).toBeGreaterThan(0);
    sim.advance(1800);
    expect(sim.metric('job.activity-aggregator.reprocessRemaining')).toBe(0);
    expect(sim.metric('records.lost')).toBe(0);
    expect(sim.metric('records.duplicates')).toBe(0);
    expect(sim.metric('table.retention_metrics.completeness')).toBeGreaterThanOrEqual(0.995);
    expect(sim.metric('dashboard.product-health.kpi')).toBeGreaterThan(41.3);
    sim.expectBalanced();
  });

  it('double-counts the on-time events when the reprocess appends instead of overwriting', () => {
    const sim = paged().typeAll(lateSteps.raiseLateness12h).typeAll(lateSteps.reprocessAppend).advance(1800);
    expect(sim.metric('records.lost')).toBe(0);
    expect(sim.metric('records.duplicates')).toBeGreaterThan(1_000_000);
    expect(sim.metric('table.user_activity_hourly.duplicates')).toBe(sim.metric('records.duplicates'));
  });

  it('leaves most of the gap when the reprocess window starts after the drops began', () => {
    const sim = paged().typeAll(lateSteps.raiseLateness12h).typeAll(lateSteps.reprocessLastHour).advance(1800);
    expect(sim.metric('records.lost')).toBeGreaterThan(100_000);
    expect(sim.metric('table.retention_metrics.completeness')).toBeLessThan(0.99);
  });

  it('loses the recovered events again when the reprocess runs before lateness is raised', () => {
    const sim = paged().typeAll(lateSteps.reprocessOverwrite).advance(1800);
    expect(sim.metric('job.activity-aggregator.reprocessRemaining')).toBe(0);
    expect(sim.metric('records.lost')).toBeGreaterThan(0);
    expect(sim.metric('job.activity-aggregator.lateDropRate')).toBeGreaterThan(0);
  });

  it('labels recent partitions provisional on the dashboard once marked', () => {
    const sim = paged().complete('open-product-health');
    expect(output(sim, 'open-product-health')).not.toContain('provisional');
    expect(sim.metric('table.retention_metrics.provisional')).toBe(0);
    sim.typeAll(lateSteps.markProvisional).complete('open-product-health');
    expect(sim.metric('table.retention_metrics.provisional')).toBe(1);
    expect(output(sim, 'open-product-health')).toMatch(/D1 retention \(yesterday's cohort\): \d+\.\d% +\(provisional: the last 12h 00m/);
  });

  it('shows the lateness distribution and the dropped count in the late-events profile', () => {
    const sim = paged();
    const body = lateEventsOutput(s, sim.state, 'activity-aggregator').body;
    expect(body).toMatch(/^lateness +events +share/);
    expect(body).toContain('allowedLateness 10m 00s');
    expect(body).toMatch(/numLateRecordsDropped \(since start\): [\d,]+/);
    expect(body).toMatch(/3–6 h +[\d,]+ +[1-9]\.\d%/);
  });

  it('gives scenarios without late data no late-data metrics', () => {
    const avro = new Sim(scenario('avro-schema-break'), 1).start().advance(600);
    expect(Object.keys(avro.state.metrics).filter((k) => /lateDrop|completeness|provisional|queryP95S|\.files$|\.kpi$/.test(k))).toEqual([]);
  });
});
