import { has, parseFlags, type FlagSpec } from './flags';
import { failed, printed, type Tool, type ToolResult } from './types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Filter = (input: Json) => Json[];

class JqError extends Error {}

/**
 * A jq subset: paths (`.a.b`, `."k"`, `.[0]`, `.[]`, `?`), pipes, commas, object construction
 * (`{name, state}`, `{a: .b}`), comparisons and `select`, `map`, `keys`, `length`, `fromjson`,
 * `tojson`, `first`, `last`, `sort`, `type`, `not`, `add`. Enough to pick what a REST answer holds.
 */
export function compileJq(program: string): Filter {
  const p = new Parser(program);
  const f = p.pipe();
  p.skip();
  if (!p.done()) throw new JqError(`syntax error, unexpected ${JSON.stringify(p.rest().slice(0, 12))}`);
  return f;
}

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}
  done = () => this.i >= this.src.length;
  rest = () => this.src.slice(this.i);
  skip() {
    while (!this.done() && /\s/.test(this.src[this.i] as string)) this.i++;
  }
  private eat(token: string): boolean {
    this.skip();
    if (this.src.startsWith(token, this.i)) {
      this.i += token.length;
      return true;
    }
    return false;
  }
  private expect(token: string) {
    if (!this.eat(token)) throw new JqError(`syntax error, expected ${token} at ${JSON.stringify(this.rest().slice(0, 12) || 'end of filter')}`);
  }
  pipe(): Filter {
    let left = this.comma();
    while (this.peekPipe()) {
      const right = this.comma();
      const l = left;
      left = (x) => l(x).flatMap(right);
    }
    return left;
  }
  private peekPipe(): boolean {
    this.skip();
    if (this.src[this.i] === '|' && this.src[this.i + 1] !== '=') {
      this.i++;
      return true;
    }
    return false;
  }
  private comma(): Filter {
    const parts = [this.comparison()];
    while (this.eat(',')) parts.push(this.comparison());
    return parts.length === 1 ? (parts[0] as Filter) : (x) => parts.flatMap((f) => f(x));
  }
  private comparison(): Filter {
    const left = this.postfix();
    for (const op of ['==', '!=', '>=', '<=', '>', '<'] as const) {
      if (this.eat(op)) {
        const right = this.postfix();
        return (x) => left(x).flatMap((a) => right(x).map((b) => compare(op, a, b)));
      }
    }
    return left;
  }
  private postfix(): Filter {
    let f = this.term();
    for (;;) {
      this.skip();
      const c = this.src[this.i];
      if (c === '.' && /[A-Za-z_"]/.test(this.src[this.i + 1] ?? '')) {
        this.i++;
        const key = this.key();
        const g = f;
        f = (x) => g(x).flatMap((v) => index(v, key, this.optional()));
      } else if (c === '[') {
        const g = f;
        const step = this.bracket();
        f = (x) => g(x).flatMap(step);
      } else return f;
    }
  }
  private optional(): boolean {
    return this.eat('?');
  }
  private key(): string {
    this.skip();
    if (this.src[this.i] === '"') return this.stringLiteral();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.rest());
    if (!m) throw new JqError(`syntax error, unexpected ${JSON.stringify(this.rest().slice(0, 12))}`);
    this.i += m[0].length;
    return m[0];
  }
  private stringLiteral(): string {
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(this.rest());
    if (!m) throw new JqError('syntax error, unterminated string');
    this.i += m[0].length;
    return JSON.parse(m[0]) as string;
  }
  private bracket(): Filter {
    this.expect('[');
    if (this.eat(']')) {
      const opt = this.optional();
      return (v) => iterate(v, opt);
    }
    const inner = this.pipe();
    this.expect(']');
    const opt = this.optional();
    return (v) => inner(v).flatMap((k) => index(v, k, opt));
  }
  private term(): Filter {
    this.skip();
    const rest = this.rest();
    if (rest.startsWith('..')) throw new JqError('recursive descent (..) is not supported here');
    if (rest.startsWith('.')) {
      this.i++;
      if (/^[A-Za-z_"]/.test(this.src[this.i] ?? '')) {
        const key = this.key();
        const opt = this.optional();
        return (x) => index(x, key, opt);
      }
      if (this.src[this.i] === '[') return this.bracket();
      return (x) => [x];
    }
    if (rest.startsWith('(')) {
      this.i++;
      const f = this.pipe();
      this.expect(')');
      return f;
    }
    if (rest.startsWith('{')) return this.object();
    if (rest.startsWith('[')) {
      this.i++;
      if (this.eat(']')) return () => [[]];
      const f = this.pipe();
      this.expect(']');
      return (x) => [f(x)];
    }
    if (rest.startsWith('"')) {
      const s = this.stringLiteral();
      return () => [s];
    }
    const num = /^-?\d+(\.\d+)?/.exec(rest);
    if (num) {
      this.i += num[0].length;
      return () => [Number(num[0])];
    }
    const word = /^[a-z_]+/.exec(rest);
    if (word) {
      this.i += word[0].length;
      return this.builtin(word[0]);
    }
    throw new JqError(`syntax error, unexpected ${JSON.stringify(rest.slice(0, 12) || 'end of filter')}`);
  }
  private object(): Filter {
    this.expect('{');
    const entries: { key: string; value: Filter }[] = [];
    while (!this.eat('}')) {
      this.skip();
      const key = this.key();
      const value: Filter = this.eat(':') ? this.comparison() : (x) => index(x, key, false);
      entries.push({ key, value });
      if (!this.eat(',')) {
        this.expect('}');
        break;
      }
    }
    return (x) => {
      let results: { [key: string]: Json }[] = [{}];
      for (const { key, value } of entries) results = results.flatMap((o) => value(x).map((v) => ({ ...o, [key]: v })));
      return results;
    };
  }
  private builtin(name: string): Filter {
    const arg = (): Filter => {
      this.expect('(');
      const f = this.pipe();
      this.expect(')');
      return f;
    };
    switch (name) {
      case 'true':
        return () => [true];
      case 'false':
        return () => [false];
      case 'null':
        return () => [null];
      case 'keys':
        return (x) => [keysOf(x)];
      case 'length':
        return (x) => [lengthOf(x)];
      case 'fromjson':
        return (x) => {
          if (typeof x !== 'string') throw new JqError(`${typeName(x)} (${short(x)}) cannot be parsed as JSON`);
          try {
            return [JSON.parse(x) as Json];
          } catch {
            throw new JqError(`${short(x)} (while parsing '${x.slice(0, 20)}') cannot be parsed as JSON`);
          }
        };
      case 'tojson':
        return (x) => [JSON.stringify(x)];
      case 'type':
        return (x) => [typeName(x)];
      case 'not':
        return (x) => [!truthy(x)];
      case 'first':
        return (x) => [Array.isArray(x) ? (x[0] ?? null) : null];
      case 'last':
        return (x) => [Array.isArray(x) ? (x[x.length - 1] ?? null) : null];
      case 'sort':
        return (x) => [Array.isArray(x) ? [...x].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) : x];
      case 'add':
        return (x) => [Array.isArray(x) ? x.reduce<Json>((acc, v) => (acc === null ? v : typeof acc === 'number' && typeof v === 'number' ? acc + v : typeof acc === 'string' && typeof v === 'string' ? acc + v : acc), null) : null];
      case 'select': {
        const f = arg();
        return (x) => (f(x).some(truthy) ? [x] : []);
      }
      case 'map': {
        const f = arg();
        return (x) => [iterate(x, false).flatMap(f)];
      }
      default:
        throw new JqError(`${name}/0 is not defined`);
    }
  }
}

