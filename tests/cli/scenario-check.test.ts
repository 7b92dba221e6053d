import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateScenarioText } from '../../src/scenarios/validate-scenario';
import { authorMistakes, corpusCases, corpusDir, fileNameFor, hostileInputs, lintMistakes, repoRoot, validFile, type MalformedCase } from '../scenarios/malformed-cases';
import { linesOf, runScript, stackFrame, type ScriptRun } from './run-script';

const tmp = mkdtempSync(join(tmpdir(), 'firedrill-check-'));

/** A broken file on disk, the name scenario:check will print for it, and what it must report. */
interface BadFile {
  file: string;
  expected: MalformedCase;
}

const badFiles: BadFile[] = [];
const missingFile = join(tmp, 'does-not-exist.yaml');
let alone: ScriptRun;
let mixed: ScriptRun;

beforeAll(async () => {
  for (const c of corpusCases()) badFiles.push({ file: relative(repoRoot, join(corpusDir, c.name)), expected: c });
  for (const c of [...authorMistakes(), ...hostileInputs(), ...lintMistakes()]) {
    const file = join(tmp, fileNameFor(c));
    writeFileSync(file, c.text);
    badFiles.push({ file, expected: c });
  }
  // Two processes in all: the valid file alone, then every broken file with the valid one in the middle.
  const middle = Math.floor(badFiles.length / 2);
  const files = [...badFiles.slice(0, middle).map((b) => b.file), validFile, ...badFiles.slice(middle).map((b) => b.file), missingFile];
  // A few seeds for the honest-par check keep the test quick; the default of 50 is what CI runs on the built-ins.
  [alone, mixed] = await Promise.all([runScript('scenario-check', ['--par-seeds', '3', validFile]), runScript('scenario-check', ['--par-seeds', '3', ...files])]);
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('scenario:check on a valid file', () => {
  it('exits 0 and prints OK with the file name', () => {
    expect(alone).toEqual({ code: 0, stdout: `OK ${validFile}\n`, stderr: '' });
  });
});

describe('scenario:check on broken files mixed with a valid one', () => {
  it('exits 1 and still prints OK for the valid file', () => {
    expect(mixed.code).toBe(1);
    expect(linesOf(mixed.stdout).filter((line) => line.startsWith('OK '))).toEqual([`OK ${validFile}`]);
  });

  it('prints no stack trace, on stdout or stderr', () => {
    expect(mixed.stdout).not.toMatch(stackFrame);
    expect(mixed.stderr).not.toMatch(stackFrame);
    expect(mixed.stderr).toBe('');
  });

  it('starts every other line with the name of the file it is about', () => {
    const names = [...badFiles.map((b) => b.file), missingFile];
    const stray = linesOf(mixed.stdout).filter((line) => !line.startsWith('OK ') && !names.some((file) => line.startsWith(`${file}: `)));
    expect(stray).toEqual([]);
  });

  it('says a missing file does not exist', () => {
    expect(linesOf(mixed.stdout)).toContain(`${missingFile}: does not exist`);
  });

  it('prints one line per problem for each broken file, naming the path and the problem', () => {
    expect(badFiles.length).toBeGreaterThanOrEqual(40);
    const lines = linesOf(mixed.stdout);
    for (const { file, expected } of badFiles) {
      const own = lines.filter((line) => line.startsWith(`${file}: `));
      const result = validateScenarioText(expected.text, file);
      expect(own.length, file).toBe(result.ok ? 0 : result.problems.length);
      expect(own.length, file).toBeGreaterThan(0);
      const where = `${file}: ${expected.path || '(top level)'}: `;
      const match = own.find((line) => line.startsWith(where));
      expect(match, `${file} should report ${where}…`).toBeDefined();
      const message = (match ?? '').slice(where.length);
      if (typeof expected.message === 'string') expect(message).toContain(expected.message);
      else expect(message).toMatch(expected.message);
    }
  });
});

describe('scenario:check --par-seeds', () => {
  it('refuses a count that is not a whole number, saying what it needs', async () => {
    const run = await runScript('scenario-check', ['--par-seeds', 'many', validFile]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'scenario:check: --par-seeds needs a whole number of seeds from 0 to 1000\n' });
  });
});
