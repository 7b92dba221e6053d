import { beforeAll, describe, expect, it } from 'vitest';
import { advance, applyEntry, createInitialState, playBot, playerView, replay, type PlayerView, type SimState } from '../../src/engine';
import type { Scenario } from '../../src/scenarios/schema';
import { axisScale } from '../../src/ui/selectors/axis-scale';
import { buildDashboards, selectDashboards, type BiCardModel, type CardModel, type ChartCardModel, type DashboardsModel } from '../../src/ui/selectors/dashboards';
import { clockLabel, formatAgo, formatValue } from '../../src/ui/selectors/format';
import { downsampleMinMax, maxPointsPerChart, maxPointsPerSeries, pointsPerSeries, sampleWindow } from '../../src/ui/selectors/series-window';
import { scenarioRun } from '../support/sim-harness';

const hour = 3600;

function chart(model: DashboardsModel, id: string): ChartCardModel {
  const card = model.cards.find((c): c is ChartCardModel => c.type === 'chart' && c.id === id);
  if (!card) throw new Error(`no chart ${id} among ${model.cards.map((c) => c.id).join(', ')}`);
  return card;
}

function bi(model: DashboardsModel, id: string): BiCardModel {
  const card = model.cards.find((c): c is BiCardModel => c.type === 'bi' && c.id === id);
  if (!card) throw new Error(`no dashboard card ${id}`);
  return card;
}

function values(card: CardModel, dataKey: string): number[] {
  return card.plot.rows.map((r) => r[dataKey] ?? Number.NaN);
}