function index(v: Json, k: Json, optional: boolean): Json[] {
  if (v === null) return [null];
  if (typeof k === 'string' && typeof v === 'object' && !Array.isArray(v)) return [Object.hasOwn(v, k) ? (v[k] as Json) : null];
  if (typeof k === 'number' && Array.isArray(v)) return [v[k < 0 ? v.length + k : k] ?? null];
  if (optional) return [];
  throw new JqError(`Cannot index ${typeName(v)} with ${typeof k === 'string' ? `"${k}"` : typeName(k)}`);
}

function iterate(v: Json, optional: boolean): Json[] {
  if (Array.isArray(v)) return v;
  if (v !== null && typeof v === 'object') return Object.values(v);
  if (optional) return [];
  throw new JqError(`Cannot iterate over ${typeName(v)}${v === null ? '' : ` (${short(v)})`}`);
}

function keysOf(v: Json): Json {
  if (Array.isArray(v)) return v.map((_, i) => i);
  if (v !== null && typeof v === 'object') return Object.keys(v).sort();
  throw new JqError(`${typeName(v)} (${short(v)}) has no keys`);
}

function lengthOf(v: Json): number {
  if (v === null) return 0;
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  if (typeof v === 'object') return Object.keys(v).length;
  if (typeof v === 'number') return Math.abs(v);
  throw new JqError('boolean (true) has no length');
}

