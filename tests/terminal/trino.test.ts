import { describe, expect, it } from 'vitest';
import { liveFiles } from '../../src/engine/world/table-layout';
import { smallFilesSteps } from '../support/small-files-steps';
import { Sim, scenarioRun } from '../support/sim-harness';

function paged(): Sim {
  return new Sim(scenarioRun('small-files-cost', 1), 1).start().waitForPage().ack();
}

const layoutOf = (sim: Sim) => sim.state.world.tables.page_events?.layout;

describe('trino', () => {
  it('profiles a query against the table as it is laid out now', () => {
    const out = paged().type(smallFilesSteps.profileQuery[0]);
    expect(out).toMatch(/^Query \d{8}_\d{6}_\d{5}_\w+, FAILED, 64 splits in parallel$/m);
    expect(out).toMatch(/file open \+ footer reads: \d+\.\ds of wall time/);
    expect(out).toContain('Query exceeded maximum time limit of 5.00m');
  });

  it('counts the live data files from the $files metadata table, as the world holds them', () => {
    const sim = paged();
    const out = sim.type(smallFilesSteps.countFiles[0]);
    const [, files, avg] = /^ *(\d+) \| +([\d.]+)$/m.exec(out) ?? [];
    const layout = layoutOf(sim);
    if (!layout) throw new Error('no layout');
    // Printed when the command finished; the writer may have committed once since.
    expect(Number(files)).toBeLessThanOrEqual(liveFiles(layout));
    expect(Number(files)).toBeGreaterThan(liveFiles(layout) * 0.99);
    expect(Number(avg)).toBeLessThan(2 * 1_048_576);
    expect(out).toMatch(/^ files +\| avg_file_bytes$/m);
    expect(sim.type(`trino --execute 'SELECT count(*) FROM "page_events$files"'`)).toMatch(/^"\d+"\n$/);
    expect(sim.type(`trino --execute 'SELECT min(file_size_in_bytes) FROM "page_events$files"'`)).toContain("not 'min(file_size_in_bytes)'");
  });

  it('shows the partition spec the writer is using, and changes it for new data', () => {
    const sim = paged();
    expect(sim.type(smallFilesSteps.showTable[0])).toContain("partitioning = ARRAY['hour(event_ts)','bucket(tenant_id, 64)']");
    expect(sim.metric('table.page_events.filesPerHour')).toBeGreaterThan(10_000);
    expect(sim.type(smallFilesSteps.partitionByDay[0])).toBe('SET PROPERTIES\n');
    expect(layoutOf(sim)?.partitionBy).toBe('day');
    expect(sim.type(smallFilesSteps.showTable[0])).toContain("partitioning = ARRAY['day(event_ts)']");
    sim.type(`trino --execute "ALTER TABLE page_events SET PROPERTIES partitioning = ARRAY['hour(event_ts)', 'bucket(tenant_id, 8)']"`);
    expect(layoutOf(sim)).toMatchObject({ partitionBy: 'hour-and-key', keyCardinality: 8 });
  });

  it('refuses partition specs the sink cannot write, tables it does not hold and writes it may not make, changing nothing', () => {
    const sim = paged();
    // Files pile up as time passes; what a refused statement would change is the spec or a compaction.
    const spec = () => { const l = layoutOf(sim); return { partitionBy: l?.partitionBy, keyCardinality: l?.keyCardinality, compaction: l?.compaction }; };
    const before = spec();
    expect(sim.type(`trino --execute "ALTER TABLE page_events SET PROPERTIES partitioning = ARRAY['month(event_ts)']"`)).toContain('Invalid partitioning');
    expect(sim.type(`trino --execute "ALTER TABLE page_events SET PROPERTIES partitioning = ARRAY['hour(event_ts)', 'bucket(nope, 8)']"`)).toContain("Column 'nope' specified in partitioning not found");
    expect(sim.type('trino --execute "SHOW CREATE TABLE search_documents"')).toContain("Table 'iceberg.analytics.search_documents' does not exist");
    expect(sim.type(`trino --execute 'SELECT count(*) FROM "search_documents$files"'`)).toContain("Table 'iceberg.analytics.search_documents$files' does not exist");
    expect(sim.type(`trino --execute "DELETE FROM page_events WHERE event_ts < current_date"`)).toContain('Access Denied');
    expect(sim.type(`trino --execute "ALTER TABLE page_events EXECUTE optimize(file_size_threshold => 'big')"`)).toContain("Invalid file_size_threshold 'big'");
    expect(sim.type('trino --execute "ALTER TABLE page_events EXECUTE vacuum()"')).toContain('Procedure not registered');
    expect(sim.type('trino')).toContain('trino --execute');
    expect(spec()).toEqual(before);
  });

  it('compacts small files with optimize, once at a time; expiring snapshots deletes nothing that is live', () => {
    const sim = paged();
    expect(sim.type(smallFilesSteps.expireSnapshots[0])).toContain('every data file is referenced by the current snapshot');
    expect(layoutOf(sim)?.compaction).toBeNull();
    expect(sim.type(smallFilesSteps.compact[0])).toMatch(/optimize submitted: rewriting [\d,]+ files under 32 MB at about 14 MB\/s/);
    expect(sim.metric('table.page_events.compactionRemainingMb')).toBeGreaterThan(0);
    expect(sim.type(smallFilesSteps.compact[0])).toContain('already running');
  });

  it('changes the writer’s checkpoint interval through its environment, and refuses it on a job with no file sink', () => {
    const sim = paged();
    expect(sim.type('kubectl set env deployment/page-events-writer-taskmanager --list')).toContain('CHECKPOINT_INTERVAL=30s');
    expect(sim.type('kubectl set env deployment/page-events-writer-taskmanager CHECKPOINT_INTERVAL=often')).toContain('CHECKPOINT_INTERVAL must be a duration');
    expect(sim.type('kubectl set env deployment/search-indexer CHECKPOINT_INTERVAL=10min')).toContain('applies to jobs whose sink commits files');
    expect(layoutOf(sim)?.commitIntervalS).toBe(30);
    sim.typeAll(smallFilesSteps.commitEvery10min);
    expect(layoutOf(sim)?.commitIntervalS).toBe(600);
    expect(sim.type('kubectl set env deployment/page-events-writer-taskmanager --list')).toContain('CHECKPOINT_INTERVAL=10min');
  });
});
