import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEntry, createInitialState, type SimState } from '../../src/engine';
import { handsPerResponder, heldAt } from '../../src/engine/hands';
import type { LogEntry } from '../../src/scenarios/schema';
import { scenarioRun } from '../support/sim-harness';
import { commandArbitraries, commandLogArbitrary } from './command-log-arbitrary';

const s = scenarioRun('avro-schema-break');
const seats = [undefined, 's-ann', 's-bob'] as const;
/** Arbitrary logs, each entry sent by one of three responders (solo, or two seats of a room). */
const commands = commandArbitraries(s);
/** Bursts of commands that take a hand, a few moments apart, after the session starts: where hands run out. */
const bursts = fc
  .array(fc.record({ at: fc.integer({ min: 0, max: 3 }).map((k) => s.clock.playerStartS + 5 + k * 60), command: fc.oneof(commands['action.start'], commands['terminal.run'], commands['sql.run'], commands['comms.post']) }), { minLength: 8, maxLength: 30 })
  .map((entries): LogEntry[] => [{ at: s.clock.playerStartS, command: { type: 'session.start' } }, ...entries.sort((a, b) => a.at - b.at)]);
const log = fc
  .tuple(fc.oneof(bursts, commandLogArbitrary(s, { maxEntries: 30, minAt: -120, maxAt: 1800 })), fc.array(fc.constantFrom(...seats), { minLength: 31, maxLength: 31 }))
  .map(([entries, by]) => entries.map((entry, i): LogEntry => (by[i] === undefined ? entry : { ...entry, by: by[i] })));
const holding = new Set(['action.start', 'terminal.run', 'sql.run']);

/** How many things the entry's sender had in hand at its moment, before it ran. */
function heldBefore(state: SimState, entry: LogEntry): number {
  return heldAt(state.hands, entry.by, Math.max(entry.at, state.t)).length;
}

describe('hands over arbitrary command logs (avro-schema-break)', () => {
  let refusedBusy = 0;
  let accepted = 0;

  it('never lets a responder hold more than two commands, and refuses for busy hands only when both are full', () => {
    fc.assert(
      fc.property(log, (entries) => {
        let state = createInitialState(s, 1);
        for (const entry of entries) {
          const before = state;
          state = applyEntry(s, state, entry);
          for (const by of seats) expect(heldAt(state.hands, by, state.t).length).toBeLessThanOrEqual(handsPerResponder);
          const refusal = state.rejected.length > before.rejected.length ? (state.rejected.at(-1)?.reason ?? '') : null;
          if (refusal?.startsWith('You are busy with')) {
            expect(holding.has(entry.command.type), entry.command.type).toBe(true);
            expect(heldBefore(before, entry)).toBe(handsPerResponder);
          }
          if (refusal?.startsWith("You are busy with")) refusedBusy += 1;
          // A command that takes a hand was accepted only with a hand free.
          if (refusal === null && holding.has(entry.command.type)) {
            accepted += 1;
            expect(heldBefore(before, entry)).toBeLessThan(handsPerResponder);
          }
        }
      }),
      { numRuns: 40 },
    );
    // The logs reached both sides of the rule, or the property proved nothing.
    expect(refusedBusy).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);
  });
});
