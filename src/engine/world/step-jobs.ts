import type { JobSpec, Scenario } from '../../scenarios/schema';
import { lookup } from '../scenario-lookup';
import type { JobState, LedgerRun, PartitionState, Segment, SimState } from '../state';
import { appendJobLog, jobFailureLines } from './job-log';
import { regimeOf, writeRun, type Regime } from './ledger';
import { stepBackfill } from './step-backfill';
import { stepPollLoop } from './poll-loop';
import { countUndecodable, firstPoisonAtOrAfter, segmentEnd } from './record-math';
import { jobReader, type JobReader } from './job-reader';
import type { ReaderOutcome } from '../avro';

/** Advances every streaming job by one tick: restarts, consumption, failures. */
export function stepJobs(s: Scenario, state: SimState): void {
  for (const spec of s.world.jobs) {
    const job = state.world.jobs[spec.id];
    const topic = state.world.topics[spec.topic];
    if (!job || !topic) continue;
    job.consumedLastTick = 0;
    job.errorsLastTick = 0;
    if (job.status === 'RESTARTING' && job.restartAt !== null && state.t >= job.restartAt) {
      job.status = 'RUNNING';
      job.restartAt = null;
      appendJobLog(job, state.t, 'INFO', `Job ${spec.id} switched from state RESTARTING to RUNNING.`);
    }
    stepBackfill(s, state, spec, job, topic.partitions);
    if (job.status !== 'RUNNING') continue;
    if (job.poll) stepPollLoop(s, state, spec, job, topic.partitions);
    else consume(s, state, spec, job, topic.partitions);
    if ((state.t - s.clock.worldStartS) % 60 === 0 && job.status === 'RUNNING') job.checkpointId += 1;
  }
}

/** How the job processes records right now (`skipped`: none of them reach the sink). */
export function currentRegime(job: JobState, skipped = false): Regime {
  return regimeOf(job.readerMode, job.onError, skipped, false);
}

function consume(s: Scenario, state: SimState, spec: JobSpec, job: JobState, partitions: PartitionState[]): void {
  const reader = jobReader(s, spec);
  const effective = Math.min(job.instances, partitions.length);
  const perPartition = Math.floor((effective * job.ratePerInstance * s.clock.tickS) / partitions.length);
  // Partitions are polled in a rotating order, so the one that fails first varies.
  const rotate = Math.floor((state.t - s.clock.worldStartS) / s.clock.tickS) % partitions.length;
  for (let k = 0; k < partitions.length; k++) {
    const i = (k + rotate) % partitions.length;
    const p = partitions[i] as PartitionState;
    let c = job.committed[i] as number;
    if (c < p.logStart) {
      // Retention deleted records the job never read.
      writeRun(job.ledger[i] as LedgerRun[], c, p.logStart, currentRegime(job, true), p.segments, p.logEnd, Infinity, reader);
      job.highWater[i] = Math.max(job.highWater[i] as number, p.logStart);
      c = p.logStart;
    }
    const hi = Math.min(p.logEnd, c + perPartition);
    if (hi <= c) continue;
    const stop = job.onError === 'fail' ? firstUndecodable(p, c, hi, job.readerMode, reader) : hi;
    processRange(spec, job, p, i, c, stop, reader);
    if (job.onError !== 'fail') job.errorsLastTick += undecodableIn(p, c, hi, job.readerMode, reader);
    if (stop < hi) {
      fail(s, state, spec, job, i, stop, p);
      return;
    }
  }
}

function processRange(spec: JobSpec, job: JobState, p: PartitionState, i: number, from: number, to: number, reader: JobReader): void {
  if (to <= from) return;
  writeRun(job.ledger[i] as LedgerRun[], from, to, currentRegime(job), p.segments, p.logEnd, job.overwriteUntil[i] as number, reader, job.idempotentSink ?? spec.sink.idempotent);
  job.committed[i] = to;
  job.highWater[i] = Math.max(job.highWater[i] as number, to);
  job.consumedLastTick += to - from;
}

/** The first offset in [lo, hi) the reader cannot decode, or `hi`. */
export function firstUndecodable(p: PartitionState, lo: number, hi: number, readerMode: 'pinned' | 'registry', reader: JobReader): number {
  const segs = p.segments;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as Segment;
    const which = reader.undecodable(readerMode, seg);
    if (which === 'none') continue;
    const a = Math.max(lo, seg.from);
    const b = Math.min(hi, segmentEnd(segs, i, p.logEnd));
    if (a >= b) continue;
    const first = which === 'all' ? a : firstPoisonAtOrAfter(seg, a);
    if (first < b) return first;
  }
  return hi;
}

function undecodableIn(p: PartitionState, lo: number, hi: number, readerMode: 'pinned' | 'registry', reader: JobReader): number {
  let n = 0;
  const segs = p.segments;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as Segment;
    n += countUndecodable(seg, Math.max(lo, seg.from), Math.min(hi, segmentEnd(segs, i, p.logEnd)), reader.undecodable(readerMode, seg));
  }
  return n;
}

/** The error Java's Avro raises for the records a reader cannot decode, from the resolver's outcome. */
function resolutionError(outcome: ReaderOutcome): string {
  if (outcome.kind === 'fails-all') return outcome.error;
  if (outcome.kind === 'fails-some' && outcome.failures[0]) return outcome.failures[0].error;
  throw new Error('avro: a record failed to decode although its reader resolves every record of its writer');
}

/** The job meets a record it cannot decode with `onError: fail`: it logs the error and restarts or fails. */
export function fail(s: Scenario, state: SimState, spec: JobSpec, job: JobState, partition: number, offset: number, p: PartitionState): void {
  const seg = [...p.segments].reverse().find((x) => x.from <= offset) ?? p.segments[0];
  const writerVersion = seg?.writerVersion ?? spec.pinnedVersion;
  const version = lookup(s).schemaVersion(spec.subject, writerVersion);
  const anyReader = seg?.poisonKind === 'any-reader';
  const schemaId = anyReader ? -1 : (version?.id ?? -1);
  const error = anyReader ? 'Unknown magic byte!' : resolutionError(jobReader(s, spec).outcome(job.readerMode, writerVersion));
  job.lastFailure = { partition, offset, schemaId, error };
  job.errorsLastTick += 1;
  for (const line of jobFailureLines(spec, job, partition, offset, schemaId, error)) appendJobLog(job, state.t, line.level, line.text);
  const budget = spec.restart.strategy === 'none' ? 0 : spec.restart.attempts;
  if (job.restartsUsed < budget) {
    job.status = 'RESTARTING';
    job.restartsUsed += 1;
    job.numRestarts += 1;
    job.restartAt = state.t + spec.restart.delayS;
    appendJobLog(job, state.t, 'INFO', `Job ${spec.id} switched from state RUNNING to RESTARTING.`);
  } else {
    job.status = 'FAILED';
    job.restartAt = null;
    appendJobLog(
      job,
      state.t,
      'ERROR',
      `Job ${spec.id} switched from state RUNNING to FAILED. org.apache.flink.runtime.JobException: Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=${spec.restart.attempts}, backoffTimeMS=${spec.restart.delayS * 1000})`,
    );
  }
}
