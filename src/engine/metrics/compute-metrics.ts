import type { Scenario } from '../../scenarios/schema';
import { lakeMetrics } from './lake-metrics';
import { orchestrationMetrics } from './orchestration-metrics';
import type { SimState } from '../state';
import type { Accounting } from '../world/accounting';
import { backfillRemaining } from '../world/step-backfill';
import { taskCounts } from '../world/step-dags';

/**
 * A metric only this module writes, with its place in the record of what was last written to
 * it. Keys other modules also write (a table's rows and duplicates, the `records.*` accounting)
 * stay plain names and are always written.
 */
interface OwnKey {
  name: string;
  slot: number;
}

interface JobKeys {
  id: string;
  partitionLag: OwnKey[];
  lag: OwnKey;
  consumeRate: OwnKey;
  running: OwnKey;
  readerRegistry: OwnKey;
  restarts: OwnKey;
  errorRate: OwnKey;
  dlqDepth: OwnKey;
  instances: OwnKey;
  backfillRemaining: OwnKey;
  /** Poll-loop metrics, for jobs that model their poll loop (absent keys keep other scenarios' state unchanged). */
  poll: { rebalances: OwnKey; commitFailures: OwnKey; pollLoopS: OwnKey; sinkTimeoutMs: OwnKey; idempotentSink: OwnKey };
  duplicates: string;
  nullRatios: { column: string; key: OwnKey; baseline: number }[];
  critical: boolean;
}

interface MetricKeys {
  producers: { id: string; rate: OwnKey }[];
  jobs: JobKeys[];
  tables: { id: string; freshness: OwnKey; rows: string; duplicates: string; nullRatios: { key: string; baseline: number }[] }[];
  dashboards: { table: string; freshness: OwnKey; blank: OwnKey; blankAfterS: number }[];
  dags: { id: string; queued: OwnKey; running: OwnKey; failed: OwnKey; paused: OwnKey }[];
  flags: { id: string; on: OwnKey }[];
  /** How many own keys there are. */
  slots: number;
}

const keyCache = new WeakMap<Scenario, MetricKeys>();

// Metrics objects that hold every table's default duplicates and null ratios.
const defaultsFilled = new WeakSet<Record<string, number>>();

// Metric names are built once per scenario, not on every tick.
function keysFor(s: Scenario): MetricKeys {
  const hit = keyCache.get(s);
  if (hit) return hit;
  const w = s.world;
  // One slot per name: two jobs that write one table share its null-ratio keys.
  const slotOf = new Map<string, number>();
  const own = (name: string): OwnKey => {
    let slot = slotOf.get(name);
    if (slot === undefined) slotOf.set(name, (slot = slotOf.size));
    return { name, slot };
  };
  const keys: MetricKeys = {
    producers: w.producers.map((p) => ({ id: p.id, rate: own(`producer.${p.id}.rate`) })),
    jobs: w.jobs.map((j) => {
      const table = w.tables.find((t) => t.id === j.sink.table);
      const partitions = w.topics.find((t) => t.id === j.topic)?.partitions ?? 0;
      return {
        id: j.id,
        partitionLag: Array.from({ length: partitions }, (_, i) => own(`job.${j.id}.lag:${i}`)),
        lag: own(`job.${j.id}.lag`),
        consumeRate: own(`job.${j.id}.consumeRate`),
        running: own(`job.${j.id}.running`),
        readerRegistry: own(`job.${j.id}.readerRegistry`),
        restarts: own(`job.${j.id}.restarts`),
        errorRate: own(`job.${j.id}.errorRate`),
        dlqDepth: own(`job.${j.id}.dlqDepth`),
        instances: own(`job.${j.id}.instances`),
        backfillRemaining: own(`job.${j.id}.backfillRemaining`),
        poll: { rebalances: own(`job.${j.id}.rebalances`), commitFailures: own(`job.${j.id}.commitFailures`), pollLoopS: own(`job.${j.id}.pollLoopS`), sinkTimeoutMs: own(`job.${j.id}.sinkTimeoutMs`), idempotentSink: own(`job.${j.id}.idempotentSink`) },
        duplicates: `table.${j.sink.table}.duplicates`,
        nullRatios: (table?.columns ?? []).map((column) => ({ column, key: own(`table.${j.sink.table}.nullRatio:${column}`), baseline: table?.nullBaseline[column] ?? 0 })),
        critical: j.critical,
      };
    }),
    tables: w.tables.map((t) => ({
      id: t.id,
      freshness: own(`table.${t.id}.freshnessS`),
      rows: `table.${t.id}.rows`,
      duplicates: `table.${t.id}.duplicates`,
      nullRatios: t.columns.map((c) => ({ key: `table.${t.id}.nullRatio:${c}`, baseline: t.nullBaseline[c] ?? 0 })),
    })),
    dashboards: w.dashboards.map((d) => ({ table: `table.${d.table}.freshnessS`, freshness: own(`dashboard.${d.id}.freshnessS`), blank: own(`dashboard.${d.id}.blank`), blankAfterS: d.blankAfterS })),
    dags: w.dags.map((d) => ({ id: d.id, queued: own(`dag.${d.id}.queuedTasks`), running: own(`dag.${d.id}.runningTasks`), failed: own(`dag.${d.id}.failedRuns`), paused: own(`dag.${d.id}.paused`) })),
    flags: w.flags.map((f) => ({ id: f.id, on: own(`flag.${f.id}.on`) })),
    slots: 0,
  };
  keys.slots = slotOf.size;
  keyCache.set(s, keys);
  return keys;
}

