import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playBot, prepareRun, summarizeRun, type RunSummary } from '../../src/engine';
import { scenarioRun } from '../support/sim-harness';
import { authorMistakes, validFile } from '../scenarios/malformed-cases';
import { linesOf, runAll, stackFrame, type RunsByName } from './run-script';
import { expectSummaryShape, onlyJson } from './summary-shape';

const id = 'avro-schema-break';
const tmp = mkdtempSync(join(tmpdir(), 'firedrill-sim-'));
const invalidFile = join(tmp, 'missing-title.yaml');

const runs = {
  list: ['--list', '--json'],
  model: ['--scenario', id, '--policy', 'model', '--seed', '1', '--json'],
  modelFromFile: ['--file', validFile, '--policy', 'model', '--seed', '1', '--json'],
  modelOtherSeed: ['--scenario', id, '--policy', 'model', '--seed', '2', '--json'],
  idle: ['--scenario', id, '--policy', 'idle', '--seed', '1', '--json'],
  hard: ['--scenario', id, '--policy', 'model', '--seed', '1', '--level', 'hard', '--json'],
  readable: ['--scenario', id, '--policy', 'model', '--seed', '1'],
} satisfies Record<string, string[]>;

const badArguments: [string, string[]][] = [
  ['an unknown option', ['--scenario', id, '--policy', 'model', '--seed', '1', '--verbose']],
  ['a missing --policy', ['--scenario', id, '--seed', '1']],
  ['--policy bogus', ['--scenario', id, '--policy', 'bogus', '--seed', '1']],
  ['--seed abc', ['--scenario', id, '--policy', 'model', '--seed', 'abc']],
  ['--level extreme', ['--scenario', id, '--policy', 'model', '--seed', '1', '--level', 'extreme']],
  ['an unknown scenario id', ['--scenario', 'no-such-scenario', '--policy', 'model', '--seed', '1']],
  ['--file of a path that does not exist', ['--file', join(tmp, 'nope.yaml'), '--policy', 'model', '--seed', '1']],
  ['--file of an invalid scenario', ['--file', invalidFile, '--policy', 'model', '--seed', '1']],
];

let result: RunsByName;

beforeAll(async () => {
  const missingTitle = authorMistakes().find((c) => c.path === 'title');
  if (!missingTitle) throw new Error('no missing-title case');
  writeFileSync(invalidFile, missingTitle.text);
  // One process per contract, all at once.
  result = await runAll('sim', [...Object.entries(runs), ...badArguments]);
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function json(name: string): unknown {
  return onlyJson(result(name));
}

describe('sim --list --json', () => {
  it('prints only a JSON array of {id, version, title, difficulty}', () => {
    const list = json('list') as Record<string, unknown>[];
    expect(Array.isArray(list)).toBe(true);
    for (const entry of list) expect(Object.keys(entry).sort()).toEqual(['difficulty', 'id', 'title', 'version']);
    expect(list).toContainEqual({ id, version: 4, title: 'Blank executive dashboard', difficulty: 'normal' });
  });
});

describe('sim --scenario … --json', () => {
  it('prints exactly one JSON object with the run summary fields', () => {
    const summary = expectSummaryShape(json('model'));
    expect(summary).toMatchObject({ scenarioId: id, seed: 1, policy: 'model' });
  });

  it('prints what the engine computes for the same policy and seed, so the hash is stable across processes', () => {
    const s = scenarioRun(id);
    const { summary } = summarizeRun(s, playBot(s, 'model', 1).state, 'model');
    expect(json('model')).toEqual(summary);
  });

  it('resolves the incident with the model policy, at full score', () => {
    const summary = expectSummaryShape(json('model'));
    expect(summary.resolved).toBe(true);
    expect(summary.milestones.resolved).not.toBeNull();
    expect(summary.score).toBe(summary.maxScore);
    expect(summary.records.lost).toBe(0);
  });

  it('leaves the incident unresolved with the idle policy', () => {
    const summary = expectSummaryShape(json('idle'));
    expect(summary.resolved).toBe(false);
    expect(summary.milestones.resolved).toBeNull();
    expect(summary.mttrS).toBeNull();
    expect(summary.score).toBeLessThan(summary.maxScore);
  });

  it('gives a different state hash for a different seed', () => {
    const one = expectSummaryShape(json('model'));
    const two = expectSummaryShape(json('modelOtherSeed'));
    expect(two.seed).toBe(2);
    expect(two.stateHash).not.toBe(one.stateHash);
  });

  it('plays a scenario file given with --file exactly like the built-in one', () => {
    expect(json('modelFromFile')).toEqual(json('model'));
  });
});

describe('sim without --json', () => {
  it('plays the run level given with --level', () => {
    const s = prepareRun(scenarioRun(id), 1, 'hard');
    expect(json('hard')).toEqual(summarizeRun(s, playBot(s, 'model', 1).state, 'model').summary);
  });

  it('prints a readable summary with the score', () => {
    const run = result('readable');
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout)).toThrow();
    expect(run.stdout).toContain('Blank executive dashboard');
    expect(run.stdout).toMatch(/score 100\/100/);
    const hash = (json('model') as RunSummary).stateHash;
    expect(run.stdout).toContain(hash);
  });
});

describe('sim with bad arguments', () => {
  it.each(badArguments)('exits 2 with one "sim: " line on stderr for %s', (name) => {
    const run = result(name);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(linesOf(run.stderr)).toEqual([expect.stringMatching(/^sim: \S/)]);
    expect(run.stderr).not.toMatch(stackFrame);
  });
});
