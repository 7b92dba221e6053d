import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { playBot, prepareRun, replay, replayInSteps, stateHash, type SimState } from '../../src/engine';
import { createInitialState, createInitialStateInSteps } from '../../src/engine/session';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios';

const { scenarios } = builtinRegistry();

/** Drives the generator to its end, counting the pauses it offered. */
function drain(steps: Generator<void, SimState, void>): { state: SimState; pauses: number } {
  let pauses = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { state: next.value, pauses };
    pauses += 1;
  }
}

describe('replayInSteps', () => {
  it.each(scenarios.map((s) => [s.id, s] as const))('gives replay’s state, byte for byte, for the model and a random player on %s', (_id, base) => {
    const s = prepareRun(base, 2, 'normal');
    for (const policy of ['model', 'random'] as const) {
      const run = playBot(s, policy, 2);
      const whole = replay(s, 2, run.log, s.clock.endS);
      const { state, pauses } = drain(replayInSteps(s, 2, run.log, s.clock.endS, 300));
      expect(stateHash(state), policy).toBe(stateHash(whole));
      expect(state, policy).toEqual(whole);
      // It did pause: a whole run is more than one slice long.
      expect(pauses, policy).toBeGreaterThan(0);
    }
  });

  it('agrees with replay at any moment, with any slice, including logs with refused entries', () => {
    const base = scenarios.find((s) => s.id === 'avro-schema-break') ?? scenarios[0];
    if (!base) throw new Error('no scenario');
    const s = prepareRun(base, 1, 'normal');
    const run = playBot(s, 'random', 5);
    // A stamp before the previous one and one after the end: replay refuses both without moving time.
    const log = [...run.log.slice(0, 6), { at: 1, command: { type: 'note.add' as const, text: 'too early' } }, ...run.log.slice(6), { at: s.clock.endS + 60, command: { type: 'note.add' as const, text: 'too late' } }];
    fc.assert(
      fc.property(fc.integer({ min: s.clock.worldStartS, max: s.clock.endS }), fc.integer({ min: 1, max: 3600 }), (until, slice) => {
        const cut = log.filter((e) => e.at <= until || e.command.type === 'note.add');
        expect(stateHash(drain(replayInSteps(s, 1, cut, until, slice)).state)).toBe(stateHash(replay(s, 1, cut, until)));
      }),
      { numRuns: 25 },
    );
  });

  it('pauses in the pre-roll too, and starts the player from the same state as createInitialState', () => {
    fc.assert(
      fc.property(fc.constantFrom(...scenarios), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 10, max: 3600 }), (base, seed, slice) => {
        // Fresh copies of the scenario, so neither call is answered from the pre-roll cache.
        const whole = createInitialState(structuredClone(base), seed);
        const { state, pauses } = drain(createInitialStateInSteps(structuredClone(base), seed, slice));
        expect(stateHash(state)).toBe(stateHash(whole));
        expect(state).toEqual(whole);
        // One pause after building the world, then one between each two slices of the pre-roll.
        expect(pauses).toBe(1 + Math.max(0, Math.ceil((base.clock.playerStartS - base.clock.worldStartS) / slice) - 1));
      }),
      { numRuns: 20 },
    );
  });
});
