import { formatDuration, type SeriesState } from '../../engine';
import { nullRatioThreshold, type BiSpec, type ChartColor, type ChartSpec } from './chart-catalogue';
import { clockLabel, formatAgo, formatCompact, formatValue, formatValueText, type Clock, type ValueParts } from './format';
import { valueAt } from './series-window';
import { readScheduler, readVolume } from './orchestration-readings';

/** How a status badge is coloured; its text always says the same thing in words. */
export type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

/** A card's status badge: a word first, a colour second. */
export interface Status {
  label: string;
  tone: Tone;
}

/** One named current value of a card that compares series (produced → consumed). */
export interface LegendValue {
  label: string;
  color: ChartColor;
  value: string;
}

/** Current values of compared series, written in order with a joiner and one unit: `47.7 → 0 rec/s`. */
export interface Comparison {
  items: LegendValue[];
  joiner: string;
  unit: string;
}

/** What a card says in words and figures right now. */
export interface Reading {
  /** The large figure, for a card about one value. */
  headline: ValueParts | null;
  /** The large figures, for a card that compares series. */
  comparison: Comparison | null;
  detail: string | null;
  status: Status;
}

/** The engine's latest metrics, the sampled series and the time, as the player sees them. */
export interface Now {
  t: number;
  metrics: Record<string, number>;
  series: SeriesState;
  clock: Clock;
}

const ok: Status = { label: 'OK', tone: 'ok' };

function metric(now: Now, key: string): number | undefined {
  return now.metrics[key];
}

/** The sampled value `ago` seconds before the newest sample. */
function earlier(now: Now, key: string, ago: number): number | undefined {
  const last = now.series.times[now.series.times.length - 1];
  return last === undefined ? undefined : valueAt(now.series.times, now.series.values[key], last - ago);
}

function sum(now: Now, keys: readonly string[]): number {
  return keys.reduce((acc, k) => acc + (metric(now, k) ?? 0), 0);
}

function readFreshness(spec: ChartSpec, now: Now): Reading {
  const key = spec.lines[0]?.metric ?? '';
  const f = metric(now, key);
  const sla = spec.reference?.value;
  const stale = f !== undefined && sla !== undefined && f > sla;
  return {
    headline: formatValue('seconds', f),
    comparison: null,
    detail: f === undefined ? null : `loaded through ${clockLabel(now.clock, now.t - f)}`,
    status: stale ? { label: 'STALE', tone: 'warn' } : f === undefined ? { label: 'NO DATA', tone: 'neutral' } : { label: 'FRESH', tone: 'ok' },
  };
}

function readLag(spec: ChartSpec, now: Now): Reading {
  const key = `job.${spec.job}.lag`;
  const lag = metric(now, key) ?? 0;
  const before = earlier(now, key, 300) ?? lag;
  const rate = sum(now, spec.producers);
  const behind = rate > 0 && lag > rate * 60;
  // The badge follows what happens now: a job consuming faster than its producers drains, whatever the last five minutes did.
  const consumed = metric(now, `job.${spec.job}.consumeRate`);
  const drainingNow = consumed !== undefined && consumed > rate;
  let status = ok;
  if (behind && drainingNow) status = { label: 'DRAINING', tone: 'info' };
  else if (behind && lag > before * 1.02) status = { label: 'GROWING', tone: 'danger' };
  else if (behind && lag < before) status = { label: 'DRAINING', tone: 'info' };
  else if (behind) status = { label: 'BEHIND', tone: 'warn' };
  return {
    headline: formatValue('records', lag),
    comparison: null,
    detail: rate > 0 && lag > 0 ? `≈ ${formatDuration(lag / rate)} behind` : `${spec.lines.length} partitions`,
    status,
  };
}

