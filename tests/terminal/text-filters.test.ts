import { describe, expect, it } from 'vitest';
import { createInitialState } from '../../src/engine';
import { runLine } from '../../src/engine/terminal/run-line';
import { scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const ctx = { s, state: createInitialState(s, 1) };
const sh = (line: string) => runLine(ctx, line);

describe('text filters work on what the previous stage printed', () => {

  it('grep filters, inverts, counts, ignores case, numbers and shows context', () => {
    expect(sh(`echo "ERROR one" | grep ERROR`).output).toBe('ERROR one\n');
    expect(sh(`echo "ERROR one" | grep -v ERROR`)).toMatchObject({ output: '', exit: 1 });
    expect(sh(`echo "error one" | grep -ic ERROR`).output).toBe('1\n');
    expect(sh(`echo "a|b" | grep "a|b"`).output).toBe('a|b\n');
    expect(sh(`echo "ab" | grep -E "a|z"`).output).toBe('ab\n');
    expect(sh(`echo "x" | grep "("`)).toMatchObject({ exit: 1 });
    expect(sh(`echo "x" | grep -E "("`)).toMatchObject({ exit: 2, output: expect.stringContaining('Unmatched') });
    expect(sh(`echo "x" | grep x nosuchfile`).output).toContain('grep: nosuchfile: No such file or directory');
  });

  it('head, tail and wc count lines as coreutils do', () => {
    const many = `kubectl get pods`;
    const total = sh(`${many} | wc -l`).output.trim();
    expect(Number(total)).toBeGreaterThan(3);
    expect(sh(`${many} | head -n 2 | wc -l`).output.trim()).toBe('2');
    expect(sh(`${many} | tail -1 | wc -l`).output.trim()).toBe('1');
    expect(sh(`${many} | tail -n +2 | wc -l`).output.trim()).toBe(String(Number(total) - 1));
    expect(sh(`${many} | head -n x`).output).toContain("head: invalid number of lines: 'x'");
  });

  it('jq selects only the keys it asks for', () => {
    expect(sh(`echo '{"a":1,"b":{"c":[1,2,3]},"d":"x"}' | jq '{a, d}'`).output).toBe('{\n  "a": 1,\n  "d": "x"\n}\n');
    expect(sh(`echo '{"b":{"c":[1,2,3]}}' | jq -c '.b.c'`).output).toBe('[1,2,3]\n');
    expect(sh(`echo '{"b":{"c":[1,2,3]}}' | jq '.b.c | length'`).output).toBe('3\n');
    expect(sh(`echo '[{"s":"A"},{"s":"B"}]' | jq -r '.[] | select(.s == "B") | .s'`).output).toBe('B\n');
    expect(sh(`echo '{"schema":"{\\"type\\":\\"string\\"}"}' | jq -r '.schema | fromjson | .type'`).output).toBe('string\n');
    expect(sh(`echo '{"b":2,"a":1}' | jq -c keys`).output).toBe('["a","b"]\n');
    expect(sh(`echo '[1]' | jq '.a'`).output).toContain('Cannot index array with "a"');
    expect(sh(`echo 'not json' | jq .`).output).toContain('Cannot parse input');
    expect(sh(`echo '{}' | jq '.a |'`).output).toContain('1 compile error');
  });

  it('diff prints hunks, and unified hunks with -u', () => {
    expect(sh(`diff <(echo a) <(echo a)`)).toMatchObject({ output: '', exit: 0 });
    const normal = sh(`diff <(echo '{"a":1}' | jq .) <(echo '{"a":1,"b":2}' | jq .)`);
    expect(normal.exit).toBe(1);
    expect(normal.output).toBe('2c2,3\n<   "a": 1\n---\n>   "a": 1,\n>   "b": 2\n');
    const unified = sh(`diff -u <(echo '{"a":1}' | jq .) <(echo '{"a":1,"b":2}' | jq .)`).output;
    expect(unified.split('\n').slice(0, 3)).toEqual(['--- /dev/fd/63', '+++ /dev/fd/62', '@@ -1,3 +1,4 @@']);
    expect(unified).toContain('-  "a": 1\n+  "a": 1,\n+  "b": 2\n');
  });

  it('answers an unknown command as bash does, with exit 127', () => {
    expect(sh('frobnicate --x')).toMatchObject({ output: 'bash: frobnicate: command not found\n', exit: 127 });
  });

  it('lists every tool on help, each with a one-line summary', () => {
    const out = sh('help').output;
    for (const tool of ['kafka-consumer-groups', 'kafka-topics', 'kubectl', 'curl', 'airflow', 'dbt', 'flagctl', 'lineage', 'grep', 'jq', 'diff']) expect(out).toMatch(new RegExp(`^  ${tool} +\\S`, 'm'));
  });
});
