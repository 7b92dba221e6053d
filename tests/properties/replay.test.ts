import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEntry, createInitialState, replay, stateHash, type SimState } from '../../src/engine';
import type { LogEntry } from '../../src/scenarios/schema';
import { scenarioRun } from '../support/sim-harness';
import { commandArbitraries, commandLogArbitrary, schemaCommandTypes } from './command-log-arbitrary';

const s = scenarioRun('avro-schema-break');
const seed = fc.constantFrom(1, 2, 7);
const log = commandLogArbitrary(s, { maxEntries: 25, minAt: -120, maxAt: s.clock.endS });
const runs = { numRuns: 35 };

/** Every state a log passes through, one per entry, via the pure step function. */
function statesAlong(seedValue: number, entries: readonly LogEntry[]): SimState[] {
  const states = [createInitialState(s, seedValue)];
  for (const entry of entries) states.push(applyEntry(s, states[states.length - 1] as SimState, entry));
  return states;
}

describe('replaying arbitrary command logs (avro-schema-break)', () => {
  it('generates every command type the schema accepts', () => {
    expect(Object.keys(commandArbitraries(s)).sort()).toEqual([...schemaCommandTypes].sort());
  });

  it('never throws, whatever the commands, ids and time stamps', () => {
    fc.assert(
      fc.property(seed, log, (seedValue, entries) => {
        const state = replay(s, seedValue, entries);
        // Every entry is either applied or recorded as rejected with a reason.
        expect(state.log).toEqual(entries);
        for (const r of state.rejected) expect(r.reason).toMatch(/\S/);
      }),
      runs,
    );
  });

  it('never moves sim time backwards, even for entries stamped in the past', () => {
    fc.assert(
      fc.property(seed, log, (seedValue, entries) => {
        const states = statesAlong(seedValue, entries);
        for (let i = 1; i < states.length; i++) {
          const before = states[i - 1] as SimState;
          const after = states[i] as SimState;
          expect(after.t).toBeGreaterThanOrEqual(before.t);
          expect(after.t).toBeLessThanOrEqual(s.clock.endS);
        }
      }),
      runs,
    );
  });

  it('rejects an entry stamped before the current time instead of applying it', () => {
    fc.assert(
      fc.property(seed, log, (seedValue, entries) => {
        const states = statesAlong(seedValue, entries);
        entries.forEach((entry, i) => {
          const before = states[i] as SimState;
          const after = states[i + 1] as SimState;
          if (entry.at < before.t) {
            expect(after.rejected.length).toBe(before.rejected.length + 1);
            expect(after.rejected.at(-1)?.reason).toContain('before the current time');
          }
        });
      }),
      runs,
    );
  });

  it('is deterministic: the same seed and log give the same state hash, replayed or stepped', () => {
    fc.assert(
      fc.property(seed, log, (seedValue, entries) => {
        const first = stateHash(replay(s, seedValue, entries));
        const second = stateHash(replay(s, seedValue, structuredClone(entries)));
        const stepped = stateHash(statesAlong(seedValue, entries).at(-1) as SimState);
        expect(second).toBe(first);
        expect(stepped).toBe(first);
      }),
      runs,
    );
  });

  it('leaves the state it was given untouched when applying an entry', () => {
    fc.assert(
      fc.property(seed, log, (seedValue, entries) => {
        let state = createInitialState(s, seedValue);
        for (const entry of entries) {
          const hashBefore = stateHash(state);
          const next = applyEntry(s, state, entry);
          expect(stateHash(state)).toBe(hashBefore);
          state = next;
        }
      }),
      { numRuns: 15 },
    );
  });
});
