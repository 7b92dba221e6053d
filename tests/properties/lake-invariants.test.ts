import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEntry, createInitialState, prepareRun, type SimState } from '../../src/engine';
import type { LogEntry } from '../../src/scenarios/schema';
import { scenario } from '../support/sim-harness';
import { commandLogArbitrary } from './command-log-arbitrary';

const runs = { numRuns: 12 };

function finalState(s: ReturnType<typeof scenario>, seed: number, entries: readonly LogEntry[]): SimState {
  let state = createInitialState(s, seed);
  for (const entry of entries) state = applyEntry(s, state, entry);
  return state;
}

function expectBalanced(m: Record<string, number | undefined>): void {
  expect((m['records.pending'] ?? NaN) + (m['records.delivered'] ?? NaN) + (m['records.dlq'] ?? NaN) + (m['records.lost'] ?? NaN)).toBe(m['records.produced']);
  for (const bucket of ['pending', 'delivered', 'dlq', 'lost', 'duplicates']) expect(m[`records.${bucket}`], bucket).toBeGreaterThanOrEqual(0);
}

describe.each(['late-mobile-events', 'small-files-cost'])('invariants over arbitrary command logs (%s)', (id) => {
  const s = prepareRun(scenario(id), 1, 'hard');
  const log = commandLogArbitrary(s, { maxEntries: 25, minAt: s.clock.playerStartS, maxAt: s.clock.endS });

  it('keeps every record accounted for, with late drops and deleted rows counted as lost', () => {
    fc.assert(
      fc.property(log, (entries) => {
        const last = finalState(s, 1, entries);
        expectBalanced(last.metrics);
        last.series.times.forEach((_, i) => expectBalanced(Object.fromEntries(Object.entries(last.series.values).filter(([k]) => k.startsWith('records.')).map(([k, c]) => [k, c[i]]))));
      }),
      runs,
    );
  });

  it('keeps completeness within 0–1 and file counts, latency and cost non-negative', () => {
    fc.assert(
      fc.property(log, (entries) => {
        const m = finalState(s, 1, entries).metrics;
        for (const [key, value] of Object.entries(m)) {
          if (key.endsWith('.completeness')) expect(value, key).toBeGreaterThanOrEqual(0);
          if (key.endsWith('.completeness')) expect(value, key).toBeLessThanOrEqual(1);
          if (/\.(files|avgFileMb|filesPerHour|queryP95S|costPerDayUsd|compactionRemainingMb|lateDropped|lateDropRate|reprocessRemaining)$/.test(key)) expect(value, key).toBeGreaterThanOrEqual(0);
        }
      }),
      runs,
    );
  });
});
