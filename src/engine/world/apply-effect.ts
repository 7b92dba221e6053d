import { memberId } from './member-id';
import type { Effect, Scenario } from '../../scenarios/schema';
import { nextInt } from '../rng';
import { lookup } from '../scenario-lookup';
import type { DagState, JobState, LedgerRun, SimState } from '../state';
import { appendJobLog } from './job-log';
import { applyOrchestrationEffect } from './orchestration-effects';
import { applyLakeEffect, setJobLakeSettings, setProducerLate } from './apply-lake-effect';
import { repairSourceNulls, segmentNulls, setProducerNulls } from './source-nulls';
import { segmentMoved, setProducerMoved } from './moved-fields';
import { jobReader } from './job-reader';
import { markDlqReplayed, writeRun } from './ledger';
import { dedupeTable } from './dedupe-table';
import { applyPollSettings, dropPollLoops, rebalanceOnScale, resetPollProgress } from './poll-loop';
import { offsetAt } from './offset-index';
import { currentRegime } from './step-jobs';
import { timeOfDay } from '../wall-clock';

/** Applies one effect to the world. Effects naming something missing do nothing. */
export function applyEffect(s: Scenario, state: SimState, effect: Effect, deliverMessage: (id: string) => void): void {
  const w = state.world;
  const t = state.t;
  switch (effect.op) {
    case 'producer.set': {
      const producer = w.producers[effect.producer];
      const spec = lookup(s).producer.get(effect.producer);
      const topic = spec && w.topics[spec.topic];
      if (!producer || !topic) return;
      if (effect.ratePerSec !== undefined) producer.ratePerSec = effect.ratePerSec;
      setProducerLate(producer, effect);
      const changesRecords = effect.writerVersion !== undefined || effect.poisonEvery !== undefined || effect.poisonKind !== undefined || effect.nullColumns !== undefined || effect.movedFields !== undefined;
      if (effect.nullColumns !== undefined) setProducerNulls(producer, effect.nullColumns);
      if (effect.movedFields !== undefined) setProducerMoved(producer, effect.movedFields);
      if (effect.writerVersion !== undefined) producer.writerVersion = effect.writerVersion;
      if (effect.poisonEvery !== undefined) producer.poisonEvery = effect.poisonEvery;
      if (effect.poisonKind !== undefined) producer.poisonKind = effect.poisonKind;
      if (!changesRecords) return;
      for (const p of topic.partitions) {
        const segment = {
          from: p.logEnd,
          writerVersion: producer.writerVersion,
          poisonEvery: producer.poisonEvery,
          poisonKind: producer.poisonKind,
          phase: producer.poisonEvery > 0 ? nextInt(state, 0, producer.poisonEvery - 1) : 0,
          ...segmentNulls(producer),
          ...segmentMoved(producer),
        };
        const last = p.segments[p.segments.length - 1];
        if (last && last.from === p.logEnd) p.segments[p.segments.length - 1] = segment;
        else p.segments.push(segment);
      }
      return;
    }
    case 'registry.register': {
      const subject = w.subjects[effect.subject];
      if (subject && !subject.registered.some((r) => r.version === effect.version)) subject.registered.push({ version: effect.version, at: t });
      return;
    }
    case 'registry.set-compatibility': {
      const subject = w.subjects[effect.subject];
      if (subject) subject.compatibility = effect.compatibility;
      return;
    }
    case 'job.restart':
      return withJob(effect.job, (job) => {
        job.status = 'RUNNING';
        job.restartsUsed = 0;
        job.restartAt = null;
        const spec = lookup(s).job.get(effect.job);
        if (spec?.engine === 'consumer') appendJobLog(job, t, 'INFO', `[Consumer clientId=${effect.job}-0, groupId=${spec.group}] Subscribed to topic(s): ${spec.topic}; (Re-)joining group`);
        else appendJobLog(job, t, 'INFO', `Submitting job ${effect.job}: restored from checkpoint ${job.checkpointId}. Job ${effect.job} switched from state CREATED to RUNNING.`);
        dropPollLoops(job, t, true);
      });
    case 'job.stop':
      return withJob(effect.job, (job) => {
        job.status = 'STOPPED';
        job.restartAt = null;
        const spec = lookup(s).job.get(effect.job);
        if (spec?.engine === 'consumer') appendJobLog(job, t, 'INFO', `[Consumer clientId=${effect.job}-0, groupId=${spec.group}] Member ${memberId(effect.job, 0)} sending LeaveGroup request to coordinator kafka-2:9092 (id: 2147483645 rack: null) due to the consumer is being closed`);
        else appendJobLog(job, t, 'INFO', `Job ${effect.job} was stopped with a savepoint (checkpoint ${job.checkpointId}). Switched to state CANCELED.`);
        dropPollLoops(job, t, false);
      });
    case 'job.set':
      return withJob(effect.job, (job) => {
        const changes: string[] = [];
        if (effect.readerMode !== undefined) {
          job.readerMode = effect.readerMode;
          changes.push(effect.readerMode === 'registry' ? 'value.deserializer.use.latest.version=false, specific.avro.reader=false (writer schema fetched from the registry)' : 'reader schema pinned');
        }
        if (effect.onError !== undefined) {
          job.onError = effect.onError;
          changes.push(`errors.tolerance=${effect.onError === 'fail' ? 'none' : 'all'}${effect.onError === 'dlq' ? `, errors.deadletterqueue.topic.name=${lookup(s).job.get(effect.job)?.dlqTopic ?? 'dlq'}` : ''}`);
        }
        if (effect.instances !== undefined) {
          const before = job.instances;
          job.instances = effect.instances;
          changes.push(`parallelism=${effect.instances}`);
          const spec = lookup(s).job.get(effect.job);
          if (spec && before !== effect.instances) rebalanceOnScale(spec, job, t, `group membership changed (${before} → ${effect.instances} members)`);
        }
        if (effect.poll !== undefined) {
          const spec = lookup(s).job.get(effect.job);
          if (spec) changes.push(...applyPollSettings(spec, job, effect.poll));
        }
        if (effect.idempotentSink !== undefined) {
          job.idempotentSink = effect.idempotentSink;
          changes.push(effect.idempotentSink ? 'sink mode MERGE ON event_id (idempotent)' : 'sink mode append');
        }
        if (effect.ratePerInstance !== undefined) job.ratePerInstance = effect.ratePerInstance;
        changes.push(...setJobLakeSettings(s, state, effect));
        if (changes.length > 0) appendJobLog(job, t, 'INFO', `Configuration updated: ${changes.join('; ')}`);
      });
    case 'job.reset-offsets':
      return withJob(effect.job, (job, jobId) => resetOffsets(s, state, jobId, job, effect));
    case 'job.backfill':
      return withJob(effect.job, (job, jobId) => {
        const spec = lookup(s).job.get(jobId);
        const topic = spec && w.topics[spec.topic];
        if (!spec || !topic) return;
        const cursor = topic.partitions.map((p) => Math.max(p.logStart, offsetAt(p, s.clock.worldStartS, t, effect.atS)));
        const end = topic.partitions.map((_, i) => job.committed[i] as number);
        job.backfill = { cursor, end, ratePerSec: effect.parallelism * job.ratePerInstance, overwrite: effect.overwrite, startedAt: t };
        const records = end.reduce((sum, e, i) => sum + Math.max(0, e - (cursor[i] as number)), 0);
        appendJobLog(job, t, 'INFO', `Backfill job ${jobId}-backfill submitted: ${records} records from ${timeOfDay(s.clock, effect.atS)} on ${topic.partitions.length} partitions, parallelism ${effect.parallelism}, sink mode ${effect.overwrite ? 'INSERT OVERWRITE' : 'append'}.`);
      });
    case 'job.cancel-backfill':
      return withJob(effect.job, (job, jobId) => {
        if (!job.backfill && !job.lateWindows?.reprocess) return;
        job.backfill = null;
        if (job.lateWindows) job.lateWindows.reprocess = null;
        appendJobLog(job, t, 'INFO', `Backfill job ${jobId}-backfill was cancelled. Switched to state CANCELED.`);
      });
    case 'job.replay-dlq':
      return withJob(effect.job, (job) => {
        const changed = job.ledger.map((runs) => markDlqReplayed(runs, job.readerMode)).some(Boolean);
        appendJobLog(job, t, 'INFO', changed ? 'DLQ replay: re-delivered dead-lettered records that the current reader can decode.' : 'DLQ replay: nothing the current reader can decode.');
      });
    case 'table.dedupe':
      dedupeTable(s, state, effect.table);
      return;
    case 'flag.set': {
      if (!(effect.flag in w.flags)) return;
      w.flags[effect.flag] = effect.value;
      const switched = s.world.flags.find((f) => f.id === effect.flag)?.readerOf;
      const job = switched === undefined ? undefined : w.jobs[switched];
      if (job) {
        job.readerMode = effect.value ? 'registry' : 'pinned';
        appendJobLog(job, t, 'INFO', `Feature flag ${effect.flag} is ${effect.value ? 'on' : 'off'}: deserializing with the ${effect.value ? "writer's schema from the registry" : 'pinned reader schema'}.`);
      }
      return;
    }
    case 'dag.pause': {
      const dag = w.dags[effect.dag];
      if (!dag) return;
      dag.paused = true;
      if (effect.failRunning) clearRunning(dag, t);
      return;
    }
    case 'dag.clear-running': {
      const dag = w.dags[effect.dag];
      if (dag) clearRunning(dag, t);
      return;
    }
    case 'dag.unpause': {
      const dag = w.dags[effect.dag];
      if (dag) dag.paused = false;
      return;
    }
    case 'job.reprocess':
    case 'table.set-provisional':
    case 'table.set-layout':
    case 'table.compact':
    case 'table.set-query':
    case 'table.drop-partitions':
      return applyLakeEffect(s, state, effect);
    case 'message.send':
      return deliverMessage(effect.message);
    case 'table.set-landing':
    case 'table.land':
    case 'scheduler.set':
    case 'dag.set':
    case 'dag.trigger':
    case 'dag.clear':
    case 'dag.rerun':
    case 'dag.backfill':
      return applyOrchestrationEffect(s, state, effect);
    case 'producer.repair-nulls': {
      const spec = lookup(s).producer.get(effect.producer);
      const topic = spec && w.topics[spec.topic];
      if (topic) repairSourceNulls(topic.partitions);
      return;
    }
  }

  function withJob(jobId: string, fn: (job: JobState, jobId: string) => void): void {
    const job = w.jobs[jobId];
    if (job) fn(job, jobId);
  }
}