function readThroughput(spec: ChartSpec, now: Now): Reading {
  const produced = sum(now, spec.producers);
  const consumed = metric(now, `job.${spec.job}.consumeRate`) ?? 0;
  let status = ok;
  if (produced > 0 && consumed === 0) status = { label: 'STALLED', tone: 'danger' };
  else if (consumed < produced * 0.8) status = { label: 'BEHIND', tone: 'warn' };
  else if (consumed > produced * 1.2) status = { label: 'DRAINING', tone: 'info' };
  return {
    headline: null,
    comparison: {
      items: spec.lines.map((l) => ({ label: l.label, color: l.color, value: formatValue('recPerSec', metric(now, l.metric)).value })),
      joiner: '→',
      unit: formatValue('recPerSec', produced).unit,
    },
    detail: null,
    status,
  };
}

function readHealth(spec: ChartSpec, now: Now): Reading {
  const running = metric(now, `job.${spec.job}.running`);
  const restartsKey = `job.${spec.job}.restarts`;
  const restarts = metric(now, restartsKey) ?? 0;
  const errors = metric(now, `job.${spec.job}.errorRate`) ?? 0;
  // A job that charts its consumer group's rebalances leads with them: they are what its incidents move.
  const rebalancesKey = spec.lines.find((l) => l.label === 'Rebalances')?.metric;
  const rebalances = rebalancesKey === undefined ? undefined : (metric(now, rebalancesKey) ?? 0);
  let status: Status = { label: 'RUNNING', tone: 'ok' };
  if (running === 0) status = { label: 'FAILED', tone: 'danger' };
  else if (errors > 0) status = { label: 'ERRORS', tone: 'warn' };
  else if (restarts > (earlier(now, restartsKey, 600) ?? restarts)) status = { label: 'RESTARTED', tone: 'warn' };
  else if (rebalancesKey !== undefined && rebalances !== undefined && rebalances > (earlier(now, rebalancesKey, 600) ?? rebalances)) status = { label: 'REBALANCING', tone: 'warn' };
  if (rebalances !== undefined) {
    return {
      headline: { value: formatCompact(rebalances), unit: rebalances === 1 ? 'rebalance' : 'rebalances' },
      comparison: null,
      detail: `${formatValueText('restarts', restarts)} · ${formatValueText('errPerMin', errors)}`,
      status,
    };
  }
  return { headline: formatValue('restarts', restarts), comparison: null, detail: formatValueText('errPerMin', errors), status };
}

function readDlq(spec: ChartSpec, now: Now): Reading {
  const key = spec.lines[0]?.metric ?? '';
  const depth = metric(now, key) ?? 0;
  const before = earlier(now, key, 300) ?? depth;
  // Growing means growing now (over the last minute), not once in the last five.
  const lastMinute = earlier(now, key, 60) ?? depth;
  let status: Status = { label: 'EMPTY', tone: 'ok' };
  if (depth > lastMinute) status = { label: 'GROWING', tone: 'warn' };
  else if (depth > 0) status = { label: 'NOT EMPTY', tone: 'neutral' };
  return { headline: formatValue('records', depth), comparison: null, detail: depth > before ? `+${formatCompact(depth - before)} in 5 min` : null, status };
}

function readNulls(spec: ChartSpec, now: Now): Reading {
  const r = metric(now, spec.lines[0]?.metric ?? '');
  const threshold = spec.reference?.value ?? nullRatioThreshold;
  const spike = r !== undefined && r > threshold;
  return {
    headline: formatValue('ratio', r),
    comparison: null,
    detail: `alert above ${spec.reference?.label ?? `${Math.round(threshold * 100)}%`}`,
    status: spike ? { label: 'SPIKE', tone: 'danger' } : ok,
  };
}

function readRows(spec: ChartSpec, now: Now): Reading {
  const key = spec.lines[0]?.metric ?? '';
  const rows = metric(now, key) ?? 0;
  const before = earlier(now, key, 600) ?? rows;
  const delta = rows - before;
  return {
    headline: formatValue('rows', rows),
    comparison: null,
    detail: `${delta >= 0 ? '+' : '−'}${formatCompact(Math.abs(delta))} in 10 min`,
    status: delta === 0 ? { label: 'FLAT', tone: 'warn' } : ok,
  };
}

