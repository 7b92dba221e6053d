import type { Scenario } from '../../scenarios/schema';
import { lookup } from '../scenario-lookup';
import type { SimState } from '../state';
import { completeness, reprocessRemaining } from '../world/late-data';
import type { LateWindowState } from '../world/lake-state';
import { filesPerHour, liveFiles, queryProfile } from '../world/table-layout';

/**
 * The job whose event-time windows feed a table, walking up DAG builds (a mart built from a
 * job-fed table inherits what the job's watermark dropped); null when none does. The topology
 * is fixed, so this depends on the scenario alone.
 */
function lateJobFeeding(s: Scenario, tableId: string): string | null {
  let table = tableId;
  for (let depth = 0; depth < 8; depth++) {
    const jobSpec = lookup(s).jobOfTable.get(table);
    if (jobSpec) return jobSpec.allowedLatenessS !== undefined ? jobSpec.id : null;
    const dag = lookup(s).dagOfTable.get(table);
    if (!dag) return null;
    table = dag.sensor.table;
  }
  return null;
}

/** The job whose event-time windows feed a table, with their state, if any. */
export function lateWindowsFeeding(s: Scenario, state: SimState, tableId: string): { jobId: string; lw: LateWindowState } | null {
  const jobId = lateJobFeeding(s, tableId);
  const lw = jobId === null ? undefined : state.world.jobs[jobId]?.lateWindows;
  return jobId !== null && lw ? { jobId, lw } : null;
}

interface LateJobKeys {
  id: string;
  critical: boolean;
  lateDropped: string;
  lateDropRate: string;
  allowedLatenessS: string;
  reprocessRemaining: string;
  rows: string;
  duplicates: string;
}

interface LayoutKeys {
  /** The layout the scenario declares for the table. */
  spec: NonNullable<Scenario['world']['tables'][number]['layout']>;
  files: string;
  avgFileMb: string;
  filesPerHour: string;
  queryP95S: string;
  costPerDayUsd: string;
  compactionRemainingMb: string;
  deletedRows: string;
  /** Rows its dropped partitions deleted count as lost when a critical job writes the table. */
  critical: boolean;
}

interface TableKeys {
  id: string;
  lateJob: string | null;
  completeness: string;
  provisional: string;
  layout: LayoutKeys | null;
}

interface Keys {
  jobs: LateJobKeys[];
  tables: TableKeys[];
  kpis: { kpi: string; completeness: string; value: number; decimals: number }[];
}

const cache = new WeakMap<Scenario, Keys>();

// Metric names are built once per scenario, not on every tick (as in compute-metrics.ts).
function keysFor(s: Scenario): Keys {
  const hit = cache.get(s);
  if (hit) return hit;
  const w = s.world;
  const keys: Keys = {
    jobs: w.jobs
      .filter((j) => j.allowedLatenessS !== undefined)
      .map((j) => ({
        id: j.id,
        critical: j.critical,
        lateDropped: `job.${j.id}.lateDropped`,
        lateDropRate: `job.${j.id}.lateDropRate`,
        allowedLatenessS: `job.${j.id}.allowedLatenessS`,
        reprocessRemaining: `job.${j.id}.reprocessRemaining`,
        rows: `table.${j.sink.table}.rows`,
        duplicates: `table.${j.sink.table}.duplicates`,
      })),
    tables: w.tables.map((t) => ({
      id: t.id,
      lateJob: lateJobFeeding(s, t.id),
      completeness: `table.${t.id}.completeness`,
      provisional: `table.${t.id}.provisional`,
      layout: t.layout
        ? {
            spec: t.layout,
            files: `table.${t.id}.files`,
            avgFileMb: `table.${t.id}.avgFileMb`,
            filesPerHour: `table.${t.id}.filesPerHour`,
            queryP95S: `table.${t.id}.queryP95S`,
            costPerDayUsd: `table.${t.id}.costPerDayUsd`,
            compactionRemainingMb: `table.${t.id}.compactionRemainingMb`,
            deletedRows: `table.${t.id}.deletedRows`,
            critical: lookup(s).jobOfTable.get(t.id)?.critical ?? false,
          }
        : null,
    })),
    kpis: w.dashboards.flatMap((d) => (d.kpi ? [{ kpi: `dashboard.${d.id}.kpi`, completeness: `table.${d.table}.completeness`, value: d.kpi.value, decimals: d.kpi.decimals }] : [])),
  };
  cache.set(s, keys);
  return keys;
}

/**
 * Writes the late-data and table-layout metrics, and folds what the watermark dropped (and
 * what dropped partitions deleted) into the data accounting: those records were read but are
 * missing from the tables, so they count as lost until a reprocess brings them back. Only
 * entities that declare these features get metrics, so other scenarios are unchanged.
 */
export function lakeMetrics(s: Scenario, state: SimState, m: Record<string, number>): void {
  const t = state.t;
  const k = keysFor(s);
  const w = state.world;
  for (const jk of k.jobs) {
    const lw = w.jobs[jk.id]?.lateWindows;
    if (!lw) continue;
    m[jk.lateDropped] = lw.droppedTotal;
    m[jk.lateDropRate] = Math.round((lw.droppedLastTick * 60) / s.clock.tickS);
    m[jk.allowedLatenessS] = lw.allowedLatenessS;
    m[jk.reprocessRemaining] = reprocessRemaining(lw);
    if (jk.critical) moveToLost(m, lw.outstanding, lw.duplicates);
    m[jk.rows] = (m[jk.rows] ?? 0) - lw.outstanding + lw.duplicates;
    if (lw.duplicates > 0) m[jk.duplicates] = (m[jk.duplicates] ?? 0) + lw.duplicates;
  }
  for (const tk of k.tables) {
    const table = w.tables[tk.id];
    if (!table) continue;
    const lw = tk.lateJob === null ? undefined : w.jobs[tk.lateJob]?.lateWindows;
    if (lw) m[tk.completeness] = Math.round(completeness(lw, t) * 10_000) / 10_000;
    if (lw || table.provisionalS !== undefined) m[tk.provisional] = (table.provisionalS ?? 0) > 0 ? 1 : 0;
    const layout = table.layout;
    const lk = tk.layout;
    if (!layout || !lk) continue;
    const perHour = filesPerHour(s, state, tk.id);
    const q = queryProfile(lk.spec, layout, perHour);
    const files = liveFiles(layout);
    m[lk.files] = files;
    m[lk.avgFileMb] = files > 0 ? Math.round((q.mb / files) * 100) / 100 : 0;
    m[lk.filesPerHour] = perHour;
    m[lk.queryP95S] = Math.round(q.p95S * 10) / 10;
    m[lk.costPerDayUsd] = Math.round(q.costPerDayUsd.total);
    m[lk.compactionRemainingMb] = Math.round(layout.compaction?.remainingMb ?? 0);
    m[lk.deletedRows] = layout.deletedRows;
    if (lk.critical) moveToLost(m, layout.deletedRows, 0);
  }
  for (const d of k.kpis) {
    const c = m[d.completeness] ?? 1;
    m[d.kpi] = Math.round(d.value * c * 10 ** d.decimals) / 10 ** d.decimals;
  }
}

function moveToLost(m: Record<string, number>, missing: number, duplicates: number): void {
  if (missing > 0) {
    m['records.delivered'] = (m['records.delivered'] ?? 0) - missing;
    m['records.lost'] = (m['records.lost'] ?? 0) + missing;
  }
  if (duplicates > 0) m['records.duplicates'] = (m['records.duplicates'] ?? 0) + duplicates;
}
