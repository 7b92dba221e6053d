import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatProblems, loadScenario, type LoadResult } from '../../src/scenarios/load-scenario';
import { scenarioSchema } from '../../src/scenarios/schema';
import { authorMistakes, corpusCases, corpusDir, corpusExpectations, hostileInputs, validText, type MalformedCase } from './malformed-cases';

/** Loads without letting an exception escape, so a throw fails the test with the case's name. */
function load(text: string): LoadResult | { threw: unknown } {
  try {
    return loadScenario(text);
  } catch (error) {
    return { threw: error };
  }
}

function expectRejected(c: MalformedCase): void {
  const result = load(c.text);
  expect(result).not.toHaveProperty('threw');
  expect(result).toMatchObject({ ok: false });
  if (!('ok' in result) || result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  expect(result.problems).toContainEqual({
    path: c.path,
    message: typeof c.message === 'string' ? expect.stringContaining(c.message) : expect.stringMatching(c.message),
  });
  // Every problem is plain words for a person, never an internal error or a stack trace.
  for (const p of result.problems) {
    expect(p.message).not.toMatch(/Maximum call stack|TypeError|ReferenceError|\n\s+at /);
  }
}

describe('loading the valid scenario', () => {
  it('loads avro-schema-break from YAML', () => {
    const result = loadScenario(validText);
    expect(result.ok && result.scenario.id).toBe('avro-schema-break');
  });

  it('loads the same scenario from its JSON form', () => {
    const fromYaml = loadScenario(validText);
    const fromJson = loadScenario(JSON.stringify(parse(validText)));
    expect(fromJson.ok).toBe(true);
    expect(fromJson).toEqual(fromYaml);
  });

  it('keeps a <script> tag in a text field as a plain string (text is data)', () => {
    const script = '<script>alert(1)</script>';
    const text = validText
      .replace(/^hook: .*$/m, `hook: '${script} The exec revenue dashboard goes blank.'`)
      .replace('label: Open the stale-dashboard runbook', `label: "${script}"`);
    const result = loadScenario(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.hook).toBe(`${script} The exec revenue dashboard goes blank.`);
    expect(result.scenario.actions[0]?.label).toBe(script);
  });
});

describe('rejecting an author\'s mistakes with a path and plain words', () => {
  it.each(authorMistakes().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectRejected(c);
  });

  it('reports a dangling reference as the only problem, so the author sees the real mistake', () => {
    const dangling = authorMistakes().filter((c) => typeof c.message === 'string' && c.message.includes('which is not defined'));
    expect(dangling.length).toBeGreaterThanOrEqual(5);
    for (const c of dangling) expect(load(c.text)).toEqual({ ok: false, problems: [expect.objectContaining({ path: c.path })] });
  });
});

describe('rejecting hostile input without throwing or hanging', () => {
  it.each(hostileInputs().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectRejected(c);
  });

  it('does not pollute Object.prototype, whatever keys the files use', () => {
    const protoCases = [...hostileInputs(), ...corpusCases()].filter((c) => /__proto__|constructor|prototype/.test(c.text));
    expect(protoCases.length).toBeGreaterThanOrEqual(8);
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const c of protoCases) load(c.text);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reading a property no type declares is the whole point: it must not exist
    expect(({} as any).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('formats every problem on one line, even when a key in the file holds a line break', () => {
    const result = loadScenario(validText.replace('id: avro-schema-break\n', 'id: avro-schema-break\n"evil\\nkey\\rhere": 1\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = formatProblems('f.yaml', result.problems);
    expect(lines).toEqual(['f.yaml: (top level): has unknown field "evil\\nkey\\rhere"']);
  });
});

describe('the malformed corpus (tests/scenarios/malformed)', () => {
  it('has an expected problem for every file, and a file for every expectation', () => {
    expect(readdirSync(corpusDir).sort()).toEqual(Object.keys(corpusExpectations).sort());
  });

  it.each(corpusCases().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectRejected(c);
  });
});

describe('the strings of a loaded scenario', () => {
  it('are the file’s text exactly, for every built-in scenario (keys, ids, prose past Latin-1, numbers untouched)', () => {
    const dir = new URL('../../src/scenarios/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const result = loadScenario(text);
      expect(result.ok, file).toBe(true);
      if (!result.ok) continue;
      expect(result.scenario, file).toEqual(scenarioSchema.parse(parse(text)));
    }
  });

  it('keeps a title with any character exactly, surrogate halves and emoji included', () => {
    const title = 'Dash — arrow → emoji 😀 lone \uD800 latin é';
    const text = validText.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);
    const result = loadScenario(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.title).toBe(title);
  });
});
