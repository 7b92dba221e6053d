import { memberId } from './member-id';
import type { JobSpec, PollLoopSpec, Scenario } from '../../scenarios/schema';
import { nextSigned, type RngHolder } from '../rng';
import type { JobState, LedgerRun, PartitionState, PollLoop, PollState, SimState } from '../state';
import { appendJobLog } from './job-log';
import { writeRun } from './ledger';
import { currentRegime, fail, firstUndecodable } from './step-jobs';
import { jobReader, type JobReader } from './job-reader';

/** The Kafka client's defaults, and a sink call fast enough never to matter. */
export const pollDefaults = { maxPollRecords: 500, maxPollIntervalS: 300, sinkCallMs: 2, sinkSlowShare: 0, sinkSlowMs: 30_000, rebalanceS: 30 } as const;

/** The poll state a job starts with, or undefined when its spec declares no poll loop. */
export function createPollState(spec: JobSpec, partitions: number): PollState | undefined {
  if (!spec.poll) return undefined;
  const poll = emptyPoll(spec, partitions);
  settle(poll, spec.poll);
  return poll;
}

function emptyPoll(spec: JobSpec, partitions: number): PollState {
  return {
    ...pollDefaults,
    sinkTimeoutMs: null,
    sinkCall: `${spec.sink.table} sink write`,
    rebalanceUntil: null,
    rebalances: 0,
    commitFailures: 0,
    generation: 1,
    lastLoopS: 0,
    lastEvicted: [],
    loops: [],
    batchEnd: new Array<number>(partitions).fill(0),
    written: new Array<number>(partitions).fill(0),
  };
}

function settle(poll: PollState, settings: PollLoopSpec): string[] {
  const changes: string[] = [];
  if (settings.maxPollRecords !== undefined) {
    poll.maxPollRecords = settings.maxPollRecords;
    changes.push(`max.poll.records=${settings.maxPollRecords}`);
  }
  if (settings.maxPollIntervalS !== undefined) {
    poll.maxPollIntervalS = settings.maxPollIntervalS;
    changes.push(`max.poll.interval.ms=${settings.maxPollIntervalS * 1000}`);
  }
  if (settings.sinkCallMs !== undefined) poll.sinkCallMs = settings.sinkCallMs;
  if (settings.sinkSlowShare !== undefined) poll.sinkSlowShare = settings.sinkSlowShare;
  if (settings.sinkSlowMs !== undefined) poll.sinkSlowMs = settings.sinkSlowMs;
  if (settings.sinkTimeoutMs !== undefined) {
    poll.sinkTimeoutMs = settings.sinkTimeoutMs;
    changes.push(`${poll.sinkCall}: request timeout ${settings.sinkTimeoutMs} ms`);
  }
  if (settings.rebalanceS !== undefined) poll.rebalanceS = settings.rebalanceS;
  if (settings.sinkCall !== undefined) poll.sinkCall = settings.sinkCall;
  return changes;
}

/** Applies a `job.set` poll change (starting the poll-loop model if it was off); returns the config lines to log. */
export function applyPollSettings(spec: JobSpec, job: JobState, settings: PollLoopSpec): string[] {
  job.poll ??= emptyPoll(spec, job.committed.length);
  return settle(job.poll, settings);
}

/** How many group members own partitions: members past the partition count sit idle. */
export function activeMembers(job: JobState, partitions: number): number {
  return Math.min(job.instances, partitions);
}

/** A restart or stop: loops in flight are lost uncommitted; a restart rejoins the group through a rebalance. */
export function dropPollLoops(job: JobState, t: number, rejoin: boolean): void {
  const poll = job.poll;
  if (!poll) return;
  poll.loops = [];
  forgetProgress(job, poll);
  poll.rebalanceUntil = rejoin ? t + poll.rebalanceS : null;
  if (rejoin) poll.rebalances += 1;
}

/** A member joined or left: every member commits what it wrote (on revoke) and the group rebalances. */
export function rebalanceOnScale(spec: JobSpec, job: JobState, t: number, reason: string): void {
  const poll = job.poll;
  if (!poll) return;
  commitProgress(job, poll, () => true);
  poll.loops = [];
  poll.rebalanceUntil = t + poll.rebalanceS;
  poll.rebalances += 1;
  appendJobLog(job, t, 'INFO', `[Consumer clientId=${spec.id}-0, groupId=${spec.group}] Request joining group due to: ${reason}`);
  appendJobLog(job, t, 'INFO', `[Consumer clientId=${spec.id}-0, groupId=${spec.group}] (Re-)joining group`);
}

/**
 * Advances a job's consumer group by one tick under the poll-loop model. Each member polls up
 * to max.poll.records and makes one blocking sink call per record; records reach the sink as
 * they are processed but are committed only when the loop ends. A loop longer than
 * max.poll.interval.ms gets its member evicted: its commit fails, the group stops for a
 * rebalance, and what it wrote but never committed is processed again afterwards.
 */
