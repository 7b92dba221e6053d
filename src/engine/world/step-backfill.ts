import type { JobSpec, Scenario } from '../../scenarios/schema';
import type { JobState, LedgerRun, PartitionState, SimState } from '../state';
import { appendJobLog } from './job-log';
import { writeRun } from './ledger';
import { currentRegime, firstUndecodable } from './step-jobs';
import { jobReader } from './job-reader';

/**
 * Advances a job's backfill by one tick. It re-reads already-processed offsets with the live
 * job's reader settings; its verdicts replace the ledger's, so lost or dead-lettered records
 * it can decode become delivered, and re-deliveries are duplicates unless it overwrites.
 */
export function stepBackfill(s: Scenario, state: SimState, spec: JobSpec, job: JobState, partitions: PartitionState[]): void {
  const backfill = job.backfill;
  if (!backfill) return;
  const reader = jobReader(s, spec);
  const perPartition = Math.floor((backfill.ratePerSec * s.clock.tickS) / partitions.length);
  let remaining = 0;
  for (let i = 0; i < partitions.length; i++) {
    const p = partitions[i] as PartitionState;
    const cursor = backfill.cursor[i] as number;
    const end = backfill.end[i] as number;
    const hi = Math.min(end, cursor + perPartition);
    if (hi > cursor) {
      const stop = job.onError === 'fail' ? firstUndecodable(p, cursor, hi, job.readerMode, reader) : hi;
      if (stop < hi) {
        appendJobLog(job, state.t, 'ERROR', `Backfill job ${spec.id}-backfill FAILED: SerializationException at ${spec.topic}-${i} offset ${stop}; the reader cannot decode it.`);
        job.backfill = null;
        return;
      }
      const overwriteUntil = backfill.overwrite ? Infinity : (job.overwriteUntil[i] as number);
      writeRun(job.ledger[i] as LedgerRun[], cursor, hi, currentRegime(job), p.segments, p.logEnd, overwriteUntil, reader, job.idempotentSink ?? spec.sink.idempotent);
      backfill.cursor[i] = hi;
    }
    remaining += end - (backfill.cursor[i] as number);
  }
  if (remaining === 0) {
    appendJobLog(job, state.t, 'INFO', `Backfill job ${spec.id}-backfill FINISHED after ${Math.round((state.t - backfill.startedAt) / 60)} min.`);
    job.backfill = null;
  }
}

/** Records a backfill still has to re-read. */
export function backfillRemaining(job: JobState): number {
  const b = job.backfill;
  if (!b) return 0;
  let n = 0;
  for (let i = 0; i < b.end.length; i++) n += Math.max(0, (b.end[i] as number) - (b.cursor[i] as number));
  return n;
}
