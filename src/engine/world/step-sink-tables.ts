import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import type { Accounting } from './accounting';
import { timeAt } from './offset-index';

/** Updates each job-fed table from its job: data watermark, last load and row count (`accounts` in the order of the scenario's jobs). */
export function stepSinkTables(s: Scenario, state: SimState, accounts: readonly Accounting[]): void {
  for (let j = 0; j < s.world.jobs.length; j++) {
    const spec = s.world.jobs[j] as (typeof s.world.jobs)[number];
    const job = state.world.jobs[spec.id];
    const table = state.world.tables[spec.sink.table];
    const topic = state.world.topics[spec.topic];
    const account = accounts[j];
    if (!job || !table || !topic || !account) continue;
    let through = state.t;
    const parts = topic.partitions;
    for (let i = 0; i < parts.length; i++) through = Math.min(through, timeAt(parts[i] as (typeof parts)[number], s.clock.worldStartS, state.t, job.committed[i] as number));
    table.loadedThrough = Math.max(table.loadedThrough, through);
    if (job.consumedLastTick > 0) table.lastLoadAt = state.t;
    table.rows = account.delivered + account.duplicates;
  }
}
