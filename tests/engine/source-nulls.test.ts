import { describe, expect, it } from 'vitest';
import { createInitialState, prepareRun, seedsForVariants } from '../../src/engine';
import { repairSourceNulls } from '../../src/engine/world/source-nulls';
import type { PartitionState } from '../../src/engine/state';
import { Sim, scenario } from '../support/sim-harness';
import { cdcSteps } from '../support/cdc-steps';

const cdc = scenario('cdc-column-rename');
const seedOf = (variant: string) => seedsForVariants(cdc).find((v) => v.variant === variant)?.seed ?? 1;
const appNulls = prepareRun(cdc, seedOf('app-writes-nulls'));
const renamed = prepareRun(cdc, seedOf('column-renamed'));
const nullRatio = 'table.orders_fact.nullRatio:amount';

function paged(s: typeof appNulls, seed: number): Sim {
  return new Sim(s, seed).start().waitForPage().ack();
}

describe('nulls written by the producer itself', () => {
  it('reach the table whatever the reader, so reading with the writer schema and rewriting the window changes nothing', () => {
    const sim = paged(appNulls, seedOf('app-writes-nulls'));
    const before = sim.metric(nullRatio);
    expect(before).toBeGreaterThan(0.01);
    sim.typeAll([...cdcSteps.readWithWriterSchema, ...cdcSteps.rewriteSinceMigration]).advance(600);
    expect(sim.metric(nullRatio)).toBeGreaterThan(before);
    sim.expectBalanced();
  });

  it('stop growing once the producer stops writing them, and disappear when upstream repairs the rows', () => {
    const sim = paged(appNulls, seedOf('app-writes-nulls')).complete('request-checkout-rollback');
    const afterRollback = sim.metric(nullRatio);
    sim.advance(600);
    expect(sim.metric(nullRatio)).toBeLessThan(afterRollback);
    expect(sim.metric(nullRatio)).toBeGreaterThan(0.005);
    sim.complete('request-row-repair');
    expect(sim.metric(nullRatio)).toBeLessThanOrEqual(0.003);
    expect(sim.metric('records.lost')).toBe(0);
    sim.expectBalanced();
  });

  it('keep arriving after a repair while the producer still writes them', () => {
    const sim = paged(appNulls, seedOf('app-writes-nulls')).complete('request-row-repair');
    const afterRepair = sim.metric(nullRatio);
    expect(afterRepair).toBeLessThan(0.005);
    sim.advance(900);
    expect(sim.metric(nullRatio)).toBeGreaterThan(afterRepair + 0.005);
  });

  it('are not something a repair can fix when the nulls come from a renamed field the reader misses', () => {
    const sim = paged(renamed, seedOf('column-renamed'));
    const before = sim.metric(nullRatio);
    sim.complete('request-row-repair');
    expect(sim.metric(nullRatio)).toBeGreaterThanOrEqual(before);
    sim.typeAll([...cdcSteps.readWithWriterSchema, ...cdcSteps.rewriteSinceMigration]).advance(300);
    expect(sim.metric(nullRatio)).toBeLessThanOrEqual(0.003);
    expect(sim.metric('records.lost')).toBe(0);
    expect(sim.metric('table.orders_fact.duplicates')).toBe(0);
    sim.expectBalanced();
  });

  it('leave no trace in the state of a scenario that never uses them', () => {
    const state = createInitialState(scenario('avro-schema-break'), 1);
    for (const topic of Object.values(state.world.topics)) for (const p of topic.partitions) for (const seg of p.segments) expect(seg).not.toHaveProperty('nulls');
    for (const producer of Object.values(state.world.producers)) expect(producer).not.toHaveProperty('nullColumns');
  });
});

describe('repairing source nulls', () => {
  it('splits the segment still being written so only records up to now are repaired', () => {
    const p: PartitionState = {
      base: 0,
      logStart: 0,
      logEnd: 100,
      index: [],
      segments: [
        { from: 0, writerVersion: 1, poisonEvery: 0, poisonKind: 'pinned-reader', phase: 0 },
        { from: 40, writerVersion: 1, poisonEvery: 7, poisonKind: 'pinned-reader', phase: 3, nulls: [{ column: 'amount', fraction: 0.5 }] },
      ],
    };
    expect(repairSourceNulls([p])).toBe(60);
    expect(p.segments).toHaveLength(3);
    expect(p.segments[1]).not.toHaveProperty('nulls');
    expect(p.segments[2]).toMatchObject({ from: 100, nulls: [{ column: 'amount', fraction: 0.5 }] });
    // Poison records keep their offsets across the split: 43 + 7k, so the next one after 100 is 106.
    expect(((p.segments[2]?.phase ?? 0) + 100 - 43) % 7).toBe(0);
  });
});
