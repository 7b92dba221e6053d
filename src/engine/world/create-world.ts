import type { Scenario } from '../../scenarios/schema';
import { nextInt, type RngHolder } from '../rng';
import { createLateWindows } from './late-data';
import { createLayout } from './table-layout';
import type { DagState, JobState, TopicState, WorldState } from '../state';
import { createPollState } from './poll-loop';
import { initialScheduler, initialTableExtras } from './orchestration-state';

/** Builds the platform as it stands at the world's start, drawing offsets from the seed. */
export function createWorld(s: Scenario, rng: RngHolder): WorldState {
  const w = s.world;
  const start = s.clock.worldStartS;
  const topics: Record<string, TopicState> = {};
  for (const topic of w.topics) {
    const writer = w.producers.find((p) => p.topic === topic.id);
    topics[topic.id] = {
      partitions: Array.from({ length: topic.partitions }, () => {
        const base = nextInt(rng, 1_000_000, 9_000_000);
        return {
          base,
          logStart: base,
          logEnd: base,
          segments: [{ from: base, writerVersion: writer?.writerVersion ?? 1, poisonEvery: 0, poisonKind: 'pinned-reader' as const, phase: 0 }],
          index: [],
        };
      }),
    };
  }
  const jobs: Record<string, JobState> = {};
  for (const job of w.jobs) {
    const parts = topics[job.topic]?.partitions ?? [];
    jobs[job.id] = {
      status: 'RUNNING',
      readerMode: job.readerMode,
      onError: job.onError,
      instances: job.instances,
      ratePerInstance: job.ratePerInstance,
      restartsUsed: 0,
      numRestarts: 0,
      restartAt: null,
      committed: parts.map((p) => p.base),
      highWater: parts.map((p) => p.base),
      overwriteUntil: parts.map((p) => p.base),
      ledger: parts.map(() => []),
      lastFailure: null,
      consumedLastTick: 0,
      errorsLastTick: 0,
      logs: [],
      checkpointId: nextInt(rng, 1000, 9000),
      backfill: null,
      ...(job.allowedLatenessS !== undefined && { lateWindows: createLateWindows(job.allowedLatenessS) }),
    };
    const poll = createPollState(job, parts.length);
    if (poll) (jobs[job.id] as JobState).poll = poll;
  }
  const dags: Record<string, DagState> = {};
  for (const dag of w.dags) {
    dags[dag.id] = { paused: false, nextRunAt: Math.ceil(start / dag.everyS) * dag.everyS, runs: [], failedRuns: 0, ...(dag.startPaused && { paused: true }) };
  }
  return {
    producers: Object.fromEntries(
      w.producers.map((p) => [p.id, { ratePerSec: p.ratePerSec, writerVersion: p.writerVersion, poisonEvery: 0, poisonKind: 'pinned-reader' as const, lastRate: 0, ...(p.lateShare !== undefined && { late: { share: p.lateShare, byS: p.lateByS ?? 0 } }) }]),
    ),
    topics,
    jobs,
    tables: Object.fromEntries(w.tables.map((t) => [t.id, { loadedThrough: start, lastLoadAt: start, rows: 0, ...(t.layout && { layout: createLayout(t.layout, start) }), ...initialTableExtras(s, t.id) }])),
    dags,
    subjects: Object.fromEntries(
      w.subjects.map((sub) => [
        sub.name,
        {
          compatibility: sub.compatibility,
          registered: sub.versions.flatMap((v) => (v.registeredAtS === undefined ? [] : [{ version: v.version, at: v.registeredAtS }])),
        },
      ]),
    ),
    flags: Object.fromEntries(w.flags.map((f) => [f.id, f.initial])),
    ...initialScheduler(s),
  };
}
