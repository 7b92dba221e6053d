import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEntry, createInitialState, finish, parTimes, scoreRun, type SimState } from '../../src/engine';
import type { LogEntry } from '../../src/scenarios/schema';
import { scenarioRun } from '../support/sim-harness';
import { commandLogArbitrary } from './command-log-arbitrary';

const s = scenarioRun('avro-schema-break');
const seeds = [1, 2, 7];
const seed = fc.constantFrom(...seeds);
const log = commandLogArbitrary(s, { maxEntries: 25, minAt: -120, maxAt: s.clock.endS });
const runs = { numRuns: 35 };
const par = new Map(seeds.map((x) => [x, parTimes(s, x)]));
const parFor = (seedValue: number) => par.get(seedValue) ?? parTimes(s, seedValue);

const lagKey = /^job\.[^.]+\.lag(:\d+)?$/;

/** Calls `check` on the state after each entry of the log, then returns the last state. */
function eachState(seedValue: number, entries: readonly LogEntry[], check: (state: SimState) => void): SimState {
  let state = createInitialState(s, seedValue);
  check(state);
  for (const entry of entries) {
    state = applyEntry(s, state, entry);
    check(state);
  }
  return state;
}

function expectNoNegativeLag(metrics: Record<string, number>): void {
  const lags = Object.entries(metrics).filter(([key]) => lagKey.test(key));
  // Both the totals and the per-partition lags must be there, or the check proves nothing.
  expect(lags.some(([key]) => key.includes(':'))).toBe(true);
  expect(lags.some(([key]) => !key.includes(':'))).toBe(true);
  for (const [key, value] of lags) expect(value, key).toBeGreaterThanOrEqual(0);
}

function expectBalanced(m: Record<string, number | undefined>): void {
  const produced = m['records.produced'];
  expect(produced).toBeGreaterThan(0);
  expect((m['records.pending'] ?? NaN) + (m['records.delivered'] ?? NaN) + (m['records.dlq'] ?? NaN) + (m['records.lost'] ?? NaN)).toBe(produced);
}

/** The metrics as sampled for charts at one index of the series (the ticks between entries). */
function sample(state: SimState, index: number, prefix: string): Record<string, number | undefined> {
  return Object.fromEntries(Object.entries(state.series.values).filter(([key]) => key.startsWith(prefix)).map(([key, column]) => [key, column[index]]));
}

describe('invariants over arbitrary command logs (avro-schema-break)', () => {
  it('never reports a negative consumer lag, in total or per partition', () => {
    fc.assert(
      fc.property(seed, log, (seedValue, entries) => {
        const last = eachState(seedValue, entries, (state) => expectNoNegativeLag(state.metrics));
        // The chart samples cover the ticks between entries too.
        for (const [key, column] of Object.entries(last.series.values)) {
          if (lagKey.test(key)) expect(Math.min(...column), key).toBeGreaterThanOrEqual(0);
        }
      }),
      runs,
    );
  });

  it('accounts for every produced record: produced = pending + delivered + dlq + lost', () => {
    fc.assert(
      fc.property(seed, log, (seedValue, entries) => {
        const last = eachState(seedValue, entries, (state) => expectBalanced(state.metrics));
        last.series.times.forEach((_, i) => expectBalanced(sample(last, i, 'records.')));
      }),
      runs,
    );
  });

  it('scores every run within 0–100, with no part above its maximum', () => {
    fc.assert(
      fc.property(seed, log, (seedValue, entries) => {
        let state = createInitialState(s, seedValue);
        for (const entry of entries) state = applyEntry(s, state, entry);
        for (const judged of [state, finish(s, state)]) {
          const report = scoreRun(s, judged, parFor(seedValue));
          expect(Number.isInteger(report.total)).toBe(true);
          expect(report.total).toBeGreaterThanOrEqual(0);
          expect(report.total).toBeLessThanOrEqual(report.maxScore);
          expect(report.maxScore).toBe(100);
          for (const part of report.parts) expect(part.points, part.id).toBeLessThanOrEqual(part.max);
          expect(report.parts.reduce((sum, p) => sum + p.max, 0)).toBe(report.maxScore);
        }
      }),
      runs,
    );
  });
});
