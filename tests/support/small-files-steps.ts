import type { Scenario } from '../../src/scenarios/schema';
/**
 * What a responder types at the small-files incident for each step they might take, so tests
 * read like the incident and play through the same parser a person types at.
 */
const writer = 'deployment/page-events-writer-taskmanager';

export const smallFilesSteps = {
  profileQuery: [`trino --execute "EXPLAIN ANALYZE SELECT count(*) FROM page_events WHERE event_ts >= current_date - INTERVAL '7' DAY"`],
  countFiles: [`trino --output-format ALIGNED --execute 'SELECT count(*) AS files, avg(file_size_in_bytes) AS avg_file_bytes FROM "page_events$files"'`],
  showTable: ['trino --execute "SHOW CREATE TABLE page_events"'],
  commitEvery10min: [`kubectl set env ${writer} CHECKPOINT_INTERVAL=10min`],
  partitionByDay: [`trino --execute "ALTER TABLE page_events SET PROPERTIES partitioning = ARRAY['day(event_ts)']"`],
  compact: [`trino --execute "ALTER TABLE page_events EXECUTE optimize(file_size_threshold => '32MB')"`],
  expireSnapshots: [`trino --execute "ALTER TABLE page_events EXECUTE expire_snapshots(retention_threshold => '7d')"`],
  scaleWriterTo16: [`kubectl scale ${writer} --replicas=16`],
} as const;

/**
 * The small-files incident with procedures an author may still write as catalogue actions (the
 * built-in incident has no CLI for them): doubling the warehouse and dropping old partitions.
 */
export function withWarehouseProcedures(s: Scenario): Scenario {
  const procedure = (id: string, effects: Scenario['actions'][number]['effects']) => ({ id, label: id, category: 'mitigate' as const, durationS: 60, requires: [], effects, reveals: [], repeatable: false, verdict: { kind: 'neutral' as const, why: 'test fixture' } });
  return {
    ...s,
    actions: [
      ...s.actions,
      procedure('scale-trino', [{ op: 'table.set-query', table: 'page_events', parallelism: 128, usdPerComputeS: 0.0066 }]),
      procedure('drop-old-partitions', [{ op: 'table.drop-partitions', table: 'page_events', share: 0.4 }]),
    ],
  };
}
