import type { Scenario } from '../../scenarios/schema';
import type { TableLayoutSpec } from '../../scenarios/schema/lake';
import { lookup } from '../scenario-lookup';
import type { SimState } from '../state';
import { appendJobLog } from './job-log';
import type { TableLayoutState } from './lake-state';

/** S3 request prices (us-east-1, standard): GET per request, LIST and PUT per request. */
export const s3Prices = { getUsd: 0.0004 / 1000, listUsd: 0.005 / 1000, putUsd: 0.005 / 1000 } as const;

/** Fresh layout state from a table's declared layout. */
export function createLayout(spec: TableLayoutSpec, start: number): TableLayoutState {
  return {
    partitionBy: spec.partitionBy,
    keyCardinality: spec.keyCardinality,
    commitIntervalS: spec.commitIntervalS,
    targetFileMb: spec.targetFileMb,
    smallFiles: spec.startFiles,
    smallMb: spec.startMb,
    bigFiles: spec.startLargeFiles,
    bigMb: spec.startLargeMb,
    pendingMb: 0,
    lastCommitAt: start,
    parallelism: spec.query.parallelism,
    usdPerComputeS: spec.query.usdPerComputeS,
    compaction: null,
    deletedRows: 0,
  };
}

/** Partitions a writer has open at once under a layout. */
export function openPartitions(layout: TableLayoutState): number {
  return layout.partitionBy === 'hour-and-key' ? layout.keyCardinality : 1;
}

/** Files one commit closes: one per writer and open partition, more when a file rolls at the target size. */
export function filesPerCommit(layout: TableLayoutState, writers: number, mb: number, records: number): number {
  const open = writers * openPartitions(layout);
  const perFile = mb / open;
  const files = open * Math.max(1, Math.ceil(perFile / layout.targetFileMb));
  return Math.min(files, Math.max(records, 0));
}

/**
 * Advances every laid-out table by one tick: the writing job's output accumulates until the
 * commit interval passes, then becomes files; a running compaction rewrites small files into
 * target-size ones at its rate.
 */
export function stepTableLayouts(s: Scenario, state: SimState): void {
  for (const spec of s.world.tables) {
    const layout = state.world.tables[spec.id]?.layout;
    if (!layout || !spec.layout) continue;
    const jobSpec = lookup(s).jobOfTable.get(spec.id);
    const job = jobSpec && state.world.jobs[jobSpec.id];
    if (job && jobSpec) {
      const partitions = state.world.topics[jobSpec.topic]?.partitions.length ?? 1;
      const writers = Math.min(job.instances, partitions);
      const records = job.consumedLastTick;
      layout.pendingMb += (records * spec.layout.bytesPerRecord) / 1_048_576;
      const recordsPerCommit = (records / s.clock.tickS) * layout.commitIntervalS;
      if (state.t - layout.lastCommitAt >= layout.commitIntervalS) {
        const commits = Math.floor((state.t - layout.lastCommitAt) / layout.commitIntervalS);
        layout.lastCommitAt += commits * layout.commitIntervalS;
        const files = filesPerCommit(layout, writers, layout.pendingMb / commits, recordsPerCommit) * commits;
        if (layout.pendingMb > 0 && files > 0) {
          const avg = layout.pendingMb / files;
          if (avg >= layout.targetFileMb / 4) {
            layout.bigFiles += files;
            layout.bigMb += layout.pendingMb;
          } else {
            layout.smallFiles += files;
            layout.smallMb += layout.pendingMb;
          }
        }
        layout.pendingMb = 0;
      }
    }
    stepCompaction(s, state, spec.id, layout, jobSpec?.id);
  }
}