export function stepPollLoop(s: Scenario, state: SimState, spec: JobSpec, job: JobState, partitions: PartitionState[]): void {
  const poll = job.poll;
  if (!poll) return;
  const t = state.t;
  let startFrom = t - s.clock.tickS;
  if (poll.rebalanceUntil !== null) {
    if (t < poll.rebalanceUntil) return;
    poll.rebalanceUntil = null;
    poll.generation += 1;
    appendJobLog(job, t, 'INFO', `[Consumer clientId=${spec.id}-0, groupId=${spec.group}] Successfully joined group with generation Generation{generationId=${poll.generation}, memberId='${memberId(spec.id, 0)}', protocol='range'}`);
    startFrom = t;
  }
  const members = activeMembers(job, partitions.length);
  if (poll.loops.length !== members) poll.loops = new Array<PollLoop | null>(members).fill(null);
  const reader = jobReader(s, spec);
  expireRetention(job, partitions, reader);
  let longest = 0;
  for (let m = 0; m < members; m++) {
    let loop = poll.loops[m] ?? startLoop(state, job, poll, partitions, m, members, startFrom, reader);
    for (let guard = 0; loop && guard < 200; guard++) {
      longest = Math.max(longest, loop.loopS);
      const elapsed = t - loop.began;
      if (loop.loopS > poll.maxPollIntervalS && elapsed >= poll.maxPollIntervalS) {
        poll.loops[m] = loop;
        evictOverdue(spec, job, poll, partitions, members, t, reader);
        poll.lastLoopS = round1(Math.max(longest, ...poll.lastEvicted));
        return;
      }
      const f = Math.min(1, elapsed / loop.loopS);
      writeProgress(spec, job, poll, partitions, m, members, f, reader);
      if (f < 1) break;
      commitMember(job, poll, m, members);
      if (loop.failAt) {
        // The batch stopped short of a record the reader cannot decode: the job fails on it.
        const at = loop.failAt;
        fail(s, state, spec, job, at.partition, at.offset, partitions[at.partition] as PartitionState);
        dropPollLoops(job, t, false);
        return;
      }
      loop = startLoop(state, job, poll, partitions, m, members, loop.began + loop.loopS, reader);
    }
    poll.loops[m] = loop;
  }
  if (longest > 0) poll.lastLoopS = round1(longest);
}

// Retention deleted records the group never read: they are lost, as on the plain path.
function expireRetention(job: JobState, partitions: PartitionState[], reader: JobReader): void {
  partitions.forEach((p, i) => {
    const c = job.committed[i] as number;
    if (c >= p.logStart) return;
    writeRun(job.ledger[i] as LedgerRun[], c, p.logStart, currentRegime(job, true), p.segments, p.logEnd, Infinity, reader);
    job.highWater[i] = Math.max(job.highWater[i] as number, p.logStart);
    job.committed[i] = p.logStart;
  });
}

function startLoop(rng: RngHolder, job: JobState, poll: PollState, partitions: PartitionState[], m: number, members: number, began: number, reader: JobReader): PollLoop | null {
  const owned = Math.ceil((partitions.length - m) / members);
  const share = Math.max(1, Math.floor(poll.maxPollRecords / owned));
  let n = 0;
  let failAt: PollLoop['failAt'] = null;
  for (let i = m; i < partitions.length; i += members) {
    const p = partitions[i] as PartitionState;
    const c = job.committed[i] as number;
    let end = Math.min(p.logEnd, c + share);
    if (job.onError === 'fail') {
      const stop = firstUndecodable(p, c, end, job.readerMode, reader);
      if (stop < end && !failAt) failAt = { partition: i, offset: stop };
      end = Math.min(end, stop);
    }
    poll.batchEnd[i] = end;
    poll.written[i] = c;
    n += end - c;
  }
  if (n === 0) return failAt ? { began, loopS: 0.001, records: 0, slowCalls: 0, failAt } : null;
  let slow = 0;
  const p = poll.sinkSlowShare;
  if (p > 0) {
    // How many calls of this batch hang: binomial, drawn as a normal from three uniforms.
    const z = nextSigned(rng) + nextSigned(rng) + nextSigned(rng);
    slow = Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * z)));
  }
  const cap = poll.sinkTimeoutMs ?? Infinity;
  const callS = ((n - slow) * Math.min(poll.sinkCallMs, cap) + slow * Math.min(poll.sinkSlowMs, cap)) / 1000;
  return { began, loopS: Math.max(n / job.ratePerInstance, callS), records: n, slowCalls: slow, failAt };
}

function writeProgress(spec: JobSpec, job: JobState, poll: PollState, partitions: PartitionState[], m: number, members: number, f: number, reader: JobReader): void {
  const idempotent = job.idempotentSink ?? spec.sink.idempotent;
  for (let i = m; i < partitions.length; i += members) {
    const p = partitions[i] as PartitionState;
    const c = job.committed[i] as number;
    const from = poll.written[i] as number;
    const to = c + Math.floor(((poll.batchEnd[i] as number) - c) * f);
    if (to <= from) continue;
    writeRun(job.ledger[i] as LedgerRun[], from, to, currentRegime(job), p.segments, p.logEnd, job.overwriteUntil[i] as number, reader, idempotent);
    poll.written[i] = to;
    job.highWater[i] = Math.max(job.highWater[i] as number, to);
    job.consumedLastTick += to - from;
  }
}