/** What a chart card shows in words: its current value, and a status when it breaches. */
export function readChart(spec: ChartSpec, now: Now): Reading {
  switch (spec.kind) {
    case 'freshness':
      return readFreshness(spec, now);
    case 'lag':
      return readLag(spec, now);
    case 'throughput':
      return readThroughput(spec, now);
    case 'health':
      return readHealth(spec, now);
    case 'dlq':
      return readDlq(spec, now);
    case 'nullRatio':
      return readNulls(spec, now);
    case 'rows':
      return readRows(spec, now);
    case 'files':
      return readFiles(spec, now);
    case 'queryCost':
      return readQueryCost(spec, now);
    case 'completeness':
      return readCompleteness(spec, now);
    case 'scheduler':
      return readScheduler(spec, now);
    case 'volume':
      return readVolume(spec, now);
  }
}

function readFiles(spec: ChartSpec, now: Now): Reading {
  const key = spec.lines[0]?.metric ?? '';
  const files = metric(now, key) ?? 0;
  const before = earlier(now, key, 600) ?? files;
  const delta = files - before;
  return {
    headline: formatValue('files', files),
    comparison: null,
    detail: `${delta >= 0 ? '+' : '−'}${formatCompact(Math.abs(delta))} in 10 min`,
    status: delta > 1000 ? { label: 'PILING UP', tone: 'warn' } : ok,
  };
}

function readQueryCost(spec: ChartSpec, now: Now): Reading {
  const p95 = metric(now, spec.lines[0]?.metric ?? '');
  const cost = metric(now, spec.lines[1]?.metric ?? '');
  const limit = spec.reference?.value ?? 60;
  return {
    headline: formatValue('seconds', p95),
    comparison: null,
    detail: `projected ${formatValueText('usdPerDay', cost)}`,
    status: p95 !== undefined && p95 > limit ? { label: 'SLOW', tone: 'danger' } : ok,
  };
}

function readCompleteness(spec: ChartSpec, now: Now): Reading {
  const c = metric(now, spec.lines[0]?.metric ?? '');
  const dropped = metric(now, spec.lines[1]?.metric ?? '') ?? 0;
  return {
    headline: formatValue('ratio', c),
    comparison: null,
    detail: `${formatCompact(dropped)} late events dropped/min`,
    status: c !== undefined && c < 0.99 ? { label: 'INCOMPLETE', tone: 'danger' } : dropped > 0 ? { label: 'DROPPING', tone: 'warn' } : ok,
  };
}

/** What a BI dashboard's audience sees: how old its data is, and whether it is stale or blank. */
export interface BiReading {
  /** Wall-clock time the data is as of, `08:51`; null before any load. */
  asOf: string | null;
  ago: string;
  freshness: number | null;
  blank: boolean;
  stale: boolean;
  status: Status;
}

/** Reads a BI dashboard's state from its metrics. */
export function readBi(spec: BiSpec, now: Now): BiReading {
  const f = metric(now, spec.freshnessMetric);
  const blank = metric(now, spec.blankMetric) === 1;
  const stale = f !== undefined && spec.slaS !== null && f > spec.slaS;
  let status: Status = { label: 'FRESH', tone: 'ok' };
  if (blank) status = { label: 'BLANK', tone: 'danger' };
  else if (stale) status = { label: 'STALE', tone: 'warn' };
  else if (f === undefined) status = { label: 'NO DATA', tone: 'neutral' };
  return {
    asOf: f === undefined ? null : clockLabel(now.clock, now.t - f),
    ago: f === undefined ? '' : formatAgo(f),
    freshness: f ?? null,
    blank,
    stale,
    status,
  };
}
