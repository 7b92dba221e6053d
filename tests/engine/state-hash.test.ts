import { describe, expect, it } from 'vitest';
import { createInitialState, playBot, prepareRun, seedsForVariants, stateHash, stateHashMatches, type SimState } from '../../src/engine';
import { hashString, laterStateKeys } from '../../src/engine/state-hash';
import { scenario } from '../support/sim-harness';

// The state as a run gave it before a new state held its later keys: those it set, at the end, in `order`.
function legacyHash(state: SimState, order: readonly string[]): string {
  const { hands: _inHand, ...rest } = state;
  const fixed = Object.entries(rest).filter(([key]) => !(laterStateKeys as readonly string[]).includes(key));
  const later = order.filter((key) => rest[key as keyof typeof rest] !== undefined).map((key) => [key, rest[key as keyof typeof rest]]);
  return hashString(JSON.stringify(Object.fromEntries([...fixed, ...later])));
}

describe('state hash', () => {
  it('gives a new state every later key, unset, at its end, so JSON leaves them out', () => {
    const s = prepareRun(scenario('avro-schema-break'), 1);
    const state = createInitialState(s, 1);
    expect(Object.keys(state).slice(-laterStateKeys.length)).toEqual([...laterStateKeys]);
    for (const key of laterStateKeys) expect(state[key]).toBeUndefined();
    expect(Object.keys(JSON.parse(JSON.stringify(state)) as object)).not.toContain('terminal');
  });

  // A run that queries SQL before it types a shell command set `sql` before `terminal`.
  const { seed } = seedsForVariants(scenario('double-counted-revenue'))[0] as { seed: number };
  const s = prepareRun(scenario('double-counted-revenue'), seed);
  const run = playBot(s, 'model', seed);

  it('accepts a hash recorded with the later keys in the order a run first set them', () => {
    expect(run.state.sql).toBeDefined();
    expect(run.state.terminal).toBeDefined();
    const recorded = legacyHash(run.state, ['sql', 'terminal', 'replies', 'plans']);
    expect(recorded).not.toBe(stateHash(run.state));
    expect(stateHashMatches(run.state, recorded)).toBe(true);
    expect(stateHashMatches(run.state, stateHash(run.state))).toBe(true);
  });

  it('refuses a hash of a state that differs in anything but that order', () => {
    const changed = { ...run.state, impactS: run.state.impactS + 1 };
    expect(stateHashMatches(changed, legacyHash(run.state, ['sql', 'terminal', 'replies', 'plans']))).toBe(false);
    expect(stateHashMatches(changed, stateHash(run.state))).toBe(false);
    // Moving a key that is not a later key is a different state.
    const { seed: _seed, ...withoutSeed } = run.state;
    expect(stateHashMatches({ ...withoutSeed, seed: run.state.seed } as SimState, stateHash(run.state))).toBe(false);
  });
});
