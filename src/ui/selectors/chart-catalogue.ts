import type { PlayerView, SeriesState } from '../../engine';
import type { Unit } from './format';
import { schedulerSpecs, windowedTableSpecs } from './orchestration-charts';

/** The platform's public topology, as the player's view carries it. */
export type Topology = PlayerView['scenario']['topology'];

/** One of the six chart colours of the design tokens (`--chart-1` … `--chart-6`). */
export type ChartColor = 1 | 2 | 3 | 4 | 5 | 6;

/** One plotted series of a chart. */
export interface SeriesLine {
  /** Key of the value in a chart row (`s0`, `s1` …); metric keys hold dots, which charting libraries read as paths. */
  dataKey: string;
  metric: string;
  label: string;
  color: ChartColor;
  axis: 'left' | 'right';
  shape: 'line' | 'step' | 'area';
  stacked: boolean;
  /** Drawn dashed, on top: a reference series that another often covers exactly. */
  dashed: boolean;
}

/** What a chart card is about. */
export type ChartKind = 'freshness' | 'lag' | 'throughput' | 'health' | 'nullRatio' | 'dlq' | 'rows' | 'files' | 'queryCost' | 'completeness' | 'scheduler' | 'volume';

/** A time-series chart card, before any data is attached. */
export interface ChartSpec {
  type: 'chart';
  id: string;
  kind: ChartKind;
  title: string;
  scope: string;
  unit: Unit;
  rightUnit: Unit | null;
  lines: SeriesLine[];
  reference: { value: number; label: string } | null;
  /** The job whose health the card shows, when it is about one. */
  job: string | null;
  /** Producer rate metrics feeding the job's topic. */
  producers: string[];
}

/** A business-intelligence dashboard as its audience sees it. */
export interface BiSpec {
  type: 'bi';
  id: string;
  title: string;
  audience: string;
  table: string;
  slaS: number | null;
  freshnessMetric: string;
  blankMetric: string;
}

/** Any card of the dashboards grid. */
export type CardSpec = ChartSpec | BiSpec;

/** Null ratios above this share of rows are a spike worth a badge, unless an alert watches the column. */
export const nullRatioThreshold = 0.05;

/**
 * Where a column's null ratio becomes a spike when no alert watches it: the default 5%, or twice
 * the column's healthy baseline when it is legitimately sparse (a campaign column null on direct traffic).
 */
export function fallbackNullThreshold(baseline: number | undefined): number {
  return Math.max(nullRatioThreshold, 2 * (baseline ?? 0));
}

/** The alert rules the player can see, as the player's view carries them. */
export type AlertRules = PlayerView['scenario']['alerts'];

/**
 * The threshold an alert fires above for a metric, so a card never reads OK while its own page
 * fires (a 1% null alert on a card that assumed 5%).
 */
function alertThreshold(alerts: AlertRules, metric: string): number | null {
  for (const a of alerts) {
    const when = a.when as { metric?: string; op?: string; value?: number };
    if (when.metric === metric && (when.op === '>' || when.op === '>=') && typeof when.value === 'number') return when.value;
  }
  return null;
}

function percentLabel(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

const colors: readonly ChartColor[] = [1, 2, 3, 4, 5, 6];
const colorAt = (i: number): ChartColor => colors[i % colors.length] as ChartColor;

function line(metric: string, label: string, index: number, color: ChartColor, shape: SeriesLine['shape'], axis: SeriesLine['axis'] = 'left', stacked = false): SeriesLine {
  return { dataKey: `s${index}`, metric, label, color, axis, shape, stacked, dashed: false };
}

/**
 * The tables that matter most: those a critical job or DAG writes, and everything built from
 * them downstream.
 */
function criticalTables(topology: Topology): Set<string> {
  const critical = new Set<string>();
  for (const j of topology.jobs) if (j.critical) critical.add(j.table);
  for (const d of topology.dags) if (d.critical) critical.add(d.writes);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of topology.dags) {
      if (critical.has(d.reads) && !critical.has(d.writes)) {
        critical.add(d.writes);
        grew = true;
      }
    }
  }
  return critical;
}

