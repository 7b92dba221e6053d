import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseFlowYaml } from '../../src/engine/terminal/flow-yaml';

// The terminal reads `dbt run-operation --args` without shipping a YAML library to the console;
// the yaml package (which validates scenario files) is the reference it must agree with.

describe('parseFlowYaml', () => {
  it('reads the mappings people type after --args', () => {
    expect(parseFlowYaml('{model: retention_metrics, hours: 12}')).toEqual({ model: 'retention_metrics', hours: 12 });
    expect(parseFlowYaml("{ model: 'orders fact', hours: 0x0c, full: true, note: ~ }")).toEqual({ model: 'orders fact', hours: 12, full: true, note: null });
    expect(parseFlowYaml('{"model": "a\\"b", list: [1, 2.5, x], nested: {a: {b: []}}}')).toEqual({ model: 'a"b', list: [1, 2.5, 'x'], nested: { a: { b: [] } } });
    expect(parseFlowYaml('model: retention_metrics\nhours: 12')).toEqual({ model: 'retention_metrics', hours: 12 });
    expect(parseFlowYaml('{}')).toEqual({});
    expect(parseFlowYaml('')).toBeNull();
    expect(parseFlowYaml('soon')).toBe('soon');
  });

  it.each(['{hours: 12', '{model: x,, hours: 1}', '[1, 2', '{a: 1} b', "{a: 'x}", '{a: 1, a: 2}'])('refuses %s as YAML does', (text) => {
    expect(() => parseYaml(text)).toThrow();
    expect(() => parseFlowYaml(text)).toThrow();
  });

  it('agrees with the yaml package on any flow mapping of scalars, sequences and mappings', () => {
    const key = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
    const plain = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_.-]{0,10}$/), fc.integer({ min: -1e6, max: 1e6 }).map(String), fc.constantFrom('true', 'false', 'null', '~', '1.5', '-0.25', '1e3'));
    const quoted = fc.stringMatching(/^[a-zA-Z0-9 ,:{}[\]_-]{0,12}$/).chain((s) => fc.constantFrom(`'${s}'`, `"${s}"`));
    const value: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        plain,
        quoted,
        fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
        fc.array(fc.tuple(key, tie('value')), { maxLength: 3 }).map((pairs) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
      ),
    })).value;
    const mapping = fc.array(fc.tuple(key, value), { maxLength: 4 }).map((pairs) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`);
    fc.assert(
      fc.property(mapping, (text) => {
        let reference: unknown;
        try {
          reference = parseYaml(text);
        } catch {
          expect(() => parseFlowYaml(text), text).toThrow();
          return;
        }
        expect(parseFlowYaml(text), text).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });
});
