import type { JobSpec, Scenario } from '../../scenarios/schema';
import { jobReader } from '../world/job-reader';
import type { LedgerRun, SimState } from '../state';
import { accountJob } from '../world/accounting';
import { offsetAt, timeAt } from '../world/offset-index';
import { countRange, type RangeCounts } from '../world/record-math';
import { apportion } from './apportion';
import { cell, type Cell } from './cells';
import { truncTo } from './warehouse-clock';

/** Width of the slices a job-fed table is cut into (five minutes, aligned on the warehouse clock). */
export const jobCellS = 300;

/** A job-fed table's slices before they are scaled to the engine's totals: weights from the ledger. */
interface Weighted {
  cell: Cell;
  delivered: number;
  duplicates: number;
  nulls: Record<string, number>;
}

/**
 * The rows a streaming job wrote into its table, per partition and five-minute slice of event
 * time: the ledger's runs over each slice's offsets, counted by the same `countRange` the data
 * accounting uses. Slices are the shape; the totals are the engine's own (rows and duplicates
 * from the table metrics, nulls from the accounting), spread over the slices by largest remainder.
 */
export function jobCells(s: Scenario, state: SimState, tableId: string): Cell[] {
  const jobs = s.world.jobs.filter((j) => j.sink.table === tableId);
  // Appended in a loop: flatMap copies element by element through the generic path, slowly for hundreds of slices.
  const weighted: Weighted[] = [];
  for (const j of jobs) for (const w of ledgerSlices(s, state, j)) weighted.push(w);
  const spec = s.world.tables.find((t) => t.id === tableId);
  const lw = jobs.map((j) => state.world.jobs[j.id]?.lateWindows).find((x) => x !== undefined);
  if (lw) subtractDropped(weighted, lw.buckets);
  const rows = state.metrics[`table.${tableId}.rows`] ?? state.world.tables[tableId]?.rows ?? 0;
  const duplicates = state.metrics[`table.${tableId}.duplicates`] ?? 0;
  const rowParts = apportion(rows, weighted.map((w) => w.delivered + w.duplicates));
  const dupWeights = weighted.map((w) => w.duplicates);
  const dupParts = apportion(duplicates, dupWeights.some((d) => d > 0) ? dupWeights : rowParts);
  weighted.forEach((w, i) => {
    w.cell.rows = rowParts[i] as number;
    w.cell.duplicates = Math.min(w.cell.rows, dupParts[i] as number);
  });
  // Null totals as the table metrics compute them: nulls the readers wrote plus the healthy baseline.
  const accounts = jobs.map((j) => accountJob(s, state, j.id));
  const accountRows = accounts.reduce((n, a) => n + a.delivered + a.duplicates, 0);
  for (const column of spec?.columns ?? []) {
    const baseline = spec?.nullBaseline[column] ?? 0;
    const written = accounts.reduce((n, a) => n + (a.nulls[column] ?? 0), 0);
    const total = Math.min(rows, Math.round(written + accountRows * baseline));
    if (total <= 0) continue;
    const parts = apportion(total, weighted.map((w) => (w.nulls[column] ?? 0) + (w.delivered + w.duplicates) * baseline));
    weighted.forEach((w, i) => {
      if ((parts[i] as number) > 0) w.cell.nulls[column] = Math.min(w.cell.rows, parts[i] as number);
    });
  }
  return weighted.map((w) => w.cell).filter((c) => c.rows > 0);
}

function ledgerSlices(s: Scenario, state: SimState, spec: JobSpec): Weighted[] {
  const job = state.world.jobs[spec.id];
  const topic = state.world.topics[spec.topic];
  if (!job || !topic) return [];
  const ws = s.clock.worldStartS;
  const now = state.t;
  const reader = jobReader(s, spec);
  const out: Weighted[] = [];
  topic.partitions.forEach((p, partition) => {
    const ledger = (job.ledger[partition] ?? []) as LedgerRun[];
    const processedTo = ledger.length > 0 ? (ledger[ledger.length - 1] as LedgerRun).to : p.base;
    let r = 0;
    let a = Math.max(ws, truncTo(s, ws, jobCellS));
    // A slice starts where the one before it ended, so its first offset is that slice's end; every
    // slice but the first starts on a boundary, so the next boundary is one width on.
    let oa = offsetAt(p, ws, now, a);
    let boundary = truncTo(s, a, jobCellS) + jobCellS;
    while (a < now) {
      const b = Math.min(now, boundary);
      boundary += jobCellS;
      const ob = b >= now ? p.logEnd : offsetAt(p, ws, now, b);
      const counts: RangeCounts = { delivered: 0, duplicates: 0, dlq: 0, lost: 0, nulls: {} };
      let duplicates = 0;
      while (r < ledger.length && (ledger[r] as LedgerRun).to <= oa) r += 1;
      for (let k = r; k < ledger.length; k++) {
        const run = ledger[k] as LedgerRun;
        if (run.from >= ob) break;
        const lo = Math.max(oa, run.from);
        const hi = Math.min(ob, run.to);
        if (hi <= lo) continue;
        countRange(run, p.segments, lo, hi, p.logEnd, reader, counts);
        duplicates += (run.duplicates * (hi - lo)) / Math.max(1, run.to - run.from);
      }
      if (counts.delivered + duplicates > 0) {
        const lastOffset = Math.min(ob, processedTo) - 1;
        const last = Math.min(b - 1, Math.max(a, timeAt(p, ws, now, lastOffset)));
        out.push({ cell: cell(a, b, last, partition, 0, 0, [oa, Math.min(ob, processedTo)]), delivered: counts.delivered, duplicates, nulls: counts.nulls });
      }
      a = b;
      oa = ob;
    }
  });
  return out;
}

// What the watermark dropped is missing from the aggregates: each arrival hour's drops come off that hour's slices.
function subtractDropped(weighted: Weighted[], buckets: readonly { hour: number; dropped: number }[]): void {
  for (const b of buckets) {
    if (b.dropped <= 0) continue;
    const inHour = weighted.filter((w) => Math.floor(w.cell.from / 3600) === b.hour);
    const parts = apportion(b.dropped, inHour.map((w) => w.delivered));
    inHour.forEach((w, i) => (w.delivered = Math.max(0, w.delivered - (parts[i] as number))));
  }
}
