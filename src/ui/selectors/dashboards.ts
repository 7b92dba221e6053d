import type { PlayerView, SeriesState } from '../../engine';
import { axisScale, type AxisScale } from './axis-scale';
import { readBi, readChart, type BiReading, type Now, type Reading } from './card-readings';
import { chartCatalogue, type BiSpec, type ChartKind, type ChartSpec, type SeriesLine } from './chart-catalogue';
import { clockLabelLong, type Clock, type Unit } from './format';
import { defaultWindowS, downsampleMinMax, pointsPerSeries, sampleWindow, wallClockTicks } from './series-window';

/** One row of chart data: sim time `t` and one value per series key (`s0`, `s1` …). */
export type ChartRow = { t: number } & Record<string, number>;

/** Everything a chart needs to draw; the same object comes back until its data changes. */
export interface ChartPlot {
  rows: ChartRow[];
  lines: SeriesLine[];
  /** The x domain in sim seconds: the window's start and end. */
  domain: [number, number];
  ticks: number[];
  unit: Unit;
  rightUnit: Unit | null;
  /** The y axes, on round values that always include the reference line. */
  left: AxisScale;
  right: AxisScale | null;
  reference: { value: number; label: string } | null;
  clock: Clock;
}

/** A time-series card, ready to render. */
export interface ChartCardModel {
  type: 'chart';
  id: string;
  kind: ChartKind;
  title: string;
  scope: string;
  reading: Reading;
  plot: ChartPlot;
}

/** A BI dashboard card, ready to render. */
export interface BiCardModel {
  type: 'bi';
  id: string;
  title: string;
  audience: string;
  table: string;
  slaS: number | null;
  reading: BiReading;
  plot: ChartPlot;
}

/** Any card of the grid. */
export type CardModel = ChartCardModel | BiCardModel;

/** The dashboards panel's data. */
export interface DashboardsModel {
  windowS: number;
  /** The engine's time as wall-clock, `09:14:30`. */
  asOf: string;
  stepS: number;
  cards: CardModel[];
}

/** The inputs a dashboards model is computed from. */
export type DashboardsInput = Pick<PlayerView, 't' | 'metrics' | 'series'> & { scenario: { clock: Clock; topology: PlayerView['scenario']['topology']; alerts?: PlayerView['scenario']['alerts'] } };

function toRows(spec: { lines: readonly SeriesLine[] }, series: SeriesState, from: number, to: number): ChartRow[] {
  const columns = spec.lines.map((l) => series.values[l.metric] ?? []);
  const thin = downsampleMinMax(series.times, columns, from, to, pointsPerSeries(spec.lines.length));
  return thin.times.map((t, i) => {
    const row: ChartRow = { t } as ChartRow;
    spec.lines.forEach((l, c) => {
      row[l.dataKey] = thin.columns[c]?.[i] ?? 0;
    });
    return row;
  });
}

/** The highest point drawn against an axis: stacked series add up, others stand alone. */
function axisMax(rows: readonly ChartRow[], lines: readonly SeriesLine[], axis: SeriesLine['axis']): number {
  const own = lines.filter((l) => l.axis === axis);
  let max = 0;
  for (const row of rows) {
    let stack = 0;
    for (const l of own) {
      const v = row[l.dataKey] ?? 0;
      if (l.stacked) stack += v;
      else if (v > max) max = v;
    }
    if (stack > max) max = stack;
  }
  return max;
}

function sameRows(a: readonly ChartRow[], b: readonly ChartRow[], keys: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as ChartRow;
    const y = b[i] as ChartRow;
    if (x.t !== y.t) return false;
    for (const k of keys) if (x[k] !== y[k]) return false;
  }
  return true;
}

// The engine hands out a fresh series object with every state (several per sampled point), so
// plots are also kept by content: a chart whose points did not change keeps its very object,
// and a memoised chart component skips redrawing it.
const lastPlots = new Map<string, { signature: string; plot: ChartPlot }>();