function tableSpecs(topology: Topology, series: SeriesState, table: string, alerts: AlertRules): ChartSpec[] {
  const sla = topology.tables.find((t) => t.id === table)?.freshnessSlaS ?? null;
  const specs: ChartSpec[] = [
    {
      type: 'chart',
      id: `table:${table}:freshness`,
      kind: 'freshness',
      title: `${table} freshness`,
      scope: sla === null ? 'age of newest row' : `SLA ${Math.round(sla / 60)} min`,
      unit: 'seconds',
      rightUnit: null,
      lines: [line(`table.${table}.freshnessS`, 'Freshness', 0, 1, 'area')],
      reference: sla === null ? null : { value: sla, label: 'SLA' },
      job: null,
      producers: [],
    },
  ];
  const prefix = `table.${table}.nullRatio:`;
  for (const key of Object.keys(series.values)) {
    if (!key.startsWith(prefix) || !(series.values[key] ?? []).some((v) => v > 0)) continue;
    const column = key.slice(prefix.length);
    const baseline = topology.tables.find((t) => t.id === table)?.nullBaseline?.[column];
    const threshold = alertThreshold(alerts, key) ?? fallbackNullThreshold(baseline);
    specs.push({
      type: 'chart',
      id: `table:${table}:nulls:${column}`,
      kind: 'nullRatio',
      title: 'Null ratio',
      scope: `${table}.${column}`,
      unit: 'ratio',
      rightUnit: null,
      lines: [line(key, `${column} nulls`, 0, 5, 'area')],
      reference: { value: threshold, label: percentLabel(threshold) },
      job: null,
      producers: [],
    });
  }
  return specs;
}

function rowsSpec(table: string): ChartSpec {
  return {
    type: 'chart',
    id: `table:${table}:rows`,
    kind: 'rows',
    title: 'Rows',
    scope: table,
    unit: 'rows',
    rightUnit: null,
    lines: [line(`table.${table}.rows`, 'Rows', 0, 3, 'line')],
    reference: null,
    job: null,
    producers: [],
  };
}

/**
 * Cards for what a job's table tracks beyond freshness, when its metrics exist: late events
 * dropped by the watermark against the table's completeness, and the table's file count and
 * query latency against its projected cost. Duplicate rows get no card: no monitor counts them
 * live; a uniqueness alert or a reconciliation query finds them.
 */
function lakeSpecs(series: SeriesState, table: string, jobId: string): ChartSpec[] {
  const has = (key: string) => key in series.values;
  const base = { type: 'chart' as const, job: null, producers: [] };
  const specs: ChartSpec[] = [];
  if (has(`table.${table}.completeness`) && has(`job.${jobId}.lateDropRate`)) {
    specs.push({
      ...base,
      id: `table:${table}:completeness`,
      kind: 'completeness',
      title: 'Completeness vs late drops',
      scope: `${table} · last 24 h`,
      unit: 'ratio',
      rightUnit: 'records',
      lines: [line(`table.${table}.completeness`, 'Completeness', 0, 3, 'line'), line(`job.${jobId}.lateDropRate`, 'Late dropped /min', 1, 6, 'area', 'right')],
      reference: null,
    });
  }
  if (has(`table.${table}.files`)) {
    specs.push({
      ...base,
      id: `table:${table}:files`,
      kind: 'files',
      title: 'Data files',
      scope: table,
      unit: 'files',
      rightUnit: null,
      lines: [line(`table.${table}.files`, 'Files', 0, 4, 'area')],
      reference: null,
    });
    specs.push({
      ...base,
      id: `table:${table}:query`,
      kind: 'queryCost',
      title: 'Query p95 & projected cost',
      scope: table,
      unit: 'seconds',
      rightUnit: 'usdPerDay',
      lines: [line(`table.${table}.queryP95S`, 'Query p95', 0, 1, 'line'), line(`table.${table}.costPerDayUsd`, 'Cost per day', 1, 5, 'line', 'right')],
      reference: { value: 60, label: '60 s' },
    });
  }
  return specs;
}

