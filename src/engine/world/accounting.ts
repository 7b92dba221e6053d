import type { Scenario } from '../../scenarios/schema';
import { lookup } from '../scenario-lookup';
import { jobReader } from './job-reader';
import type { LedgerRun, PartitionState, SimState } from '../state';
import { countLedger, emptyLedgerMemo, type LedgerMemo } from './ledger-count';
import type { RangeCounts } from './record-math';

/** Where every record a job's topic ever received has ended up. */
export interface Accounting {
  produced: number;
  pending: number;
  delivered: number;
  dlq: number;
  lost: number;
  duplicates: number;
  nulls: Record<string, number>;
}

// One memo per partition, kept with the job's ledger: a copied state has its own ledgers and memos.
const memos = new WeakMap<LedgerRun[][], LedgerMemo[]>();

function memosFor(ledger: LedgerRun[][]): LedgerMemo[] {
  let m = memos.get(ledger);
  if (!m) {
    m = ledger.map(() => emptyLedgerMemo());
    memos.set(ledger, m);
  }
  return m;
}

/**
 * Sorts each record of the job's topic into exactly one bucket: processed records by the
 * ledger's verdict, records past the job's high-water mark as pending (or lost once
 * retention has deleted them). `produced = pending + delivered + dlq + lost` by construction.
 */
export function accountJob(s: Scenario, state: SimState, jobId: string): Accounting {
  const spec = lookup(s).job.get(jobId);
  const job = state.world.jobs[jobId];
  const topic = spec && state.world.topics[spec.topic];
  const totals: Accounting = { produced: 0, pending: 0, delivered: 0, dlq: 0, lost: 0, duplicates: 0, nulls: {} };
  if (!spec || !job || !topic) return totals;
  const reader = jobReader(s, spec);
  const counts: RangeCounts = { delivered: 0, duplicates: 0, dlq: 0, lost: 0, nulls: totals.nulls };
  const memo = memosFor(job.ledger);
  const partitions = topic.partitions;
  for (let i = 0; i < partitions.length; i++) {
    const p = partitions[i] as PartitionState;
    totals.produced += p.logEnd - p.base;
    const highWater = job.highWater[i] as number;
    countLedger(job.ledger[i] as LedgerRun[], p.segments, p.logEnd, reader, counts, memo[i]);
    const unread = p.logEnd - highWater;
    const expired = Math.max(0, Math.min(p.logStart, p.logEnd) - highWater);
    totals.pending += unread - expired;
    counts.lost += expired;
  }
  totals.delivered = counts.delivered;
  totals.dlq = counts.dlq;
  totals.lost = counts.lost;
  totals.duplicates = counts.duplicates;
  return totals;
}
