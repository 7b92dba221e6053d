import { describe, expect, it } from 'vitest';
import { prepareRun } from '../../src/engine';
import type { TableLayoutState } from '../../src/engine/world/lake-state';
import { queryProfileOutput, tableFilesOutput } from '../../src/engine/reveal/lake-output';
import { filesPerCommit, queryProfile } from '../../src/engine/world/table-layout';
import { tableLayoutSchema } from '../../src/scenarios/schema/lake';
import { Sim, scenario } from '../support/sim-harness';
import { smallFilesSteps, withWarehouseProcedures } from '../support/small-files-steps';

const s = prepareRun(withWarehouseProcedures(scenario('small-files-cost')), 1, 'normal');

function paged(): Sim {
  return new Sim(s, 1).start().waitForPage().ack();
}

function layout(overrides: Partial<TableLayoutState>): TableLayoutState {
  return {
    partitionBy: 'day',
    keyCardinality: 1,
    commitIntervalS: 600,
    targetFileMb: 128,
    smallFiles: 0,
    smallMb: 0,
    bigFiles: 0,
    bigMb: 0,
    pendingMb: 0,
    lastCommitAt: 0,
    parallelism: 64,
    usdPerComputeS: 0.0033,
    compaction: null,
    deletedRows: 0,
    ...overrides,
  };
}

describe('small files and table layout', () => {
  it('closes one file per writer and open partition at each commit, rolling at the target size', () => {
    expect(filesPerCommit(layout({ partitionBy: 'hour-and-key', keyCardinality: 64 }), 8, 20, 80_000)).toBe(512);
    expect(filesPerCommit(layout({ partitionBy: 'day' }), 8, 20, 80_000)).toBe(8);
    expect(filesPerCommit(layout({ partitionBy: 'day', targetFileMb: 128 }), 8, 4096, 10_000_000)).toBe(32);
    expect(filesPerCommit(layout({ partitionBy: 'hour-and-key', keyCardinality: 64 }), 8, 0.01, 100)).toBe(100);
  });

  it('prices queries by files: planning and per-file opens dominate once files are tiny', () => {
    const spec = tableLayoutSchema.parse({ partitionBy: 'day', commitIntervalS: 600, query: { mbPerSplitS: 400 } });
    const few = queryProfile(spec, layout({ bigFiles: 2400, bigMb: 330_000 }));
    const many = queryProfile(spec, layout({ bigFiles: 2400, bigMb: 330_000, smallFiles: 400_000, smallMb: 12_000 }));
    expect(few.p95S).toBeLessThan(60);
    expect(many.p95S).toBeGreaterThan(300);
    expect(many.timedOut).toBe(true);
    expect(many.openS).toBeGreaterThan(many.scanS);
    expect(many.costPerDayUsd.get).toBeCloseTo(2000 * 402_400 * 0.0004e-3, 2);
    expect(many.costPerDayUsd.total).toBeGreaterThan(10 * few.costPerDayUsd.total);
  });

  it('piles up tiny files under hourly tenant-bucket partitions with 30-second commits, until queries time out and cost soars', () => {
    const sim = paged();
    expect(sim.metric('table.page_events.files')).toBeGreaterThan(300_000);
    expect(sim.metric('table.page_events.avgFileMb')).toBeLessThan(2);
    expect(sim.metric('table.page_events.filesPerHour')).toBe(8 * 64 * 120);
    expect(sim.metric('table.page_events.queryP95S')).toBeGreaterThan(300);
    expect(sim.metric('table.page_events.costPerDayUsd')).toBeGreaterThan(3300);
    const files = sim.metric('table.page_events.files');
    sim.advance(600);
    expect(sim.metric('table.page_events.files')).toBeGreaterThan(files + 9000);
  });

  it('writes a few large files per hour after partitioning by day with 10-minute commits', () => {
    const sim = paged().typeAll(smallFilesSteps.commitEvery10min).typeAll(smallFilesSteps.partitionByDay);
    expect(sim.metric('table.page_events.filesPerHour')).toBeLessThanOrEqual(200);
    const files = sim.metric('table.page_events.files');
    sim.advance(1800);
    expect(sim.metric('table.page_events.files')).toBeLessThan(files + 100);
  });

  it('still writes hundreds of files an hour when only the partitioning is fixed', () => {
    const sim = paged().typeAll(smallFilesSteps.partitionByDay);
    expect(sim.metric('table.page_events.filesPerHour')).toBeGreaterThan(200);
  });

  it('brings latency and cost back once compaction has merged the small files of a fixed writer', () => {
    const sim = paged().typeAll(smallFilesSteps.commitEvery10min).typeAll(smallFilesSteps.partitionByDay).typeAll(smallFilesSteps.compact);
    expect(sim.metric('table.page_events.compactionRemainingMb')).toBeGreaterThan(0);
    sim.advance(1500);
    expect(sim.metric('table.page_events.compactionRemainingMb')).toBe(0);
    expect(sim.metric('table.page_events.files')).toBeLessThan(10_000);
    expect(sim.metric('table.page_events.queryP95S')).toBeLessThan(60);
    expect(sim.metric('table.page_events.costPerDayUsd')).toBeLessThan(600);
    expect(sim.metric('records.lost')).toBe(0);
  });

  it('is undone by a writer that keeps making small files when only compaction runs', () => {
    const sim = paged().typeAll(smallFilesSteps.compact).advance(1500);
    const after = sim.metric('table.page_events.files');
    sim.advance(1800);
    expect(sim.metric('table.page_events.files')).toBeGreaterThan(after + 25_000);
  });

  it('costs more and still misses the latency target when the warehouse is doubled instead', () => {
    const sim = paged();
    const before = sim.metric('table.page_events.costPerDayUsd');
    sim.complete('scale-trino');
    expect(sim.metric('table.page_events.costPerDayUsd')).toBeGreaterThan(before);
    expect(sim.metric('table.page_events.queryP95S')).toBeGreaterThan(60);
  });

  it('loses rows when old partitions are dropped', () => {
    const sim = paged().complete('drop-old-partitions');
    expect(sim.metric('table.page_events.deletedRows')).toBeGreaterThan(0);
    expect(sim.metric('records.lost')).toBe(sim.metric('table.page_events.deletedRows'));
    sim.expectBalanced();
  });

  it('lists files and profiles queries the way S3 and Trino print them', () => {
    const sim = paged();
    const files = tableFilesOutput(s, sim.state, 'page_events').body;
    expect(files).toMatch(/Total Objects: \d{6,}/);
    expect(files).toContain('bucket(64, key)');
    expect(files).toMatch(/event_hour=2024-06-03-\d\d\/key_bucket=\d+\/0000\d-\d+-c0a8\df\.parquet/);
    const profile = queryProfileOutput(s, sim.state, 'page_events').body;
    expect(profile).toMatch(/Planning: \d+\.\ds \(manifest entries read: [\d,]{7,}/);
    expect(profile).toContain('Query exceeded maximum time limit of 5.00m');
  });
});
