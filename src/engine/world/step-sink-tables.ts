import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import type { Accounting } from './accounting';
import { timeAt } from './offset-index';

/** Updates each job-fed table from its job: data watermark, last load and row count. */
export function stepSinkTables(s: Scenario, state: SimState, accounts: Map<string, Accounting>): void {
  for (const spec of s.world.jobs) {
    const job = state.world.jobs[spec.id];
    const table = state.world.tables[spec.sink.table];
    const topic = state.world.topics[spec.topic];
    const account = accounts.get(spec.id);
    if (!job || !table || !topic || !account) continue;
    let through = state.t;
    const parts = topic.partitions;
    for (let i = 0; i < parts.length; i++) through = Math.min(through, timeAt(parts[i] as (typeof parts)[number], s.clock.worldStartS, state.t, job.committed[i] as number));
    table.loadedThrough = Math.max(table.loadedThrough, through);
    if (job.consumedLastTick > 0) table.lastLoadAt = state.t;
    table.rows = account.delivered + account.duplicates;
  }
}
