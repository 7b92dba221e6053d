import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenarios/load-scenario';
import { validateScenarioText } from '../../src/scenarios/validate-scenario';
import { exampleText, lintMistakes, type MalformedCase } from './malformed-cases';

function expectLintRejected(c: MalformedCase): void {
  // The loader alone accepts it: only playing the scenario shows the mistake.
  expect(loadScenario(c.text).ok).toBe(true);
  let result;
  try {
    result = validateScenarioText(c.text, `${c.name}.yaml`);
  } catch (error) {
    throw new Error(`validateScenarioText threw on "${c.name}"`, { cause: error });
  }
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problems).toContainEqual({
    path: c.path,
    message: typeof c.message === 'string' ? expect.stringContaining(c.message) : expect.stringMatching(c.message),
  });
}

describe('rejecting mistakes only the lint catches, with a path and plain words', () => {
  it('starts from an example that passes every check', () => {
    expect(validateScenarioText(exampleText, 'flash-sale-lag.yaml').ok).toBe(true);
  });

  it.each(lintMistakes().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectLintRejected(c);
  });
});
