import { describe, expect, it } from 'vitest';
import { prepareRun, seedsForVariants } from '../../src/engine';
import { reconciliationOutput } from '../../src/engine/reveal/reconciliation-output';
import { Sim, scenario } from '../support/sim-harness';
import { revenueSteps } from '../support/kafka-steps';

const base = scenario('double-counted-revenue');
const rewindSeed = seedsForVariants(base).find((v) => v.variant === 'teammate-rewind')?.seed ?? 1;
const rewind = prepareRun(base, rewindSeed, 'normal');

/** A session at the page, after the teammate's rewind re-appended 15 minutes of orders. */
function paged(): Sim {
  return new Sim(rewind, rewindSeed).start().waitForPage().ack();
}

describe('duplicate repair and reconciliation', () => {
  it('doubles every re-read order when offsets are rewound into an appending sink', () => {
    const sim = paged();
    const duplicates = sim.metric('table.orders_fact.duplicates');
    expect(duplicates).toBeGreaterThan(25_000);
    // The excess is about 8% of the rows, as Finance sees it.
    const share = duplicates / sim.metric('table.orders_fact.rows');
    expect(share).toBeGreaterThan(0.06);
    expect(share).toBeLessThan(0.12);
  });

  it('removes every duplicate row with a dedupe job, keeping one row per event id', () => {
    const sim = paged();
    const rows = sim.metric('table.orders_fact.rows');
    const duplicates = sim.metric('table.orders_fact.duplicates');
    sim.typeAll(revenueSteps.dedupe);
    expect(sim.metric('table.orders_fact.duplicates')).toBe(0);
    expect(sim.metric('records.duplicates')).toBe(0);
    // New orders keep arriving, but the table lost exactly the duplicate rows.
    expect(sim.metric('table.orders_fact.rows')).toBeLessThan(rows + 40_000 - duplicates);
    sim.expectBalanced();
  });

  it('prints MISMATCH with the duplicate count before the repair and MATCH after it', () => {
    const sim = paged();
    const before = reconciliationOutput(rewind, sim.state, 'orders-loader').body;
    expect(before).toContain('MISMATCH');
    expect(before).toContain(String(sim.metric('table.orders_fact.duplicates')));
    sim.typeAll(revenueSteps.merge).typeAll(revenueSteps.dedupe);
    const after = reconciliationOutput(rewind, sim.state, 'orders-loader').body;
    expect(after).toMatch(/\bMATCH\b/);
    expect(after).not.toContain('MISMATCH');
  });

  it('sums amounts from the same counts, so the table total exceeds the source total by the duplicates', () => {
    const sim = paged();
    const body = reconciliationOutput(rewind, sim.state, 'orders-loader').body;
    const values = (body.split('\n')[2] ?? '').split('|').map((c) => c.trim());
    const [source, rows, distinct, duplicates] = values.slice(0, 4).map(Number) as [number, number, number, number];
    expect(rows - source).toBe(duplicates);
    expect(distinct).toBe(source);
    expect(Number(values[6]) - Number(values[5])).toBeCloseTo(duplicates * 47.32, 2);
  });

  it('keeps the rewound window doubled when the sink only switches to MERGE: a MERGE matches every copy', () => {
    const sim = paged();
    const duplicates = sim.metric('table.orders_fact.duplicates');
    sim.typeAll(revenueSteps.merge).advance(600);
    expect(sim.metric('table.orders_fact.duplicates')).toBe(duplicates);
    expect(sim.metric('job.orders-loader.idempotentSink')).toBe(1);
  });

  it('makes a blind reload in append mode double the day', () => {
    const sim = paged().typeAll(revenueSteps.reset('--to-datetime 2024-04-09T07:00:00.000', 12)).advance(1800);
    expect(sim.metric('table.orders_fact.duplicates')).toBeGreaterThan(sim.metric('table.orders_fact.rows') / 3);
  });
});