function resetOffsets(s: Scenario, state: SimState, jobId: string, job: JobState, effect: Extract<Effect, { op: 'job.reset-offsets' }>): void {
  const spec = lookup(s).job.get(jobId);
  const topic = spec && state.world.topics[spec.topic];
  if (!spec || !topic) return;
  topic.partitions.forEach((p, i) => {
    const committed = job.committed[i] as number;
    const highWater = job.highWater[i] as number;
    let target = p.logEnd;
    if (effect.to === 'earliest') target = p.logStart;
    if (effect.to === 'ago') target = Math.max(p.logStart, offsetAt(p, s.clock.worldStartS, state.t, state.t - (effect.agoS ?? 0)));
    if (effect.to === 'time') target = Math.max(p.logStart, offsetAt(p, s.clock.worldStartS, state.t, effect.atS ?? state.t));
    if (effect.to === 'offsets') target = Math.min(p.logEnd, Math.max(p.logStart, effect.offsets?.[i] ?? committed));
    if (target > committed) {
      // Skipping ahead: records never read are lost (already-read ones keep their verdict).
      const from = Math.max(committed, highWater);
      if (target > from) {
        writeRun(job.ledger[i] as LedgerRun[], from, target, currentRegime(job, true), p.segments, p.logEnd, Infinity, jobReader(s, spec));
      }
      job.highWater[i] = Math.max(highWater, target);
    }
    job.committed[i] = target;
    resetPollProgress(job);
    if (effect.overwrite) job.overwriteUntil[i] = Math.max(job.overwriteUntil[i] as number, job.highWater[i] as number);
  });
  const where =
    effect.how ?? (effect.to === 'ago'
      ? `--by-duration PT${Math.round((effect.agoS ?? 0) / 60)}M`
      : effect.to === 'time'
        ? `--to-datetime ${s.clock.dateAtZero}T${timeOfDay(s.clock, effect.atS ?? state.t)}.000`
        : `--to-${effect.to}`);
  appendJobLog(job, state.t, 'INFO', `Consumer group '${spec.group}' offsets reset (${where}) on all ${topic.partitions.length} partitions of ${spec.topic}.`);
}

// Cleared task instances give their worker slots back: a paused DAG's runs end failed, an active DAG's queue again.
function clearRunning(dag: DagState, t: number): void {
  for (const run of dag.runs) {
    if (run.state !== 'running' && run.state !== 'queued') continue;
    if (!dag.paused) {
      Object.assign(run, { state: 'queued', sensor: 'none', build: 'none', sensorStartedAt: null, buildStartedAt: null, queuedAt: t, endedAt: null, sourceThrough: null });
      continue;
    }
    run.state = 'failed';
    run.endedAt = t;
    if (run.sensor !== 'success') run.sensor = 'failed';
    run.build = run.sensor === 'failed' ? 'upstream_failed' : 'failed';
  }
}
