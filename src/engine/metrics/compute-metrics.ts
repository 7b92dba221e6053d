import type { Scenario } from '../../scenarios/schema';
import { lakeMetrics } from './lake-metrics';
import { orchestrationMetrics } from './orchestration-metrics';
import type { SimState } from '../state';
import type { Accounting } from '../world/accounting';
import { backfillRemaining } from '../world/step-backfill';
import { taskCounts } from '../world/step-dags';

interface JobKeys {
  id: string;
  partitionLag: string[];
  lag: string;
  consumeRate: string;
  running: string;
  readerRegistry: string;
  restarts: string;
  errorRate: string;
  dlqDepth: string;
  instances: string;
  backfillRemaining: string;
  /** Poll-loop metrics, for jobs that model their poll loop (absent keys keep other scenarios' state unchanged). */
  poll: { rebalances: string; commitFailures: string; pollLoopS: string; sinkTimeoutMs: string; idempotentSink: string };
  duplicates: string;
  nullRatios: { column: string; key: string; baseline: number }[];
  critical: boolean;
}

interface MetricKeys {
  producers: { id: string; rate: string }[];
  jobs: JobKeys[];
  tables: { id: string; freshness: string; rows: string; duplicates: string; nullRatios: { key: string; baseline: number }[] }[];
  dashboards: { table: string; freshness: string; blank: string; blankAfterS: number }[];
  dags: { id: string; queued: string; running: string; failed: string; paused: string }[];
  flags: { id: string; on: string }[];
}

const keyCache = new WeakMap<Scenario, MetricKeys>();

// Metrics objects that hold every table's default duplicates and null ratios.
const defaultsFilled = new WeakSet<Record<string, number>>();

// Metric names are built once per scenario, not on every tick.
function keysFor(s: Scenario): MetricKeys {
  const hit = keyCache.get(s);
  if (hit) return hit;
  const w = s.world;
  const keys: MetricKeys = {
    producers: w.producers.map((p) => ({ id: p.id, rate: `producer.${p.id}.rate` })),
    jobs: w.jobs.map((j) => {
      const table = w.tables.find((t) => t.id === j.sink.table);
      const partitions = w.topics.find((t) => t.id === j.topic)?.partitions ?? 0;
      return {
        id: j.id,
        partitionLag: Array.from({ length: partitions }, (_, i) => `job.${j.id}.lag:${i}`),
        lag: `job.${j.id}.lag`,
        consumeRate: `job.${j.id}.consumeRate`,
        running: `job.${j.id}.running`,
        readerRegistry: `job.${j.id}.readerRegistry`,
        restarts: `job.${j.id}.restarts`,
        errorRate: `job.${j.id}.errorRate`,
        dlqDepth: `job.${j.id}.dlqDepth`,
        instances: `job.${j.id}.instances`,
        backfillRemaining: `job.${j.id}.backfillRemaining`,
        poll: { rebalances: `job.${j.id}.rebalances`, commitFailures: `job.${j.id}.commitFailures`, pollLoopS: `job.${j.id}.pollLoopS`, sinkTimeoutMs: `job.${j.id}.sinkTimeoutMs`, idempotentSink: `job.${j.id}.idempotentSink` },
        duplicates: `table.${j.sink.table}.duplicates`,
        nullRatios: (table?.columns ?? []).map((column) => ({ column, key: `table.${j.sink.table}.nullRatio:${column}`, baseline: table?.nullBaseline[column] ?? 0 })),
        critical: j.critical,
      };
    }),
    tables: w.tables.map((t) => ({
      id: t.id,
      freshness: `table.${t.id}.freshnessS`,
      rows: `table.${t.id}.rows`,
      duplicates: `table.${t.id}.duplicates`,
      nullRatios: t.columns.map((c) => ({ key: `table.${t.id}.nullRatio:${c}`, baseline: t.nullBaseline[c] ?? 0 })),
    })),
    dashboards: w.dashboards.map((d) => ({ table: `table.${d.table}.freshnessS`, freshness: `dashboard.${d.id}.freshnessS`, blank: `dashboard.${d.id}.blank`, blankAfterS: d.blankAfterS })),
    dags: w.dags.map((d) => ({ id: d.id, queued: `dag.${d.id}.queuedTasks`, running: `dag.${d.id}.runningTasks`, failed: `dag.${d.id}.failedRuns`, paused: `dag.${d.id}.paused` })),
    flags: w.flags.map((f) => ({ id: f.id, on: `flag.${f.id}.on` })),
  };
  keyCache.set(s, keys);
  return keys;
}

/**
 * Computes every metric of the world from its state, keyed by metric reference
 * (`job.orders-enricher.lag`). Per-partition lag is keyed `job.<id>.lag:<partition>`. `accounts`
 * holds each job's data accounting, in the order of the scenario's jobs.
 */
