import type { Effect, Scenario } from '../../scenarios/schema';
import { lookup } from '../scenario-lookup';
import type { ProducerState, SimState } from '../state';
import { formatDuration } from '../wall-clock';
import { appendJobLog } from './job-log';
import { startReprocess } from './late-data';
import { liveFiles, startCompaction } from './table-layout';

/** The effects on late data and table layout, handled here so apply-effect stays a dispatcher. */
export type LakeEffect = Extract<Effect, { op: 'job.reprocess' | 'table.set-provisional' | 'table.set-layout' | 'table.compact' | 'table.set-query' | 'table.drop-partitions' }>;

/** Applies one late-data or table-layout effect. Effects naming something missing do nothing. */
export function applyLakeEffect(s: Scenario, state: SimState, effect: LakeEffect): void {
  switch (effect.op) {
    case 'job.reprocess':
      return startReprocess(s, state, effect.job, effect.atS, effect.ratePerSec, effect.overwrite);
    case 'table.set-provisional': {
      const table = state.world.tables[effect.table];
      if (table) table.provisionalS = effect.windowS;
      return;
    }
    case 'table.set-layout': {
      const layout = state.world.tables[effect.table]?.layout;
      if (!layout) return;
      if (effect.partitionBy !== undefined) layout.partitionBy = effect.partitionBy;
      if (effect.keyCardinality !== undefined) layout.keyCardinality = effect.keyCardinality;
      if (effect.targetFileMb !== undefined) layout.targetFileMb = effect.targetFileMb;
      logOnWriter(s, state, effect.table, `ALTER TABLE ${effect.table}: new data partitioned by ${layout.partitionBy === 'hour-and-key' ? `hour and key (${layout.keyCardinality} values)` : layout.partitionBy}, write.target-file-size-bytes=${Math.round(layout.targetFileMb * 1_048_576)}. Existing files keep their layout.`);
      return;
    }
    case 'table.compact': {
      const layout = state.world.tables[effect.table]?.layout;
      if (!layout) return;
      startCompaction(state, layout, effect.mbPerS, effect.targetFileMb ?? layout.targetFileMb);
      logOnWriter(s, state, effect.table, `Compaction of ${effect.table} submitted: CALL system.rewrite_data_files(table => '${effect.table}', options => map('target-file-size-bytes','${Math.round((effect.targetFileMb ?? layout.targetFileMb) * 1_048_576)}')); ${liveFiles(layout)} files, ${Math.round(layout.smallMb / 1024)} GB of small files to rewrite.`);
      return;
    }
    case 'table.set-query': {
      const layout = state.world.tables[effect.table]?.layout;
      if (!layout) return;
      if (effect.parallelism !== undefined) layout.parallelism = effect.parallelism;
      if (effect.usdPerComputeS !== undefined) layout.usdPerComputeS = effect.usdPerComputeS;
      return;
    }
    case 'table.drop-partitions': {
      const table = state.world.tables[effect.table];
      const layout = table?.layout;
      if (!table) return;
      const rows = Math.round(table.rows * effect.share);
      if (layout) {
        layout.smallFiles *= 1 - effect.share;
        layout.smallMb *= 1 - effect.share;
        layout.bigFiles *= 1 - effect.share;
        layout.bigMb *= 1 - effect.share;
        layout.deletedRows += rows;
      }
      logOnWriter(s, state, effect.table, `ALTER TABLE ${effect.table} DROP PARTITION (oldest ${Math.round(effect.share * 100)}%): ${rows} rows deleted.`);
      return;
    }
  }
}

function logOnWriter(s: Scenario, state: SimState, tableId: string, text: string): void {
  const jobSpec = lookup(s).jobOfTable.get(tableId);
  const job = jobSpec && state.world.jobs[jobSpec.id];
  if (job) appendJobLog(job, state.t, 'INFO', text);
}

/** Applies `producer.set`'s late-arrival fields; a producer gains late state only when first given them. */
export function setProducerLate(producer: ProducerState, effect: Extract<Effect, { op: 'producer.set' }>): void {
  if (effect.lateShare === undefined && effect.lateByS === undefined) return;
  const late = producer.late ?? { share: 0, byS: 0 };
  if (effect.lateShare !== undefined) late.share = effect.lateShare;
  if (effect.lateByS !== undefined) late.byS = effect.lateByS;
  producer.late = late;
}

/** Applies `job.set`'s allowed lateness and commit interval; returns the configuration lines to log. */
export function setJobLakeSettings(s: Scenario, state: SimState, effect: Extract<Effect, { op: 'job.set' }>): string[] {
  const changes: string[] = [];
  const job = state.world.jobs[effect.job];
  if (!job) return changes;
  if (effect.allowedLatenessS !== undefined && job.lateWindows) {
    job.lateWindows.allowedLatenessS = effect.allowedLatenessS;
    changes.push(`window allowedLateness=${formatDuration(effect.allowedLatenessS)} (windows stay open and re-fire for late events)`);
  }
  const table = lookup(s).job.get(effect.job)?.sink.table;
  const layout = table ? state.world.tables[table]?.layout : undefined;
  if (effect.commitIntervalS !== undefined && layout) {
    layout.commitIntervalS = effect.commitIntervalS;
    changes.push(`execution.checkpointing.interval=${formatDuration(effect.commitIntervalS)} (sink commits files at each checkpoint)`);
  }
  return changes;
}
