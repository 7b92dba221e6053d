import type { Scenario } from '../../scenarios/schema';
import type { LedgerRun, SimState } from '../state';
import { appendJobLog } from './job-log';
import { clearDuplicates } from './ledger';

/**
 * A dedupe/MERGE job rewrites a table keeping one row per event id: every duplicate row the
 * ledgers of the jobs writing it hold is removed. Returns how many rows were removed.
 */
export function dedupeTable(s: Scenario, state: SimState, tableId: string): number {
  let removed = 0;
  for (const spec of s.world.jobs) {
    if (spec.sink.table !== tableId) continue;
    const job = state.world.jobs[spec.id];
    if (!job) continue;
    let fromJob = 0;
    for (const runs of job.ledger) fromJob += clearDuplicates(runs as LedgerRun[]);
    removed += fromJob;
    appendJobLog(
      job,
      state.t,
      'INFO',
      `Dedupe job on ${tableId} finished: MERGE INTO ${tableId} USING (SELECT * FROM ${tableId} QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY ingested_at) = 1) ... ${fromJob} duplicate rows removed.`,
    );
  }
  return removed;
}