function jobSpecs(topology: Topology, job: Topology['jobs'][number]): ChartSpec[] {
  const partitions = topology.topics.find((t) => t.id === job.topic)?.partitions ?? 0;
  const producers = topology.producers.filter((p) => p.topic === job.topic);
  const producerRates = producers.map((p) => `producer.${p.id}.rate`);
  const base = { type: 'chart' as const, rightUnit: null, reference: null, job: job.id, producers: producerRates };
  return [
    {
      ...base,
      id: `job:${job.id}:lag`,
      kind: 'lag',
      title: 'Consumer lag by partition',
      scope: job.id,
      unit: 'records',
      lines: Array.from({ length: partitions }, (_, i) => line(`job.${job.id}.lag:${i}`, `p${i}`, i, colorAt(i), 'area', 'left', true)),
    },
    {
      ...base,
      id: `job:${job.id}:throughput`,
      kind: 'throughput',
      title: 'Produced vs consumed',
      scope: `rec/s · ${job.id}`,
      unit: 'recPerSec',
      lines: [
        ...producers.map((p, i) => ({ ...line(`producer.${p.id}.rate`, producers.length === 1 ? 'Produced' : `Produced (${p.id})`, i, i === 0 ? 2 : colorAt(i + 3), 'line'), dashed: true })),
        line(`job.${job.id}.consumeRate`, 'Consumed', producers.length, 1, 'line'),
      ],
    },
    {
      ...base,
      id: `job:${job.id}:health`,
      kind: 'health',
      title: 'Restarts & errors',
      scope: job.id,
      unit: 'restarts',
      rightUnit: 'errPerMin',
      lines: [line(`job.${job.id}.restarts`, 'Restarts', 0, 4, 'step'), line(`job.${job.id}.errorRate`, 'Errors', 1, 6, 'line', 'right')],
    },
    {
      ...base,
      id: `job:${job.id}:dlq`,
      kind: 'dlq',
      title: 'DLQ depth',
      scope: job.id,
      unit: 'records',
      lines: [line(`job.${job.id}.dlqDepth`, 'DLQ', 0, 2, 'area')],
    },
  ];
}

function biSpec(topology: Topology, d: Topology['dashboards'][number]): BiSpec {
  return {
    type: 'bi',
    id: `dashboard:${d.id}`,
    title: d.title,
    audience: d.audience,
    table: d.table,
    slaS: topology.tables.find((t) => t.id === d.table)?.freshnessSlaS ?? null,
    freshnessMetric: `dashboard.${d.id}.freshnessS`,
    blankMetric: `dashboard.${d.id}.blank`,
  };
}

/**
 * The cards of the dashboards grid, derived from the topology alone (no scenario-specific
 * code), most telling first: the dashboards leadership reads off critical tables; then, per
 * critical job, its table's freshness, consumer lag, produced vs consumed, restarts and errors,
 * null ratios, DLQ depth and rows; then the other dashboards and job-fed tables.
 */
export function chartCatalogue(topology: Topology, series: SeriesState, alerts: AlertRules = []): CardSpec[] {
  const critical = criticalTables(topology);
  const cards: CardSpec[] = [];
  const tablesDone = new Set<string>();
  for (const d of topology.dashboards) if (critical.has(d.table)) cards.push(biSpec(topology, d));
  for (const job of topology.jobs) {
    if (!job.critical) continue;
    const [freshness, ...nulls] = tablesDone.has(job.table) ? [] : tableSpecs(topology, series, job.table, alerts);
    if (freshness) cards.push(freshness);
    if (!tablesDone.has(job.table)) cards.push(...lakeSpecs(series, job.table, job.id));
    const [lag, throughput, health, dlq] = jobSpecs(topology, job) as [ChartSpec, ChartSpec, ChartSpec, ChartSpec];
    // Jobs that model their poll loop also chart their consumer group's rebalances.
    if (`job.${job.id}.rebalances` in series.values) {
      health.title = 'Restarts, rebalances & errors';
      health.lines.push(line(`job.${job.id}.rebalances`, 'Rebalances', 2, 5, 'step'));
    }
    cards.push(lag, throughput, health, ...nulls, dlq);
    if (!tablesDone.has(job.table)) cards.push(rowsSpec(job.table));
    tablesDone.add(job.table);
  }
  // With an orchestrator in the picture, tables a critical DAG builds get their freshness card too, then the scheduler and per-window checks.
  const scheduler = schedulerSpecs(series);
  for (const d of topology.dags) {
    if (scheduler.length === 0 || !d.critical || tablesDone.has(d.writes)) continue;
    tablesDone.add(d.writes);
    cards.push(...tableSpecs(topology, series, d.writes, alerts));
  }
  // Per-window volume checks, unless the table already has that card.
  const windowed = windowedTableSpecs(topology, series).filter((w) => !cards.some((c) => c.id === w.id));
  cards.push(...windowed, ...scheduler);
  for (const d of topology.dashboards) if (!critical.has(d.table)) cards.push(biSpec(topology, d));
  for (const job of topology.jobs) {
    if (tablesDone.has(job.table)) continue;
    tablesDone.add(job.table);
    cards.push(...tableSpecs(topology, series, job.table, alerts), rowsSpec(job.table));
  }
  return cards;
}
