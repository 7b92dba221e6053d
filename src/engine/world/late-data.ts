import type { Scenario } from '../../scenarios/schema';
import { lookup } from '../scenario-lookup';
import type { SimState } from '../state';
import { timeOfDay } from '../wall-clock';
import { appendJobLog } from './job-log';
import type { LateBucket, LateWindowState } from './lake-state';

/** Buckets kept per job (arrival hours); older ones are folded into the oldest. */
export const lateBucketLimit = 96;
/** The window `table.<id>.completeness` covers: the last day of arrivals. */
export const completenessWindowS = 86_400;

/** Fresh event-time window state for a job declaring an allowed lateness. */
export function createLateWindows(allowedLatenessS: number): LateWindowState {
  return { allowedLatenessS, buckets: [], droppedTotal: 0, outstanding: 0, duplicates: 0, droppedLastTick: 0, carry: 0, reprocess: null };
}

/**
 * The share of late events the watermark drops: late events arrive between 0 and `byS`
 * seconds after their event time, evenly spread, and those later than the allowed lateness
 * miss their window.
 */
export function lateDropShare(byS: number, allowedLatenessS: number): number {
  if (byS <= 0) return 0;
  return Math.min(1, Math.max(0, 1 - allowedLatenessS / byS));
}

/** The late-arrival settings of whatever writes a job's topic (the first producer sending late). */
export function lateInputOf(s: Scenario, state: SimState, jobId: string): { share: number; byS: number } {
  const spec = lookup(s).job.get(jobId);
  if (!spec) return { share: 0, byS: 0 };
  for (const p of s.world.producers) {
    if (p.topic !== spec.topic) continue;
    const late = state.world.producers[p.id]?.late;
    if (late && late.share > 0) return late;
  }
  return { share: 0, byS: 0 };
}

/**
 * Counts one tick of a job's event-time aggregation, analytically: of the records the job
 * consumed this tick, the late share arrived behind the watermark, and the part later than
 * the allowed lateness is dropped from the aggregates. Then advances any reprocess.
 */
export function stepLateData(s: Scenario, state: SimState): void {
  for (const spec of s.world.jobs) {
    const job = state.world.jobs[spec.id];
    const lw = job?.lateWindows;
    if (!job || !lw) continue;
    const consumed = job.consumedLastTick;
    lw.droppedLastTick = 0;
    if (consumed > 0) {
      const input = lateInputOf(s, state, spec.id);
      const lateExact = consumed * input.share + lw.carry;
      const late = Math.floor(lateExact);
      lw.carry = lateExact - late;
      const dropped = Math.round(late * lateDropShare(input.byS, lw.allowedLatenessS));
      const bucket = bucketAt(lw, Math.floor(state.t / 3600));
      bucket.events += consumed;
      bucket.late += late;
      bucket.dropped += dropped;
      lw.droppedTotal += dropped;
      lw.outstanding += dropped;
      lw.droppedLastTick = dropped;
    }
    stepReprocess(s, state, spec.id, lw);
  }
}

function bucketAt(lw: LateWindowState, hour: number): LateBucket {
  const last = lw.buckets[lw.buckets.length - 1];
  if (last && last.hour === hour) return last;
  const bucket = { hour, events: 0, late: 0, dropped: 0 };
  lw.buckets.push(bucket);
  if (lw.buckets.length > lateBucketLimit) {
    const [oldest, next] = lw.buckets as [LateBucket, LateBucket];
    next.events += oldest.events;
    next.late += oldest.late;
    next.dropped += oldest.dropped;
    lw.buckets.shift();
  }
  return bucket;
}

function stepReprocess(s: Scenario, state: SimState, jobId: string, lw: LateWindowState): void {
  const r = lw.reprocess;
  const job = state.world.jobs[jobId];
  if (!r || !job) return;
  r.budget += r.ratePerSec * s.clock.tickS;
  for (const bucket of lw.buckets) {
    if (bucket.hour < r.nextHour || bucket.hour > r.lastHour) continue;
    if (r.budget < bucket.events) break;
    r.budget -= bucket.events;
    r.nextHour = bucket.hour + 1;
    lw.outstanding -= bucket.dropped;
    if (!r.overwrite) lw.duplicates += bucket.events - bucket.dropped;
    bucket.dropped = 0;
  }
  if (r.nextHour > r.lastHour || !lw.buckets.some((b) => b.hour >= r.nextHour && b.hour <= r.lastHour)) {
    appendJobLog(job, state.t, 'INFO', `Backfill job ${jobId}-backfill FINISHED after ${Math.round((state.t - r.startedAt) / 60)} min: event-time windows re-aggregated${r.overwrite ? ' (INSERT OVERWRITE)' : ' (append)'}.`);
    lw.reprocess = null;
  }
}

/** Starts re-aggregating a job's windows from the raw events, from sim time `atS` up to now. */
export function startReprocess(s: Scenario, state: SimState, jobId: string, atS: number, ratePerSec: number, overwrite: boolean): void {
  const job = state.world.jobs[jobId];
  const lw = job?.lateWindows;
  if (!job || !lw) return;
  const firstHour = Math.floor(atS / 3600);
  const lastHour = Math.floor(state.t / 3600);
  lw.reprocess = { nextHour: firstHour, lastHour, ratePerSec, overwrite, budget: 0, startedAt: state.t };
  const events = reprocessRemaining(lw);
  appendJobLog(job, state.t, 'INFO', `Backfill job ${jobId}-backfill submitted: re-aggregating ${events} events from ${timeOfDay(s.clock, firstHour * 3600)} to now, at ${Math.round(ratePerSec)} events/s, sink mode ${overwrite ? 'INSERT OVERWRITE' : 'append'}.`);
}

/** Raw events a running reprocess still has to re-read. */
export function reprocessRemaining(lw: LateWindowState): number {
  const r = lw.reprocess;
  if (!r) return 0;
  let n = 0;
  for (const b of lw.buckets) if (b.hour >= r.nextHour && b.hour <= r.lastHour) n += b.events;
  return Math.max(0, Math.round(n - r.budget));
}

/** Share of the last day's events present in the aggregates (1 when nothing is missing). */
export function completeness(lw: LateWindowState, t: number): number {
  const from = Math.floor((t - completenessWindowS) / 3600);
  let events = 0;
  let dropped = 0;
  for (const b of lw.buckets) {
    if (b.hour < from) continue;
    events += b.events;
    dropped += b.dropped;
  }
  return events > 0 ? 1 - dropped / events : 1;
}