describe('dashboards selectors, on the avro-schema-break incident', () => {
  let s: Scenario;
  let atStart: PlayerView;
  let midIncident: PlayerView;
  let late: PlayerView;
  let recovered: PlayerView;
  let midState: SimState;

  beforeAll(() => {
    s = scenarioRun('avro-schema-break');
    const started = applyEntry(s, createInitialState(s, 1), { at: s.clock.playerStartS, command: { type: 'session.start' } });
    atStart = playerView(s, started);
    midState = advance(s, started, 600);
    midIncident = playerView(s, midState);
    late = playerView(s, advance(s, midState, 2400));
    // The model walkthrough's run, a quarter of an hour after it stopped the impact.
    const model = playBot(s, 'model', 1);
    const at = (model.state.milestones.mitigated ?? 0) + 900;
    recovered = playerView(s, replay(s, 1, model.log.filter((e) => e.at <= at), at));
  });

  it('draws one lag series per partition of the job’s topic, stacked to the total', () => {
    const model = selectDashboards(midIncident);
    const lag = chart(model, 'job:orders-enricher:lag');
    const partitions = midIncident.scenario.topology.topics.find((t) => t.id === 'orders')?.partitions;
    expect(partitions).toBeGreaterThan(1);
    expect(lag.plot.lines).toHaveLength(partitions as number);
    expect(lag.plot.lines.every((l) => l.stacked)).toBe(true);
    const last = lag.plot.rows[lag.plot.rows.length - 1] as Record<string, number>;
    const stackedTotal = lag.plot.lines.reduce((acc, l) => acc + (last[l.dataKey] ?? 0), 0);
    expect(stackedTotal).toBe(midIncident.series.values['job.orders-enricher.lag']?.at(-1));
  });

  it('leaves samples older than the window out, and keeps every sample inside it', () => {
    const times = late.series.times;
    const end = times[times.length - 1] as number;
    for (const windowS of [15 * 60, hour]) {
      const fresh = chart(selectDashboards(late, windowS), 'table:orders_fact:freshness');
      const ts = fresh.plot.rows.map((r) => r.t);
      expect(Math.min(...ts)).toBeGreaterThan(end - windowS);
      expect(ts).toEqual(times.filter((t) => t > end - windowS));
      expect(fresh.plot.domain).toEqual([end - windowS, end]);
    }
  });

  it('thins a three-hour window to at most 120 points and keeps the worst spike', () => {
    const model = selectDashboards(recovered, 3 * hour);
    for (const card of model.cards) expect(card.plot.rows.length).toBeLessThanOrEqual(maxPointsPerSeries);
    const errors = chart(model, 'job:orders-enricher:health');
    const errorLine = errors.plot.lines.find((l) => l.label === 'Errors');
    const w = sampleWindow(recovered.series.times, 3 * hour);
    const raw = (recovered.series.values['job.orders-enricher.errorRate'] ?? []).slice(w.from, w.to);
    expect(w.to - w.from).toBeGreaterThan(maxPointsPerSeries);
    expect(Math.max(...raw)).toBeGreaterThan(0);
    expect(Math.max(...values(errors, errorLine?.dataKey ?? ''))).toBe(Math.max(...raw));
  });

  it('thins a chart of many series further, so a whole chart draws at most its point budget', () => {
    const lag = chart(selectDashboards(late, hour), 'job:orders-enricher:lag');
    const lines = lag.plot.lines.length;
    expect(lines).toBe(12);
    expect(pointsPerSeries(lines)).toBeLessThan(maxPointsPerSeries);
    expect(lag.plot.rows.length).toBeLessThanOrEqual(pointsPerSeries(lines));
    expect(lag.plot.rows.length * lines).toBeLessThanOrEqual(maxPointsPerChart);
    // A chart of one series keeps every sample of the hour.
    const fresh = chart(selectDashboards(late, hour), 'table:orders_fact:freshness');
    expect(fresh.plot.rows.length).toBe(late.series.times.filter((t) => t > (late.series.times.at(-1) as number) - hour).length);
  });

  it('keeps its buckets as the window slides, so a thinned chart does not shimmer', () => {
    const times = Array.from({ length: 400 }, (_, i) => 600 + i * 30);
    const wavy = times.map((_, i) => (i * 37) % 101);
    const before = downsampleMinMax(times, [wavy], 100, 220, 40);
    const after = downsampleMinMax(times, [wavy], 101, 221, 40);
    const rows = (x: typeof before) => x.times.map((t, i) => `${t}:${x.columns[0]?.[i]}`);
    // Every row but those of the first and last buckets (cut by the window's edges) is the same.
    const inner = (r: string[]) => r.slice(2, -2);
    expect(inner(rows(after)).filter((r) => rows(before).includes(r))).toEqual(inner(rows(after)));
    for (const x of [before, after]) expect(x.times.length).toBeLessThanOrEqual(40);
  });

  it('thins any window within its budget, in time order, keeping each column’s extremes', () => {
    for (let trial = 0; trial < 200; trial++) {
      const n = 2 + ((trial * 53) % 700);
      const times = Array.from({ length: n }, (_, i) => -3000 + i * 30);
      const column = times.map((_, i) => Math.sin(i * (trial + 1)) * 100);
      const from = trial % Math.max(1, n - 1);
      const to = from + 1 + ((trial * 31) % (n - from));
      const max = 8 + (trial % 130);
      const thin = downsampleMinMax(times, [column], from, to, max);
      const inside = column.slice(from, to);
      expect(thin.times.length).toBeLessThanOrEqual(Math.max(max, to - from <= max ? to - from : 0));
      expect([...thin.times].sort((a, b) => a - b)).toEqual(thin.times);
      expect(Math.max(...(thin.columns[0] as number[]))).toBe(Math.max(...inside));
      expect(Math.min(...(thin.columns[0] as number[]))).toBe(Math.min(...inside));
    }
  });

  it('keeps a one-sample spike and a one-sample dip when thinning', () => {
    const times = Array.from({ length: 720 }, (_, i) => i * 30);
    const spiky = times.map((_, i) => (i === 417 ? 999 : 10));
    const dip = times.map((_, i) => (i === 86 ? 0 : 10));
    const thin = downsampleMinMax(times, [spiky, dip], 0, times.length, 120);
    expect(thin.times.length).toBeLessThanOrEqual(120);
    expect(Math.max(...(thin.columns[0] as number[]))).toBe(999);
    expect(Math.min(...(thin.columns[1] as number[]))).toBe(0);
    expect([...thin.times].sort((a, b) => a - b)).toEqual(thin.times);
  });

  it('draws the table’s own freshness SLA as the reference line, inside the y axis', () => {
    const sla = midIncident.scenario.topology.tables.find((t) => t.id === 'orders_fact')?.freshnessSlaS;
    const fresh = chart(selectDashboards(midIncident), 'table:orders_fact:freshness');
    expect(fresh.plot.reference?.value).toBe(sla);
    expect(fresh.plot.left.max).toBeGreaterThanOrEqual(sla as number);
  });

  it('says STALE in words once the table is older than its SLA, FRESH before', () => {
    expect(chart(selectDashboards(atStart), 'table:orders_fact:freshness').reading.status.label).toBe('FRESH');
    const stale = chart(selectDashboards(midIncident), 'table:orders_fact:freshness');
    expect(stale.reading.status).toEqual({ label: 'STALE', tone: 'warn' });
  });

  it('shows the executive dashboard fresh before the incident and BLANK once its data is too old', () => {
    const before = bi(selectDashboards(atStart), 'dashboard:exec-revenue');
    expect(before.reading.status.label).toBe('FRESH');
    const during = bi(selectDashboards(midIncident), 'dashboard:exec-revenue');
    expect(midIncident.metrics['dashboard.exec-revenue.blank']).toBe(1);
    expect(during.reading.blank).toBe(true);
    expect(during.reading.status).toEqual({ label: 'BLANK', tone: 'danger' });
    const age = midIncident.metrics['dashboard.exec-revenue.freshnessS'] as number;
    expect(during.reading.asOf).toBe(clockLabel(midIncident.scenario.clock, midIncident.t - age));
    expect(during.reading.ago).toBe(formatAgo(age));
  });

  it('puts the dashboards leadership reads first, then the critical job’s charts', () => {
    const ids = selectDashboards(midIncident).cards.map((c) => c.id);
    expect(ids.slice(0, 5)).toEqual(['dashboard:exec-revenue', 'table:orders_fact:freshness', 'job:orders-enricher:lag', 'job:orders-enricher:throughput', 'job:orders-enricher:health']);
    expect(ids).toContain('job:orders-enricher:dlq');
    expect(ids).toContain('table:orders_fact:rows');
    expect(ids).toContain('dashboard:finance-recon');
    expect(ids.some((id) => id.startsWith('job:payments-loader'))).toBe(false);
  });

  it('charts null ratios only for columns that have nulls, and flags a spike over 5%', () => {
    const model = selectDashboards(midIncident);
    const nullCards = model.cards.filter((c) => c.type === 'chart' && c.kind === 'nullRatio');
    expect(nullCards.map((c) => c.id)).toEqual(['table:orders_fact:nulls:channel']);
    const channel = chart(model, 'table:orders_fact:nulls:channel');
    expect(channel.plot.reference?.value).toBe(0.05);
    expect(channel.reading.status.label).toBe('SPIKE');
    expect(channel.reading.headline?.value).toMatch(/%$/);
  });

  it('says FAILED when the job is not running, RUNNING once it is fixed', () => {
    expect(chart(selectDashboards(recovered), 'job:orders-enricher:health').reading.status.label).toBe('RUNNING');
    expect(late.metrics['job.orders-enricher.running']).toBe(0);
    expect(chart(selectDashboards(late), 'job:orders-enricher:health').reading.status).toEqual({ label: 'FAILED', tone: 'danger' });
  });

  it('derives charts from any topology: a second critical job gets its own charts', () => {
    const topology = { ...late.scenario.topology, jobs: late.scenario.topology.jobs.map((j) => ({ ...j, critical: true })) };
    const model = buildDashboards({ ...late, scenario: { ...late.scenario, topology } });
    const lag = chart(model, 'job:payments-loader:lag');
    expect(lag.plot.lines).toHaveLength(topology.topics.find((t) => t.id === 'payments')?.partitions as number);
    expect(chart(model, 'job:payments-loader:throughput').plot.lines.map((l) => l.metric)).toEqual(['producer.payments-api.rate', 'job.payments-loader.consumeRate']);
  });

  it('computes once per engine state and window', () => {
    expect(selectDashboards(late, hour)).toBe(selectDashboards(late, hour));
    expect(selectDashboards(late, 15 * 60)).not.toBe(selectDashboards(late, hour));
  });

  it('hands back the same plot while no new sample has arrived, so charts need not redraw', () => {
    const lagPlot = (v: PlayerView) => chart(selectDashboards(v, hour), 'job:orders-enricher:lag').plot;
    const lateState = advance(s, midState, 2400);
    const before = lagPlot(playerView(s, lateState));
    const oneTickLater = playerView(s, advance(s, lateState, 2400 + s.clock.tickS));
    expect(oneTickLater.series).not.toBe(lateState.series);
    expect(oneTickLater.series.times.at(-1)).toBe(2400);
    expect(lagPlot(oneTickLater)).toBe(before);
    const nextSample = playerView(s, advance(s, lateState, 2400 + oneTickLater.series.stepS));
    expect(lagPlot(nextSample)).not.toBe(before);
  });

  it('labels the time axis on round wall-clock times', () => {
    const model = selectDashboards(late, hour);
    const { ticks, clock } = chart(model, 'job:orders-enricher:lag').plot;
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const t of ticks) expect((clock.timeOfDayAtZeroS + t) % (20 * 60)).toBe(0);
    expect(clockLabel(clock, 0)).toBe('09:00');
    expect(model.asOf).toBe('09:40:00');
  });

  it('writes values with their units', () => {
    expect(formatValue('ratio', 0.5299)).toEqual({ value: '53%', unit: '' });
    expect(formatValue('records', 64_599)).toEqual({ value: '64.6k', unit: 'records' });
    expect(formatValue('seconds', 1430)).toEqual({ value: '23m 50s', unit: '' });
    expect(formatValue('recPerSec', 47.62)).toEqual({ value: '47.6', unit: 'rec/s' });
    expect(axisScale('seconds', 1430)).toEqual({ max: 1800, ticks: [0, 600, 1200, 1800] });
    expect(axisScale('ratio', 0.53)).toEqual({ max: 0.6, ticks: [0, 0.2, 0.4, 0.6] });
  });
});