function compare(op: string, a: Json, b: Json): boolean {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  if (op === '==') return x === y;
  if (op === '!=') return x !== y;
  const l = typeof a === 'number' && typeof b === 'number' ? a - b : x < y ? -1 : x > y ? 1 : 0;
  return op === '>' ? l > 0 : op === '<' ? l < 0 : op === '>=' ? l >= 0 : l <= 0;
}

const truthy = (v: Json) => v !== null && v !== false;
const typeName = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const short = (v: Json) => JSON.stringify(v).slice(0, 11);

// jq prints each result on its own lines, pretty with two-space indents unless -c.
function render(v: Json, raw: boolean, compact: boolean): string {
  if (raw && typeof v === 'string') return v;
  return compact ? JSON.stringify(v) : JSON.stringify(v, null, 2);
}

// The input may hold several JSON texts one after another, as jq reads a stream.
function readInputs(text: string): Json[] {
  const values: Json[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    let end = rest.length;
    for (;;) {
      try {
        values.push(JSON.parse(rest.slice(0, end)) as Json);
        break;
      } catch {
        const next = rest.lastIndexOf('\n', end - 1);
        if (next <= 0) throw new JqError('parse error: Invalid numeric literal at line 1, column 1');
        end = next;
      }
    }
    rest = rest.slice(end).trim();
  }
  return values;
}

const jqFlags: FlagSpec = { 'raw-output': { value: false, short: 'r' }, 'compact-output': { value: false, short: 'c' }, 'exit-status': { value: false, short: 'e' } };

function jq(args: readonly string[], stdin: string): ToolResult {
  const f = parseFlags(args, jqFlags);
  if (f.unknown) return failed(`jq: Unknown option: ${f.unknown}\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq`, 2);
  const program = f.positionals[0] ?? '.';
  if (f.positionals.length > 1) return failed(`jq: error: Could not open ${f.positionals[1]}: No such file or directory`, 2);
  let filter: Filter;
  try {
    filter = compileJq(program);
  } catch (e) {
    return failed(`jq: error: ${(e as Error).message}\njq: 1 compile error`, 3);
  }
  let inputs: Json[];
  try {
    inputs = readInputs(stdin);
  } catch (e) {
    return failed(`jq: error (at <stdin>:0): Cannot parse input: ${(e as Error).message.replace(/^parse error: /, '')}`, 2);
  }
  const out: string[] = [];
  let last: Json = null;
  for (const input of inputs) {
    try {
      for (const v of filter(input)) {
        out.push(render(v, has(f, 'raw-output'), has(f, 'compact-output')));
        last = v;
      }
    } catch (e) {
      if (!(e instanceof JqError)) throw e;
      return { out: out.length > 0 ? `${out.join('\n')}\n` : '', err: `jq: error (at <stdin>:${stdin.split('\n').length - 1}): ${e.message}\n`, exit: 5, effects: [] };
    }
  }
  const result = printed(out.join('\n'));
  return has(f, 'exit-status') && !truthy(last) ? { ...result, exit: 1 } : result;
}

/** `jq`, for picking fields out of the REST APIs' JSON. */
export const jqTool: Tool = { name: 'jq', summary: 'pick fields out of JSON (.a.b, .[], {a, b}, select, keys, length, fromjson; -r -c)', durationS: () => 0, run: (_c, a, s) => jq(a, s) };
