import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { levelNames, playBot, prepareRun, replay, seedsForVariants, stateHash, stateHashMatches, type SimState } from '../../src/engine';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios';

/**
 * The state hash of the model walkthrough for every built-in scenario, root-cause variant and
 * level, replayed to the end. A change means the simulation or the scenario changed, and every
 * saved replay of it now plays differently: bump the scenario's version, then regenerate with
 * `FIREDRILL_UPDATE_GOLDEN=1 npx vitest run tests/bots/golden-replays.test.ts`. A hash is checked as
 * a saved replay's is (stateHashMatches): hashes recorded before a new state held its later keys
 * from the start still match.
 */
const goldenFile = join(import.meta.dirname, 'golden-replays.json');

const runs = builtinRegistry().scenarios.flatMap((base) =>
  seedsForVariants(base).flatMap(({ variant, seed }) => levelNames.map((level) => ({ key: `${base.id}@v${base.version}${variant ? `/${variant}` : ''}/${level}/seed-${seed}`, s: prepareRun(base, seed, level), seed }))),
);
const finals = new Map<string, SimState>(runs.map(({ key, s, seed }) => [key, replay(s, seed, playBot(s, 'model', seed).log, s.clock.endS)]));
const actual = Object.fromEntries([...finals].map(([key, state]) => [key, stateHash(state)]));

if (process.env.FIREDRILL_UPDATE_GOLDEN === '1') writeFileSync(goldenFile, `${JSON.stringify(actual, null, 2)}\n`);
const golden = JSON.parse(readFileSync(goldenFile, 'utf8')) as Record<string, string>;

describe('golden replays', () => {
  it.each(runs.map((r) => r.key))('%s replays to its recorded state', (key) => {
    expect(actual[key], `no golden hash recorded for ${key}; regenerate (see the comment at the top)`).toBeDefined();
    expect(stateHashMatches(finals.get(key) as SimState, golden[key] as string), `${key} hashes to ${actual[key]}, recorded ${golden[key]}`).toBe(true);
  });

  it('records no hash for a run that no longer exists', () => {
    expect(Object.keys(golden).filter((k) => !(k in actual))).toEqual([]);
  });
});