// Member m owns every members-th partition from m: it commits what it wrote to them when its loop ends.
function commitMember(job: JobState, poll: PollState, m: number, members: number): void {
  for (let i = m; i < job.committed.length; i += members) {
    if ((poll.written[i] as number) > (job.committed[i] as number)) job.committed[i] = poll.written[i] as number;
  }
}

function commitProgress(job: JobState, poll: PollState, owns: (i: number) => boolean): void {
  for (let i = 0; i < job.committed.length; i++) {
    if (owns(i) && (poll.written[i] as number) > (job.committed[i] as number)) job.committed[i] = poll.written[i] as number;
  }
}

// Every member whose loop has outlived the interval by now is evicted together; one rebalance follows.
function evictOverdue(spec: JobSpec, job: JobState, poll: PollState, partitions: PartitionState[], members: number, t: number, reader: JobReader): void {
  const overdue: number[] = [];
  poll.lastEvicted = [];
  for (let m = 0; m < members; m++) {
    const loop = poll.loops[m];
    if (!loop || loop.loopS <= poll.maxPollIntervalS || t - loop.began < poll.maxPollIntervalS) continue;
    writeProgress(spec, job, poll, partitions, m, members, Math.min(1, (t - loop.began) / loop.loopS), reader);
    overdue.push(m);
    poll.lastEvicted.push(loop.loopS);
  }
  overdue.forEach((m, k) => evictionLines(spec, job, poll, partitions, m, members, poll.loops[m] as PollLoop, t, k === 0));
  appendJobLog(job, t, 'INFO', `[Consumer clientId=${spec.id}-${(((overdue[0] ?? 0) + 1) % members)}, groupId=${spec.group}] Attempt to heartbeat failed since group is rebalancing`);
  appendJobLog(job, t, 'INFO', `[Consumer clientId=${spec.id}-${(((overdue[0] ?? 0) + 1) % members)}, groupId=${spec.group}] Revoking previously assigned partitions; (Re-)joining group`);
  // The members still inside the interval commit what they wrote when their partitions are revoked; the evicted ones cannot.
  commitProgress(job, poll, (i) => !overdue.includes(i % members));
  forgetProgress(job, poll);
  poll.commitFailures += overdue.length;
  poll.rebalances += 1;
  poll.loops = [];
  poll.rebalanceUntil = t + poll.rebalanceS;
}

function evictionLines(spec: JobSpec, job: JobState, poll: PollState, partitions: PartitionState[], m: number, members: number, loop: PollLoop, t: number, first: boolean): void {
  const client = `[Consumer clientId=${spec.id}-${m}, groupId=${spec.group}]`;
  const owned: string[] = [];
  for (let i = m; i < partitions.length; i += members) owned.push(`${spec.topic}-${i}`);
  const hung = poll.sinkTimeoutMs === null ? `, no request timeout` : `, request timeout ${poll.sinkTimeoutMs} ms`;
  if (first) appendJobLog(job, t, 'WARN', `${poll.sinkCall}: ${loop.slowCalls} of ${loop.records} calls in this batch took over ${Math.round(Math.min(poll.sinkSlowMs, poll.sinkTimeoutMs ?? Infinity) / 1000)} s${hung}; batch still processing after ${Math.round(t - loop.began)} s`);
  appendJobLog(
    job,
    t,
    'WARN',
    `${client} consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is spending too much time processing messages. You can address this either by increasing max.poll.interval.ms or by reducing the maximum size of batches returned in poll() with max.poll.records.`,
  );
  appendJobLog(job, t, 'INFO', `${client} Member ${memberId(spec.id, m)} sending LeaveGroup request to coordinator kafka-2:9092 (id: 2147483645 rack: null) due to consumer poll timeout has expired.`);
  appendJobLog(
    job,
    t,
    'ERROR',
    `${client} Offset commit failed on partitions ${owned.join(', ')}: org.apache.kafka.clients.consumer.CommitFailedException: Commit cannot be completed since the group has already rebalanced and assigned the partitions to another member. This means that the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is spending too much time message processing. You can address this either by increasing max.poll.interval.ms or by reducing the maximum size of batches returned in poll() with max.poll.records.`,
  );
}

// Rows written but not committed stay in the sink; the next owner starts again from the committed offset.
function forgetProgress(job: JobState, poll: PollState): void {
  for (let i = 0; i < job.committed.length; i++) poll.written[i] = job.committed[i] as number;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Offsets were moved under the group: loops in flight and uncommitted progress no longer apply. */
export function resetPollProgress(job: JobState): void {
  const poll = job.poll;
  if (!poll) return;
  poll.loops = [];
  forgetProgress(job, poll);
}
