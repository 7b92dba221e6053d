/** A value in YAML's flow style: a scalar, a `[sequence]` or a `{mapping}`. */
export type FlowValue = string | number | boolean | null | FlowValue[] | { [key: string]: FlowValue };

/**
 * Parses one YAML value written on a command line, the way `dbt run-operation --args` takes it:
 * a flow mapping such as `{model: orders, hours: 12}`, a flow sequence, a plain or quoted scalar
 * (plain scalars resolve to numbers, booleans and null as YAML's core schema does), or a block
 * mapping of one `key: value` per line. It throws on text YAML would refuse (an unclosed bracket,
 * a stray comma, text after the value). Anchors, tags and nested block style are not read.
 */
export function parseFlowYaml(text: string): FlowValue {
  const reader = { text, at: 0 };
  skipSpace(reader);
  if (reader.at >= text.length) return null;
  if (/^[^{["'][^:]*:(\s|$)/.test(text.trim())) return blockMapping(text);
  const value = readValue(reader, false);
  skipSpace(reader);
  if (reader.at < text.length) throw new Error(`unexpected "${text.slice(reader.at, reader.at + 10)}" at column ${reader.at + 1}`);
  return value;
}

function blockMapping(text: string): { [key: string]: FlowValue } {
  const mapping: { [key: string]: FlowValue } = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const colon = line.search(/:(\s|$)/);
    if (colon < 0) throw new Error(`"${line.trim()}" is not a key: value line`);
    const rest = line.slice(colon + 1).trim();
    mapping[line.slice(0, colon).trim()] = rest === '' ? null : parseFlowYaml(rest);
  }
  return mapping;
}

interface Reader {
  text: string;
  at: number;
}

function skipSpace(r: Reader): void {
  while (r.at < r.text.length && /\s/.test(r.text[r.at] as string)) r.at += 1;
}

function expect(r: Reader, char: string): void {
  skipSpace(r);
  if (r.text[r.at] !== char) throw new Error(`expected "${char}" at column ${r.at + 1}`);
  r.at += 1;
}

function readValue(r: Reader, inFlow: boolean): FlowValue {
  skipSpace(r);
  const c = r.text[r.at];
  if (c === '{') return readMapping(r);
  if (c === '[') return readSequence(r);
  if (c === '"' || c === "'") return readQuoted(r);
  if (c === undefined || c === ',' || c === ']' || c === '}') throw new Error(`a value is missing at column ${r.at + 1}`);
  return resolvePlain(readPlain(r, inFlow));
}

/** Reads `open item, item, … close` (a trailing comma allowed), calling `readItem` for each item. */
function readCollection(r: Reader, open: string, close: string, readItem: () => void): void {
  expect(r, open);
  skipSpace(r);
  if (r.text[r.at] === close) {
    r.at += 1;
    return;
  }
  for (;;) {
    readItem();
    skipSpace(r);
    if (r.text[r.at] !== ',') return expect(r, close);
    r.at += 1;
    skipSpace(r);
    if (r.text[r.at] === close) {
      r.at += 1;
      return;
    }
  }
}

function readMapping(r: Reader): { [key: string]: FlowValue } {
  const mapping: { [key: string]: FlowValue } = {};
  readCollection(r, '{', '}', () => {
    skipSpace(r);
    const c = r.text[r.at];
    const key = c === '"' || c === "'" ? readQuoted(r) : readPlain(r, true, true);
    skipSpace(r);
    let value: FlowValue = null;
    if (r.text[r.at] === ':') {
      r.at += 1;
      skipSpace(r);
      const next = r.text[r.at];
      if (next !== ',' && next !== '}') value = readValue(r, true);
    }
    if (Object.hasOwn(mapping, key)) throw new Error(`the key "${key}" appears twice`);
    mapping[key] = value;
  });
  return mapping;
}

function readSequence(r: Reader): FlowValue[] {
  const items: FlowValue[] = [];
  readCollection(r, '[', ']', () => items.push(readValue(r, true)));
  return items;
}

function readQuoted(r: Reader): string {
  const quote = r.text[r.at] as string;
  let out = '';
  for (r.at += 1; r.at < r.text.length; r.at += 1) {
    const c = r.text[r.at] as string;
    if (quote === "'" && c === "'" && r.text[r.at + 1] === "'") {
      out += "'";
      r.at += 1;
    } else if (c === quote) {
      r.at += 1;
      return out;
    } else if (quote === '"' && c === '\\' && r.at + 1 < r.text.length) {
      r.at += 1;
      const e = r.text[r.at] as string;
      out += e === 'n' ? '\n' : e === 't' ? '\t' : e;
    } else out += c;
  }
  throw new Error('a quoted string is not closed');
}

/** A plain scalar: up to a flow indicator inside brackets, or a key's `: `. */
function readPlain(r: Reader, inFlow: boolean, isKey = false): string {
  const start = r.at;
  while (r.at < r.text.length) {
    const c = r.text[r.at] as string;
    if (inFlow && (c === ',' || c === ']' || c === '}' || c === '[' || c === '{')) break;
    if (isKey && c === ':' && (r.at + 1 >= r.text.length || /[\s,}\]]/.test(r.text[r.at + 1] as string))) break;
    r.at += 1;
  }
  const plain = r.text.slice(start, r.at).trim();
  if (plain === '' && isKey) throw new Error(`a key is missing at column ${start + 1}`);
  return plain;
}

/** YAML 1.2 core schema: null, booleans, integers and floats; anything else is a string. */
function resolvePlain(plain: string): FlowValue {
  if (/^(null|Null|NULL|~)?$/.test(plain)) return null;
  if (/^(true|True|TRUE)$/.test(plain)) return true;
  if (/^(false|False|FALSE)$/.test(plain)) return false;
  if (/^[-+]?[0-9]+$/.test(plain)) return Number.parseInt(plain, 10);
  if (/^0o[0-7]+$/.test(plain)) return Number.parseInt(plain.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(plain)) return Number.parseInt(plain.slice(2), 16);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain)) return Number.parseFloat(plain);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(plain)) return plain.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(plain)) return NaN;
  return plain;
}
