import type { PartitionBy } from '../../scenarios/schema/lake';

/** One hour (by arrival) of a job's event-time aggregation: events counted, late ones, and late ones the watermark dropped. */
export interface LateBucket {
  hour: number;
  events: number;
  late: number;
  dropped: number;
}

/** A bounded re-aggregation of a job's windows from the raw events. */
export interface ReprocessState {
  /** The next bucket (hour) to re-read, and the last one in range. */
  nextHour: number;
  lastHour: number;
  ratePerSec: number;
  overwrite: boolean;
  /** Raw events read but not yet enough to finish the next bucket. */
  budget: number;
  startedAt: number;
}

/** Event-time window bookkeeping of a job that declares an allowed lateness. */
export interface LateWindowState {
  allowedLatenessS: number;
  buckets: LateBucket[];
  /** Late events dropped since the world's start, recovered or not. */
  droppedTotal: number;
  /** Dropped events not yet recovered by a reprocess: missing from the aggregates. */
  outstanding: number;
  /** Rows counted twice by a reprocess that appended instead of overwriting. */
  duplicates: number;
  /** Late events dropped in the last tick (the drop rate). */
  droppedLastTick: number;
  /** Rounding carry, so per-tick counts add up exactly over time. */
  carry: number;
  reprocess: ReprocessState | null;
}

/** A compaction job rewriting a snapshot of a table's small files into large ones. */
export interface CompactionState {
  remainingMb: number;
  totalMb: number;
  mbPerS: number;
  targetFileMb: number;
  startedAt: number;
}

/** A lake table's files and the layout new data is written with. */
export interface TableLayoutState {
  partitionBy: PartitionBy;
  keyCardinality: number;
  commitIntervalS: number;
  targetFileMb: number;
  /** Small files (written by commits) and their data, in the region a typical query scans. */
  smallFiles: number;
  smallMb: number;
  /** Large files (written by compaction or at target size). */
  bigFiles: number;
  bigMb: number;
  /** Data written since the last commit, not yet in a file. */
  pendingMb: number;
  lastCommitAt: number;
  parallelism: number;
  usdPerComputeS: number;
  compaction: CompactionState | null;
  /** Rows removed by dropping partitions: data gone from the table. */
  deletedRows: number;
}
