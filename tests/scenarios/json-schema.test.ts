import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scenarioSchema } from '../../src/scenarios/schema';
import { builtinSourcesFromDisk } from '../../scripts/lib/builtin-scenarios';
import { authorMistakes, exampleFile, exampleText, repoRoot } from './malformed-cases';

// What an editor does with docs/scenario.schema.json: compile it with a standard validator.
const jsonSchema = JSON.parse(readFileSync(join(repoRoot, 'docs', 'scenario.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(jsonSchema);

describe('the generated JSON Schema, as an editor uses it', () => {
  it('accepts every built-in scenario and the guide’s example without a false alarm', () => {
    for (const { file, text } of [...builtinSourcesFromDisk(), { file: exampleFile, text: exampleText }]) {
      expect(validate(parse(text)), `${file}: ${JSON.stringify(validate.errors?.slice(0, 2))}`).toBe(true);
    }
  });

  it('flags every author mistake the zod schema itself rejects', () => {
    const schemaLevel = authorMistakes().filter((c) => {
      let doc: unknown;
      try {
        doc = parse(c.text);
      } catch {
        return false;
      }
      return !scenarioSchema.safeParse(doc).success;
    });
    expect(schemaLevel.length).toBeGreaterThan(5);
    // The clock's ordering rule is a refinement no JSON Schema can express; the loader reports it.
    const missed = schemaLevel.filter((c) => !c.path.startsWith('clock') && validate(parse(c.text)));
    expect(missed.map((c) => `${c.name} (${c.path})`)).toEqual([]);
  });
});
