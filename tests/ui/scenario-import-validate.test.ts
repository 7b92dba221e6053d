import { describe, expect, it } from 'vitest';
import { runValidation } from '../../src/ui/scenario-import/run-validation';
import { validateImport } from '../../src/ui/scenario-import/validate-import';
import { brokenWalkthroughText, importedId, notYamlText, validScenarioText } from '../e2e/fixtures/scenario-files';

const builtinIds = new Set(['avro-schema-break']);

describe('checking an imported scenario file', () => {
  it('accepts a valid scenario with an id of its own', () => {
    const result = validateImport(validScenarioText(), 'drill.yaml', builtinIds);
    expect(result.ok ? result.scenario.id : result.problems).toBe(importedId);
  });

  it('gives a valid import the facilitator curveballs a built-in has', () => {
    const result = validateImport(validScenarioText(), 'drill.yaml', builtinIds);
    expect(result.ok && result.scenario.injects.map((i) => i.id)).toContain('curveball-launch-moved-forward');
  });

  it('refuses the id of a built-in scenario, naming the id field', () => {
    const result = validateImport(validScenarioText('avro-schema-break'), 'copy.yaml', builtinIds);
    expect(result).toEqual({ ok: false, problems: [{ path: 'id', message: expect.stringContaining('"avro-schema-break" is the id of a built-in scenario') }] });
  });

  it('reports a walkthrough step that names a missing action with its path', () => {
    const result = validateImport(brokenWalkthroughText(), 'broken.yaml', builtinIds);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ path: expect.stringMatching(/^walkthrough\.\d+\.command\.action$/), message: expect.stringContaining('restart-everything') });
  });

  it('reports a file that is not YAML at the top level with the line', () => {
    const result = validateImport(notYamlText, 'notes.yaml', builtinIds);
    expect(result).toEqual({ ok: false, problems: [{ path: '', message: expect.stringMatching(/^is not valid YAML or JSON: line \d+/) }] });
  });

  it('checks in this thread, with the same answer, where there are no workers', async () => {
    expect(typeof Worker).toBe('undefined');
    expect(await runValidation(notYamlText, 'notes.yaml', builtinIds)).toEqual(validateImport(notYamlText, 'notes.yaml', builtinIds));
  });
});