/**
 * What this module last wrote to each own key of a metrics object (NaN: nothing yet). The metrics
 * object is a hash table of a hundred keys and most hold the same value from one tick to the next:
 * a value equal to the one written last is already there, so it is not written again.
 */
const lastWritten = new WeakMap<Record<string, number>, Float64Array>();

function writtenFor(m: Record<string, number>, slots: number): Float64Array {
  let written = lastWritten.get(m);
  if (!written || written.length !== slots) {
    written = new Float64Array(slots).fill(Number.NaN);
    lastWritten.set(m, written);
  }
  return written;
}

// Writes an own key unless it already holds the value.
function put(m: Record<string, number>, written: Float64Array, key: OwnKey, value: number): void {
  if (written[key.slot] === value) return;
  m[key.name] = value;
  written[key.slot] = value;
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
  const written = writtenFor(m, k.slots);
  for (const p of k.producers) put(m, written, p.rate, round2(w.producers[p.id]?.lastRate ?? 0));
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
      put(m, written, jk.partitionLag[i] as OwnKey, partLag);
      lag += partLag;
    }
    put(m, written, jk.lag, lag);
    put(m, written, jk.consumeRate, round2(job.consumedLastTick / s.clock.tickS));
    put(m, written, jk.running, job.status === 'RUNNING' ? 1 : 0);
    put(m, written, jk.readerRegistry, job.readerMode === 'registry' ? 1 : 0);
    put(m, written, jk.restarts, job.numRestarts);
    put(m, written, jk.errorRate, round2((job.errorsLastTick * 60) / s.clock.tickS));
    put(m, written, jk.dlqDepth, account.dlq);
    put(m, written, jk.instances, job.instances);
    put(m, written, jk.backfillRemaining, backfillRemaining(job));
    if (job.poll) {
      put(m, written, jk.poll.rebalances, job.poll.rebalances);
      put(m, written, jk.poll.commitFailures, job.poll.commitFailures);
      put(m, written, jk.poll.pollLoopS, job.poll.lastLoopS);
      put(m, written, jk.poll.sinkTimeoutMs, job.poll.sinkTimeoutMs ?? 0);
      put(m, written, jk.poll.idempotentSink, (job.idempotentSink ?? jobSpecs[j]?.sink.idempotent) ? 1 : 0);
    }
    m[jk.duplicates] = account.duplicates;
    const rows = account.delivered + account.duplicates;
    for (const nr of jk.nullRatios) {
      const nulls = (account.nulls[nr.column] ?? 0) + rows * nr.baseline;
      put(m, written, nr.key, rows > 0 ? round4(Math.min(1, nulls / rows)) : 0);
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
    put(m, written, tk.freshness, Math.max(0, t - table.loadedThrough));
    m[tk.rows] = table.rows;
    if (!fillDefaults) continue;
    m[tk.duplicates] ??= 0;
    for (const nr of tk.nullRatios) m[nr.key] ??= nr.baseline;
  }
  if (fillDefaults && everyTable) defaultsFilled.add(m);
  for (const dk of k.dashboards) {
    const freshness = m[dk.table] ?? 0;
    put(m, written, dk.freshness, freshness);
    put(m, written, dk.blank, freshness > dk.blankAfterS ? 1 : 0);
  }
  for (const dk of k.dags) {
    const dag = w.dags[dk.id];
    if (!dag) continue;
    const tasks = taskCounts(dag);
    put(m, written, dk.queued, tasks.queued);
    put(m, written, dk.running, tasks.running);
    put(m, written, dk.failed, dag.failedRuns);
    put(m, written, dk.paused, dag.paused ? 1 : 0);
  }
  for (const fk of k.flags) put(m, written, fk.on, w.flags[fk.id] ? 1 : 0);
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
