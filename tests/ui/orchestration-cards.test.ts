import { describe, expect, it } from 'vitest';
import { playerView, prepareRun, seedsForVariants } from '../../src/engine';
import { tabOfKind } from '../../src/ui/console/tools/tool-tabs';
import { fallbackNullThreshold } from '../../src/ui/selectors/chart-catalogue';
import { buildDashboards, type ChartCardModel, type DashboardsModel } from '../../src/ui/selectors/dashboards';
import { Sim, scenario } from '../support/sim-harness';
import { staleRevenueSteps as steps } from '../support/stale-revenue-steps';

function chart(model: DashboardsModel, id: string): ChartCardModel {
  const card = model.cards.find((c): c is ChartCardModel => c.type === 'chart' && c.id === id);
  if (!card) throw new Error(`no chart ${id} among ${model.cards.map((c) => c.id).join(', ')}`);
  return card;
}

function staleRevenue(variant: string, then: (sim: Sim) => Sim = (sim) => sim): DashboardsModel {
  const base = scenario('stale-revenue-table');
  const seed = seedsForVariants(base).find((v) => v.variant === variant)?.seed ?? 1;
  const s = prepareRun(base, seed, 'normal');
  const sim = then(new Sim(s, seed).start().waitForPage().ack());
  return buildDashboards(playerView(s, sim.state));
}

describe('dashboard cards for the orchestrator', () => {
  it('shows the pool saturated while a backfill holds every slot, and OK once it is failed', () => {
    expect(chart(staleRevenue('backfill-hogs-slots'), 'scheduler:main').reading.status).toEqual({ label: 'SATURATED', tone: 'warn' });
    expect(chart(staleRevenue('backfill-hogs-slots', (sim) => sim.typeAll(steps.stopBackfill).advance(600)), 'scheduler:main').reading.status.label).toBe('OK');
  });

  it('says the scheduler has no heartbeat while it is stalled', () => {
    const card = chart(staleRevenue('scheduler-stalled'), 'scheduler:main');
    expect(card.reading.status).toEqual({ label: 'NO HEARTBEAT', tone: 'danger' });
    expect(card.reading.detail).toMatch(/heartbeat \d+m \d+s ago/);
  });

  it('piles tasks up in queued while poke sensors wait on a late source, and drains them once sensors reschedule', () => {
    const base = scenario('stale-revenue-table');
    const seed = seedsForVariants(base).find((v) => v.variant === 'late-extract')?.seed ?? 1;
    const sim = new Sim(prepareRun(base, seed, 'normal'), seed).start().waitForPage().ack().advance(60);
    expect(sim.metric('scheduler.main.freeSlots')).toBe(0);
    expect(sim.metric('scheduler.main.queuedTasks')).toBeGreaterThanOrEqual(2);
    sim.typeAll(steps.sensorsReschedule).advance(60);
    expect(sim.metric('scheduler.main.queuedTasks')).toBe(0);
  });

  it('does not call a legitimately sparse column a null spike', () => {
    const card = chart(staleRevenue('late-extract'), 'table:web_sessions:nulls:campaign');
    expect(card.plot.reference?.value).toBe(0.8);
    expect(card.reading.detail).toBe('alert above 80%');
    expect(card.reading.status.label).toBe('OK');
    expect(fallbackNullThreshold(undefined)).toBe(0.05);
    expect(fallbackNullThreshold(0.008)).toBe(0.05);
  });

  it('charts the freshness of a mart that a DAG builds', () => {
    expect(chart(staleRevenue('late-extract'), 'table:revenue_daily:freshness').reading.status.label).toBe('STALE');
  });

  it('flags a table built hour by hour whose rows run above its source, as a volume monitor does', () => {
    const s = prepareRun(scenario('dst-repeated-hour'), 1, 'normal');
    const sim = new Sim(s, 1).start().waitForPage().ack();
    const card = chart(buildDashboards(playerView(s, sim.state)), 'table:events_hourly:volume');
    expect(sim.metric('table.events_hourly.volumeRatio')).toBeGreaterThan(1.02);
    expect(card.reading.status).toEqual({ label: 'ABOVE SOURCE', tone: 'danger' });
    expect(card.reading.headline?.value).toBe(`${Math.round(sim.metric('table.events_hourly.volumeRatio') * 1000) / 10}%`);
  });

  it('gives the dbt and scheduler outputs a home in the tools panel', () => {
    expect(tabOfKind['dbt-source-freshness']).toBe('tables');
    expect(tabOfKind['dbt-test']).toBe('tables');
    expect(tabOfKind['scheduler-status']).toBe('dags');
  });
});
