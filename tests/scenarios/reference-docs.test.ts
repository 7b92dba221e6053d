import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinSourcesFromDisk, repoRoot } from '../../scripts/lib/builtin-scenarios';
import { formatDocFile, jsonSchemaFile, scenarioJsonSchema, scenarioJsonSchemaText, withVocabulary } from '../../scripts/lib/scenario-reference';
import { effectSchema, revealSchema } from '../../src/scenarios/schema';

const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');

describe('the committed scenario reference', () => {
  it('docs/scenario.schema.json matches the zod schema (run npm run scenario:schema if not)', () => {
    expect(read(jsonSchemaFile)).toBe(scenarioJsonSchemaText());
  });

  it('the generated vocabulary in docs/scenario-format.md matches the schema (run npm run scenario:schema if not)', () => {
    const doc = read(formatDocFile);
    expect(doc).toBe(withVocabulary(doc));
  });

  it('lists every effect op and every reveal kind in the format reference', () => {
    const doc = read(formatDocFile);
    for (const option of effectSchema.options) expect(doc).toContain(`| \`${option.shape.op.value}\` |`);
    for (const option of revealSchema.options) expect(doc).toContain(`| \`${option.shape.kind.value}\` |`);
  });

  it('describes a scenario file as a closed mapping, so editors flag unknown fields like the loader does', () => {
    const schema = scenarioJsonSchema();
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'version', 'title', 'world', 'faults', 'alerts', 'actions', 'walkthrough']));
    // Fields with defaults are optional for the author.
    expect(schema.required).not.toContain('tags');
  });
});

describe('editor support in scenario files', () => {
  const modeline = /^# yaml-language-server: \$schema=(\S+)$/;

  it.each(builtinSourcesFromDisk().filter((f) => /\.ya?ml$/.test(f.file)).map((f) => [f.file, f] as const))('%s starts with a modeline pointing at the committed JSON Schema', (_file, f) => {
    const match = modeline.exec(f.text.split('\n')[0] ?? '');
    expect(match, 'first line: # yaml-language-server: $schema=../../docs/scenario.schema.json').not.toBeNull();
    expect(join(dirname(f.file), match?.[1] ?? '')).toBe(jsonSchemaFile);
  });
});