export function computeMetrics(s: Scenario, state: SimState, accounts: readonly Accounting[]): Record<string, number> {
  // Written over the previous tick's object: the keys are the same every tick.
  const m = state.metrics;
  const w = state.world;
  const t = state.t;
  const k = keysFor(s);
  for (const p of k.producers) m[p.rate] = round2(w.producers[p.id]?.lastRate ?? 0);
  let produced = 0;
  let pending = 0;
  let delivered = 0;
  let dlq = 0;
  let lost = 0;
  let duplicates = 0;
  const jobSpecs = s.world.jobs;
  for (let j = 0; j < k.jobs.length; j++) {
    const jk = k.jobs[j] as JobKeys;
    const job = w.jobs[jk.id];
    const topic = w.topics[jobSpecs[j]?.topic ?? ''];
    const account = accounts[j];
    if (!job || !topic || !account) continue;
    let lag = 0;
    const parts = topic.partitions;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] as (typeof parts)[number];
      const c = job.committed[i] as number;
      const partLag = Math.max(0, p.logEnd - (c > p.logStart ? c : p.logStart));
      m[jk.partitionLag[i] as string] = partLag;
      lag += partLag;
    }
    m[jk.lag] = lag;
    m[jk.consumeRate] = round2(job.consumedLastTick / s.clock.tickS);
    m[jk.running] = job.status === 'RUNNING' ? 1 : 0;
    m[jk.readerRegistry] = job.readerMode === 'registry' ? 1 : 0;
    m[jk.restarts] = job.numRestarts;
    m[jk.errorRate] = round2((job.errorsLastTick * 60) / s.clock.tickS);
    m[jk.dlqDepth] = account.dlq;
    m[jk.instances] = job.instances;
    m[jk.backfillRemaining] = backfillRemaining(job);
    if (job.poll) {
      m[jk.poll.rebalances] = job.poll.rebalances;
      m[jk.poll.commitFailures] = job.poll.commitFailures;
      m[jk.poll.pollLoopS] = job.poll.lastLoopS;
      m[jk.poll.sinkTimeoutMs] = job.poll.sinkTimeoutMs ?? 0;
      m[jk.poll.idempotentSink] = (job.idempotentSink ?? jobSpecs[j]?.sink.idempotent) ? 1 : 0;
    }
    m[jk.duplicates] = account.duplicates;
    const rows = account.delivered + account.duplicates;
    for (const nr of jk.nullRatios) {
      const nulls = (account.nulls[nr.column] ?? 0) + rows * nr.baseline;
      m[nr.key] = rows > 0 ? round4(Math.min(1, nulls / rows)) : 0;
    }
    if (jk.critical) {
      produced += account.produced;
      pending += account.pending;
      delivered += account.delivered;
      dlq += account.dlq;
      lost += account.lost;
      duplicates += account.duplicates;
    }
  }
  m['records.produced'] = produced;
  m['records.pending'] = pending;
  m['records.delivered'] = delivered;
  m['records.dlq'] = dlq;
  m['records.lost'] = lost;
  m['records.duplicates'] = duplicates;
  // A table's duplicates and null ratios start at their healthy values; only a metrics object that
  // has not had them yet is filled in (they are never removed, and each tick would re-read them all).
  const fillDefaults = !defaultsFilled.has(m);
  let everyTable = true;
  for (const tk of k.tables) {
    const table = w.tables[tk.id];
    if (!table) {
      everyTable = false;
      continue;
    }
    m[tk.freshness] = Math.max(0, t - table.loadedThrough);
    m[tk.rows] = table.rows;
    if (!fillDefaults) continue;
    m[tk.duplicates] ??= 0;
    for (const nr of tk.nullRatios) m[nr.key] ??= nr.baseline;
  }
  if (fillDefaults && everyTable) defaultsFilled.add(m);
  for (const dk of k.dashboards) {
    const freshness = m[dk.table] ?? 0;
    m[dk.freshness] = freshness;
    m[dk.blank] = freshness > dk.blankAfterS ? 1 : 0;
  }
  for (const dk of k.dags) {
    const dag = w.dags[dk.id];
    if (!dag) continue;
    const tasks = taskCounts(dag);
    m[dk.queued] = tasks.queued;
    m[dk.running] = tasks.running;
    m[dk.failed] = dag.failedRuns;
    m[dk.paused] = dag.paused ? 1 : 0;
  }
  for (const fk of k.flags) m[fk.on] = w.flags[fk.id] ? 1 : 0;
  lakeMetrics(s, state, m);
  orchestrationMetrics(s, state, m);
  return m;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