function plotFor(id: string, spec: ChartSpec | BiSpec, lines: SeriesLine[], unit: Unit, reference: ChartPlot['reference'], input: DashboardsInput, windowS: number): ChartPlot {
  const series = input.series;
  const w = sampleWindow(series.times, windowS);
  const ticks = wallClockTicks(w.start, w.end, input.scenario.clock.timeOfDayAtZeroS);
  const rightUnit = spec.type === 'chart' ? spec.rightUnit : null;
  const rows = toRows({ lines }, series, w.from, w.to);
  const signature = JSON.stringify([lines, w.start, w.end, ticks, unit, rightUnit, reference, input.scenario.clock]);
  const key = `${id}@${windowS}`;
  const prev = lastPlots.get(key);
  if (prev && prev.signature === signature && sameRows(prev.plot.rows, rows, lines.map((l) => l.dataKey))) return prev.plot;
  const left = axisScale(unit, Math.max(axisMax(rows, lines, 'left'), reference ? reference.value * 1.15 : 0));
  const right = rightUnit ? axisScale(rightUnit, axisMax(rows, lines, 'right')) : null;
  const plot: ChartPlot = { rows, lines, domain: [w.start, w.end], ticks, unit, rightUnit, left, right, reference, clock: input.scenario.clock };
  lastPlots.set(key, { signature, plot });
  return plot;
}

function chartCard(spec: ChartSpec, input: DashboardsInput, now: Now, windowS: number): ChartCardModel {
  return {
    type: 'chart',
    id: spec.id,
    kind: spec.kind,
    title: spec.title,
    scope: spec.scope,
    reading: readChart(spec, now),
    plot: plotFor(spec.id, spec, spec.lines, spec.unit, spec.reference, input, windowS),
  };
}

function biCard(spec: BiSpec, input: DashboardsInput, now: Now, windowS: number): BiCardModel {
  const lines: SeriesLine[] = [{ dataKey: 's0', metric: spec.freshnessMetric, label: 'Data age', color: 1, axis: 'left', shape: 'area', stacked: false, dashed: false }];
  const reference = spec.slaS === null ? null : { value: spec.slaS, label: 'SLA' };
  return {
    type: 'bi',
    id: spec.id,
    title: spec.title,
    audience: spec.audience,
    table: spec.table,
    slaS: spec.slaS,
    reading: readBi(spec, now),
    plot: plotFor(spec.id, spec, lines, 'seconds', reference, input, windowS),
  };
}

/** Builds the dashboards model without memoisation. */
export function buildDashboards(input: DashboardsInput, windowS: number = defaultWindowS): DashboardsModel {
  const now: Now = { t: input.t, metrics: input.metrics, series: input.series, clock: input.scenario.clock };
  const cards = chartCatalogue(input.scenario.topology, input.series, input.scenario.alerts).map((spec) => (spec.type === 'bi' ? biCard(spec, input, now, windowS) : chartCard(spec, input, now, windowS)));
  return { windowS, asOf: clockLabelLong(input.scenario.clock, input.t), stepS: input.series.stepS, cards };
}

const memo = new WeakMap<SeriesState, Map<number, { metrics: Record<string, number>; t: number; model: DashboardsModel }>>();

/**
 * The dashboards panel's charts and readings for a window of sim time (last hour by default).
 * Memoised on the series object: the engine makes a new one only with a new state, so asking
 * again for the same state and window is free.
 */
export function selectDashboards(input: DashboardsInput, windowS: number = defaultWindowS): DashboardsModel {
  let byWindow = memo.get(input.series);
  if (!byWindow) {
    byWindow = new Map();
    memo.set(input.series, byWindow);
  }
  const hit = byWindow.get(windowS);
  if (hit && hit.metrics === input.metrics && hit.t === input.t) return hit.model;
  const model = buildDashboards(input, windowS);
  byWindow.set(windowS, { metrics: input.metrics, t: input.t, model });
  return model;
}
