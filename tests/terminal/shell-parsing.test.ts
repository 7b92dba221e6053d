import { describe, expect, it } from 'vitest';
import { parseLine } from '../../src/engine/terminal/tokenize';
import { parseFlags } from '../../src/engine/terminal/flags';
import { lineDurationS } from '../../src/engine/terminal/run-line';

describe('the shell splits a command line as bash does', () => {
  it('keeps quoted words whole and splits pipelines on |', () => {
    const parsed = parseLine(`kubectl logs deploy/x | grep -i "poll timeout" | wc -l`);
    expect(parsed).toEqual({ ok: true, pipeline: [{ words: ['kubectl', 'logs', 'deploy/x'] }, { words: ['grep', '-i', 'poll timeout'] }, { words: ['wc', '-l'] }] });
  });

  it('keeps a jq program with pipes inside single quotes as one word', () => {
    const parsed = parseLine(`curl -s http://h/jobs | jq '.jobs[] | .id'`);
    expect(parsed.ok && parsed.pipeline[1]?.words).toEqual(['jq', '.jobs[] | .id']);
  });

  it('reads process substitution for diff', () => {
    const parsed = parseLine('diff <(echo a) <(echo b)');
    expect(parsed.ok && parsed.pipeline[0]?.words).toEqual(['diff', { pipeline: [{ words: ['echo', 'a'] }] }, { pipeline: [{ words: ['echo', 'b'] }] }]);
  });

  it('leaves $VARIABLES literal and drops comments', () => {
    const parsed = parseLine('echo $HOME # what');
    expect(parsed.ok && parsed.pipeline[0]?.words).toEqual(['echo', '$HOME']);
  });

  it.each([
    ['echo "open', 'unexpected EOF while looking for matching `"\''],
    ["echo 'open", "unexpected EOF while looking for matching `''"],
    ['| wc -l', "syntax error near unexpected token `|'"],
    ['echo a |', "syntax error near unexpected token `|'"],
    ['a && b', 'runs one command at a time'],
    ['a ; b', 'runs one command at a time'],
    ['echo x > out.txt', 'cannot write files'],
    ['diff <(echo a', 'unexpected end of file'],
  ])('refuses %j with a plain reason', (line, reason) => {
    const parsed = parseLine(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(reason);
  });
});

describe('options are read the way getopt-style tools read them', () => {
  const spec = { group: { value: true }, describe: { value: false }, silent: { value: false, short: 's' }, request: { value: true, short: 'X' } };

  it('takes --name value, --name=value, -X value, -Xvalue and bundled switches', () => {
    expect(parseFlags(['--group', 'g', '--describe'], spec).opts).toEqual({ group: ['g'], describe: ['true'] });
    expect(parseFlags(['--group=g'], spec).opts).toEqual({ group: ['g'] });
    expect(parseFlags(['-sXPOST', 'url'], spec)).toMatchObject({ opts: { silent: ['true'], request: ['POST'] }, positionals: ['url'] });
    expect(parseFlags(['-X', 'PUT'], spec).opts).toEqual({ request: ['PUT'] });
  });

  it('reports the first unknown option and a missing value', () => {
    expect(parseFlags(['--descibe', '--nope'], spec).unknown).toBe('--descibe');
    expect(parseFlags(['--group'], spec).missingValue).toBe('--group');
  });

  it('treats negative numbers as values, not options', () => {
    expect(parseFlags(['-5000'], spec).positionals).toEqual(['-5000']);
  });
});

describe('a command line costs sim time', () => {
  it('takes seconds for a describe and longer for a rollout', () => {
    expect(lineDurationS('kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group g')).toBe(4);
    expect(lineDurationS('kubectl set env deployment/x ERRORS_TOLERANCE=all')).toBe(45);
    expect(lineDurationS('dbt test --select t | tail -3')).toBe(25);
  });

  it('charges a second for lines the shell refuses or does not know', () => {
    expect(lineDurationS('nosuch')).toBe(1);
    expect(lineDurationS('echo "open')).toBe(1);
  });
});