function stepCompaction(s: Scenario, state: SimState, tableId: string, layout: TableLayoutState, jobId: string | undefined): void {
  const c = layout.compaction;
  if (!c) return;
  const mb = Math.min(c.remainingMb, c.mbPerS * s.clock.tickS, layout.smallMb);
  if (mb > 0 && layout.smallFiles > 0) {
    const avg = layout.smallMb / layout.smallFiles;
    const removed = Math.min(layout.smallFiles, mb / avg);
    layout.smallFiles -= removed;
    layout.smallMb -= mb;
    layout.bigFiles += Math.max(1, mb / c.targetFileMb);
    layout.bigMb += mb;
  }
  c.remainingMb -= mb;
  if (c.remainingMb <= 0.001 || layout.smallMb <= 0.001) {
    const job = jobId ? state.world.jobs[jobId] : undefined;
    if (job) appendJobLog(job, state.t, 'INFO', `Compaction of ${tableId} (rewrite_data_files, target ${c.targetFileMb} MB) FINISHED after ${Math.round((state.t - c.startedAt) / 60)} min: ${Math.round(c.totalMb / 1024)} GB rewritten.`);
    layout.compaction = null;
  }
}

/** Starts compacting a snapshot of the table's small files. */
export function startCompaction(state: SimState, layout: TableLayoutState, mbPerS: number, targetFileMb: number): void {
  layout.compaction = { remainingMb: layout.smallMb, totalMb: layout.smallMb, mbPerS, targetFileMb, startedAt: state.t };
}

/** Files an hour the writer creates at the current layout and its current rate. */
export function filesPerHour(s: Scenario, state: SimState, tableId: string): number {
  const spec = s.world.tables.find((t) => t.id === tableId)?.layout;
  const layout = state.world.tables[tableId]?.layout;
  const jobSpec = lookup(s).jobOfTable.get(tableId);
  const job = jobSpec && state.world.jobs[jobSpec.id];
  if (!spec || !layout || !jobSpec || !job) return 0;
  const writers = Math.min(job.instances, state.world.topics[jobSpec.topic]?.partitions.length ?? 1);
  const perSecond = job.consumedLastTick / s.clock.tickS;
  const mbPerCommit = (perSecond * layout.commitIntervalS * spec.bytesPerRecord) / 1_048_576;
  return Math.round(filesPerCommit(layout, writers, mbPerCommit, perSecond * layout.commitIntervalS) * (3600 / layout.commitIntervalS));
}

/** Live files in the region a typical query scans. */
export function liveFiles(layout: TableLayoutState): number {
  return Math.round(layout.smallFiles + layout.bigFiles);
}

/** The typical dashboard query against a laid-out table: where its time goes, and what a day of them costs. */
export interface QueryProfile {
  files: number;
  mb: number;
  splits: number;
  listRequests: number;
  planningS: number;
  openS: number;
  scanS: number;
  p95S: number;
  timedOut: boolean;
  costPerDayUsd: { compute: number; get: number; list: number; put: number; total: number };
}

/**
 * Models the typical query: planning reads every file's manifest entry (and lists the
 * partitions), each split pays a per-file open cost (S3 GET and footer read) spread over
 * the warehouse's parallelism, and scanning is bandwidth-bound. The p95 is 1.5× the mean.
 */
export function queryProfile(spec: TableLayoutSpec, layout: TableLayoutState, newFilesPerHour = 0): QueryProfile {
  const files = liveFiles(layout);
  const mb = layout.smallMb + layout.bigMb;
  const q = spec.query;
  const listRequests = Math.ceil(files / 1000);
  const planningS = 0.4 + files * 0.0001 + listRequests * 0.03;
  const openS = (files * q.perFileMs) / 1000 / layout.parallelism;
  const scanS = mb / (q.mbPerSplitS * layout.parallelism);
  const meanS = planningS + openS + scanS;
  const p95S = meanS * 1.5;
  const compute = q.perDay * meanS * layout.usdPerComputeS;
  const get = q.perDay * files * s3Prices.getUsd;
  const list = q.perDay * listRequests * s3Prices.listUsd;
  const put = newFilesPerHour * 24 * s3Prices.putUsd;
  return {
    files,
    mb,
    splits: files,
    listRequests,
    planningS,
    openS,
    scanS,
    p95S,
    timedOut: p95S > q.timeoutS,
    costPerDayUsd: { compute, get, list, put, total: compute + get + list + put },
  };
}
