import { describe, expect, it } from 'vitest';
import { messyAvroPlan } from '../support/avro-steps';
import { Sim, scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const tickS = s.clock.tickS;
const buckets = ['records.pending', 'records.delivered', 'records.dlq', 'records.lost', 'records.duplicates'] as const;

/** What a careful player would have done before an action makes sense (replays need the fixed reader). */
const setUp: Record<string, string[]> = {
  'replay-from-deploy': ['enable-dlq', 'enable-registry-lookup'],
  'replay-dlq': ['enable-dlq', 'enable-registry-lookup'],
  'enable-registry-lookup': ['enable-dlq'],
};

/** Checks every bucket of the critical pipeline, and that the produced count is what the topic actually holds. */
function expectAccountedFor(sim: Sim): void {
  sim.expectBalanced();
  for (const key of buckets) expect(sim.metric(key), `${key} at t=${sim.state.t}`).toBeGreaterThanOrEqual(0);
  const topic = sim.state.world.topics.orders;
  const written = (topic?.partitions ?? []).reduce((sum, p) => sum + (p.logEnd - p.base), 0);
  expect(sim.metric('records.produced')).toBe(written);
  expect(sim.metric('table.orders_fact.rows')).toBe(sim.metric('records.delivered') + sim.metric('records.duplicates'));
}

/** Steps tick by tick for `seconds`, checking the accounts at every tick; returns the peak of each bucket. */
function stepChecking(sim: Sim, seconds: number, peaks: Record<string, number> = {}): Record<string, number> {
  for (let t = 0; t < seconds; t += tickS) {
    sim.advance(tickS);
    expectAccountedFor(sim);
    for (const key of buckets) peaks[key] = Math.max(peaks[key] ?? 0, sim.metric(key));
  }
  return peaks;
}

function durationOf(action: string): number {
  return s.actions.find((a) => a.id === action)?.durationS ?? 0;
}

describe('data accounting', () => {
  it('holds before the player takes the console and at the page', () => {
    const sim = new Sim(s, 1);
    expectAccountedFor(sim);
    expect(sim.metric('records.produced')).toBeGreaterThan(0);
    sim.start().waitForPage();
    expectAccountedFor(sim);
  });

  it.each(s.actions.map((a) => a.id))('keeps every record in exactly one bucket around %s', (action) => {
    const sim = new Sim(s, 1).start().waitForPage().ack();
    // A curveball's decisions are on offer only once the facilitator has fired it.
    const gate = s.actions.find((a) => a.id === action)?.availableAfter;
    if (gate) sim.send({ type: 'facilitator.inject', inject: gate.inject });
    for (const step of setUp[action] ?? []) sim.complete(step);
    const producedBefore = sim.metric('records.produced');
    sim.act(action);
    expect(sim.state.rejected).toEqual([]);
    stepChecking(sim, durationOf(action) + 180);
    expect(sim.state.decisions.find((d) => d.action === action)?.completedAt).not.toBeNull();
    expect(sim.metric('records.produced')).toBeGreaterThan(producedBefore);
  });

  it('stays balanced through a messy run of harmful, overlapping and repairing mitigations', () => {
    const sim = new Sim(s, 1).start().waitForPage().ack();
    const peaks: Record<string, number> = {};
    for (const [lines, wait] of messyAvroPlan) {
      for (const line of lines) {
        sim.send({ type: 'terminal.run', line });
        while (sim.state.terminal?.at(-1)?.output === null) stepChecking(sim, tickS, peaks);
      }
      stepChecking(sim, wait, peaks);
    }
    expect(sim.state.rejected).toEqual([]);
    // Every kind of harm happened along the way, so each bucket was exercised.
    expect(peaks['records.lost']).toBeGreaterThan(0);
    expect(peaks['records.duplicates']).toBeGreaterThan(0);
    expect(peaks['records.dlq']).toBeGreaterThan(0);
    // The overwrite replay with the fixed reader brings back what was skipped or parked.
    expect(sim.metric('records.lost')).toBe(0);
    expect(sim.metric('records.dlq')).toBe(0);
  });

  it('never lets the produced or delivered counts fall while records flow', () => {
    const sim = new Sim(s, 1).start().waitForPage().ack().complete('enable-dlq');
    let produced = sim.metric('records.produced');
    let delivered = sim.metric('records.delivered');
    for (let i = 0; i < 60; i++) {
      sim.advance(tickS);
      expect(sim.metric('records.produced')).toBeGreaterThanOrEqual(produced);
      expect(sim.metric('records.delivered')).toBeGreaterThanOrEqual(delivered);
      produced = sim.metric('records.produced');
      delivered = sim.metric('records.delivered');
    }
    expectAccountedFor(sim);
  });
});
