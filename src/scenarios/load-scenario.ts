import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { checkCrossReferences, type ScenarioProblem } from './cross-references.ts';
import { scenarioSchema, type Scenario } from './schema/index.ts';

/** The largest scenario file accepted, in characters. */
export const maxScenarioChars = 2_000_000;
const maxDepth = 64;

/** The outcome of loading a scenario file: the scenario, or every problem found in it. */
export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/**
 * Parses and validates one scenario file (YAML or JSON). Built-in scenarios and files a user
 * brings go through this same function. Never throws: every failure becomes a problem with a
 * path inside the file and a plain-words message.
 */
export function loadScenario(text: string): LoadResult {
  const data = parseText(text);
  if ('problems' in data) return { ok: false, problems: data.problems };
  const parsed = scenarioSchema.safeParse(data.value);
  if (!parsed.success) return { ok: false, problems: flattenIssues(parsed.error.issues) };
  const problems = checkCrossReferences(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenario: parsed.data };
}

/** Formats problems one per line, each naming the file and the path inside it. */
export function formatProblems(file: string, problems: ScenarioProblem[]): string[] {
  return problems.map((p) => oneLine(`${file}: ${p.path || '(top level)'}: ${p.message}`));
}

// Keys and ids from the file end up in messages; a line break in one must not split the line.
function oneLine(text: string): string {
  const escapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return [...text]
    .map((c) => {
      const code = c.charCodeAt(0);
      const control = code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029;
      return control ? (escapes[c] ?? `\\u${code.toString(16).padStart(4, '0')}`) : c;
    })
    .join('');
}

function parseText(text: string): { value: unknown } | { problems: ScenarioProblem[] } {
  const fail = (message: string) => ({ problems: [{ path: '', message }] });
  if (text.length > maxScenarioChars) return fail(`is ${text.length} characters long; the limit is ${maxScenarioChars}`);
  if (text.includes('\u0000')) return fail('is not a text file (it contains NUL bytes)');
  if (text.trim() === '') return fail('is empty');
  let value: unknown;
  try {
    value = parseYaml(text, { maxAliasCount: 100, uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    // The parser recurses per nesting level, and reports running out of stack as a parse error.
    const stackOverflow = error instanceof RangeError || (error instanceof Error && error.message.includes('call stack'));
    if (stackOverflow) return fail('is nested too deeply to read');
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0] ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}: ` : '';
      return fail(`is not valid YAML or JSON: ${where}${firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    return fail(`could not be read: ${error instanceof Error ? firstLine(error.message) : String(error)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('should be a mapping of scenario fields (id, version, title, ...) at the top level');
  }
  if (depthExceeds(value, maxDepth)) return fail(`is nested more than ${maxDepth} levels deep`);
  const protoPath = protoKeyPath(value);
  // Validation would silently drop such a key from a free-form mapping, so say so instead.
  if (protoPath !== null) return { problems: [{ path: protoPath, message: 'uses the reserved key "__proto__"' }] };
  return { value: compactStrings(value, new Map()) };
}

/**
 * Gives every string of the parsed tree, keys included, the compact form JavaScript engines keep
 * for text whose characters all fit in one byte. The YAML parser hands out slices of the file's
 * text, and V8 stores the whole text two bytes a character once it holds one character past
 * Latin-1 (a dash in prose), so every id sliced from it was two-byte, and so was every log line
 * and command output built with one: twice the bytes to copy, and a long output past the size V8
 * allocates cheaply. A JSON round trip of a string is exact and yields the compact form where it
 * fits. Runs after the depth and `__proto__` checks, so the tree is shallow and safe to copy.
 */
function compactStrings(node: unknown, copies: Map<object, unknown>): unknown {
  if (typeof node === 'string') return compact(node);
  if (node === null || typeof node !== 'object') return node;
  // An alias shares its node: its copy is shared too.
  const known = copies.get(node);
  if (known !== undefined) return known;
  if (Array.isArray(node)) {
    const out: unknown[] = [];
    copies.set(node, out);
    for (const item of node) out.push(compactStrings(item, copies));
    return out;
  }
  const out: Record<string, unknown> = {};
  copies.set(node, out);
  for (const [key, child] of Object.entries(node)) out[compact(key)] = compactStrings(child, copies);
  return out;
}

function compact(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function depthExceeds(root: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

// Runs after depthExceeds, so the tree is known to be shallow (and free of alias cycles).
function protoKeyPath(root: unknown, path: string[] = []): string | null {
  if (root === null || typeof root !== 'object') return null;
  for (const [key, child] of Object.entries(root)) {
    if (key === '__proto__') return [...path, key].join('.');
    const found = protoKeyPath(child, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

function flattenIssues(issues: z.core.$ZodIssue[], prefix: PropertyKey[] = []): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the alternative that got furthest, which is nearly always the one the author meant.
      const best = [...issue.errors].sort((a, b) => depthOf(b) - depthOf(a) || a.length - b.length)[0] ?? [];
      out.push(...flattenIssues(best, path));
      continue;
    }
    out.push({ path: path.map(String).join('.'), message: plainMessage(issue) });
  }
  return out;
}

function depthOf(issues: z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) return `is missing (expected ${issue.expected})`;
  return issue.message;
}
