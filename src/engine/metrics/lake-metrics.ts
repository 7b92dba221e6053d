import type { Scenario } from '../../scenarios/schema';
import { lookup } from '../scenario-lookup';
import type { SimState } from '../state';
import { completeness, reprocessRemaining } from '../world/late-data';
import type { LateWindowState } from '../world/lake-state';
import { filesPerHour, liveFiles, queryProfile } from '../world/table-layout';

/**
 * The job whose event-time windows feed a table, walking up DAG builds (a mart built from
 * a job-fed table inherits what the job's watermark dropped).
 */
export function lateWindowsFeeding(s: Scenario, state: SimState, tableId: string): { jobId: string; lw: LateWindowState } | null {
  let table = tableId;
  for (let depth = 0; depth < 8; depth++) {
    const jobSpec = lookup(s).jobOfTable.get(table);
    if (jobSpec) {
      const lw = state.world.jobs[jobSpec.id]?.lateWindows;
      return lw ? { jobId: jobSpec.id, lw } : null;
    }
    const dag = lookup(s).dagOfTable.get(table);
    if (!dag) return null;
    table = dag.sensor.table;
  }
  return null;
}

/**
 * Writes the late-data and table-layout metrics, and folds what the watermark dropped (and
 * what dropped partitions deleted) into the data accounting: those records were read but are
 * missing from the tables, so they count as lost until a reprocess brings them back. Only
 * entities that declare these features get metrics, so other scenarios are unchanged.
 */
export function lakeMetrics(s: Scenario, state: SimState, m: Record<string, number>): void {
  const t = state.t;
  for (const spec of s.world.jobs) {
    const job = state.world.jobs[spec.id];
    const lw = job?.lateWindows;
    if (!job || !lw) continue;
    m[`job.${spec.id}.lateDropped`] = lw.droppedTotal;
    m[`job.${spec.id}.lateDropRate`] = Math.round((lw.droppedLastTick * 60) / s.clock.tickS);
    m[`job.${spec.id}.allowedLatenessS`] = lw.allowedLatenessS;
    m[`job.${spec.id}.reprocessRemaining`] = reprocessRemaining(lw);
    if (spec.critical) moveToLost(m, lw.outstanding, lw.duplicates);
    const rowsKey = `table.${spec.sink.table}.rows`;
    m[rowsKey] = (m[rowsKey] ?? 0) - lw.outstanding + lw.duplicates;
    if (lw.duplicates > 0) m[`table.${spec.sink.table}.duplicates`] = (m[`table.${spec.sink.table}.duplicates`] ?? 0) + lw.duplicates;
  }
  for (const spec of s.world.tables) {
    const table = state.world.tables[spec.id];
    if (!table) continue;
    const feeding = lateWindowsFeeding(s, state, spec.id);
    if (feeding) m[`table.${spec.id}.completeness`] = Math.round(completeness(feeding.lw, t) * 10_000) / 10_000;
    if (feeding || table.provisionalS !== undefined) m[`table.${spec.id}.provisional`] = (table.provisionalS ?? 0) > 0 ? 1 : 0;
    const layout = table.layout;
    if (!layout || !spec.layout) continue;
    const perHour = filesPerHour(s, state, spec.id);
    const q = queryProfile(spec.layout, layout, perHour);
    const files = liveFiles(layout);
    m[`table.${spec.id}.files`] = files;
    m[`table.${spec.id}.avgFileMb`] = files > 0 ? Math.round((q.mb / files) * 100) / 100 : 0;
    m[`table.${spec.id}.filesPerHour`] = perHour;
    m[`table.${spec.id}.queryP95S`] = Math.round(q.p95S * 10) / 10;
    m[`table.${spec.id}.costPerDayUsd`] = Math.round(q.costPerDayUsd.total);
    m[`table.${spec.id}.compactionRemainingMb`] = Math.round(layout.compaction?.remainingMb ?? 0);
    m[`table.${spec.id}.deletedRows`] = layout.deletedRows;
    const jobSpec = lookup(s).jobOfTable.get(spec.id);
    if (jobSpec?.critical) moveToLost(m, layout.deletedRows, 0);
  }
  for (const d of s.world.dashboards) {
    if (!d.kpi) continue;
    const c = m[`table.${d.table}.completeness`] ?? 1;
    m[`dashboard.${d.id}.kpi`] = Math.round(d.kpi.value * c * 10 ** d.kpi.decimals) / 10 ** d.kpi.decimals;
  }
}

function moveToLost(m: Record<string, number>, missing: number, duplicates: number): void {
  if (missing > 0) {
    m['records.delivered'] = (m['records.delivered'] ?? 0) - missing;
    m['records.lost'] = (m['records.lost'] ?? 0) + missing;
  }
  if (duplicates > 0) m['records.duplicates'] = (m['records.duplicates'] ?? 0) + duplicates;
}
