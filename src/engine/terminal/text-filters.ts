import { has, opt, parseFlags, type FlagSpec } from './flags';
import { failed, printed, type Tool, type ToolResult } from './types';

const lines = (text: string): string[] => (text === '' ? [] : (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n'));
const join = (rows: readonly string[]): string => (rows.length === 0 ? '' : `${rows.join('\n')}\n`);
const instant = () => 0;

const grepFlags: FlagSpec = {
  'ignore-case': { value: false, short: 'i' },
  'invert-match': { value: false, short: 'v' },
  count: { value: false, short: 'c' },
  'extended-regexp': { value: false, short: 'E' },
  'fixed-strings': { value: false, short: 'F' },
  'line-number': { value: false, short: 'n' },
  'only-matching': { value: false, short: 'o' },
  'word-regexp': { value: false, short: 'w' },
  'after-context': { value: true, short: 'A' },
  'before-context': { value: true, short: 'B' },
  context: { value: true, short: 'C' },
  regexp: { value: true, short: 'e' },
  'max-count': { value: true, short: 'm' },
};

function grep(args: readonly string[], stdin: string): ToolResult {
  const f = parseFlags(args, grepFlags);
  if (f.unknown) return failed(`grep: invalid option -- '${f.unknown.replace(/^-+/, '')}'\nUsage: grep [OPTION]... PATTERNS [FILE]...`, 2);
  if (f.missingValue) return failed(`grep: option requires an argument -- '${f.missingValue.replace(/^-+/, '')}'`, 2);
  const patterns = f.opts.regexp ?? (f.positionals.length > 0 ? [f.positionals[0] as string] : []);
  if (patterns.length === 0) return failed('Usage: grep [OPTION]... PATTERNS [FILE]...', 2);
  const files = f.opts.regexp ? f.positionals : f.positionals.slice(1);
  if (files.length > 0) return failed(`grep: ${files[0]}: No such file or directory`, 2);
  let re: RegExp;
  try {
    const source = patterns.map((p) => (has(f, 'fixed-strings') ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : basicToExtended(p, has(f, 'extended-regexp')))).join('|');
    re = new RegExp(has(f, 'word-regexp') ? `\\b(?:${source})\\b` : source, has(f, 'ignore-case') ? 'gi' : 'g');
  } catch {
    return failed('grep: Unmatched ( or \\(', 2);
  }
  const matches = (line: string) => {
    re.lastIndex = 0;
    return re.test(line) !== has(f, 'invert-match');
  };
  const all = lines(stdin);
  const maxCount = opt(f, 'max-count');
  if (maxCount !== undefined && !/^\d+$/.test(maxCount)) return failed(`grep: invalid max count`, 2);
  const hits = all.map((line, i) => ({ line, i })).filter(({ line }) => matches(line)).slice(0, maxCount === undefined ? undefined : Number(maxCount));
  if (has(f, 'count')) return { ...printed(String(hits.length)), exit: hits.length > 0 ? 0 : 1 };
  if (hits.length === 0) return { out: '', err: '', exit: 1, effects: [] };
  if (has(f, 'only-matching') && !has(f, 'invert-match')) {
    const parts = hits.flatMap(({ line }) => [...line.matchAll(re)].map((m) => m[0]).filter((m) => m !== ''));
    return printed(join(parts));
  }
  const after = Number(opt(f, 'after-context') ?? opt(f, 'context') ?? 0);
  const before = Number(opt(f, 'before-context') ?? opt(f, 'context') ?? 0);
  if (!Number.isInteger(after) || !Number.isInteger(before) || after < 0 || before < 0) return failed('grep: invalid context length argument', 2);
  const shown = new Set<number>();
  for (const { i } of hits) for (let j = Math.max(0, i - before); j <= Math.min(all.length - 1, i + after); j++) shown.add(j);
  const hitSet = new Set(hits.map((h) => h.i));
  const out: string[] = [];
  let previous = -2;
  for (const i of [...shown].sort((a, b) => a - b)) {
    if ((after > 0 || before > 0) && previous >= 0 && i > previous + 1) out.push('--');
    const prefix = has(f, 'line-number') ? `${i + 1}${hitSet.has(i) ? ':' : '-'}` : '';
    out.push(`${prefix}${all[i]}`);
    previous = i;
  }
  return printed(join(out));
}

// grep's default syntax is POSIX basic: `|`, `+`, `?`, `(`, `)`, `{` are literal unless escaped.
function basicToExtended(pattern: string, extended: boolean): string {
  if (extended) return pattern;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i] as string;
      out += '|+?(){}'.includes(next) ? next : `\\${next}`;
    } else out += '|+?(){}'.includes(ch) ? `\\${ch}` : ch;
  }
  return out;
}

function count(args: readonly string[], tool: 'head' | 'tail'): { n: number; fromStart: boolean } | string {
  let n = 10;
  let fromStart = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    let value: string | undefined;
    if (arg === '-n' || arg === '--lines') value = args[++i];
    else if (arg.startsWith('-n')) value = arg.slice(2);
    else if (arg.startsWith('--lines=')) value = arg.slice(8);
    else if (/^-\d+$/.test(arg)) value = arg.slice(1);
    else if (arg.startsWith('-')) return `${tool}: invalid option -- '${arg.replace(/^-+/, '')}'`;
    else return `${tool}: cannot open '${arg}' for reading: No such file or directory`;
    if (value === undefined) return `${tool}: option requires an argument -- 'n'`;
    if (tool === 'tail' && value.startsWith('+')) {
      fromStart = true;
      value = value.slice(1);
    }
    if (!/^\d+$/.test(value)) return `${tool}: invalid number of lines: '${value}'`;
    n = Number(value);
  }
  return { n, fromStart };
}

function head(args: readonly string[], stdin: string): ToolResult {
  const c = count(args, 'head');
  return typeof c === 'string' ? failed(c) : printed(join(lines(stdin).slice(0, c.n)));
}

function tail(args: readonly string[], stdin: string): ToolResult {
  const c = count(args, 'tail');
  if (typeof c === 'string') return failed(c);
  const all = lines(stdin);
  return printed(join(c.fromStart ? all.slice(Math.max(0, c.n - 1)) : c.n === 0 ? [] : all.slice(-c.n)));
}

const wcFlags: FlagSpec = { lines: { value: false, short: 'l' }, words: { value: false, short: 'w' }, bytes: { value: false, short: 'c' } };

function wc(args: readonly string[], stdin: string): ToolResult {
  const f = parseFlags(args, wcFlags);
  if (f.unknown) return failed(`wc: invalid option -- '${f.unknown.replace(/^-+/, '')}'`);
  if (f.positionals.length > 0) return failed(`wc: ${f.positionals[0]}: No such file or directory`);
  const counts = {
    lines: (stdin.match(/\n/g) ?? []).length,
    words: stdin.split(/\s+/).filter(Boolean).length,
    bytes: new TextEncoder().encode(stdin).length,
  };
  const picked = (['lines', 'words', 'bytes'] as const).filter((k) => has(f, k));
  const shown = picked.length > 0 ? picked : (['lines', 'words', 'bytes'] as const);
  return printed(shown.length === 1 ? String(counts[shown[0] as 'lines']) : shown.map((k) => String(counts[k]).padStart(7)).join(' '));
}

const sortFlags: FlagSpec = { 'numeric-sort': { value: false, short: 'n' }, reverse: { value: false, short: 'r' }, unique: { value: false, short: 'u' } };

function sort(args: readonly string[], stdin: string): ToolResult {
  const f = parseFlags(args, sortFlags);
  if (f.unknown) return failed(`sort: invalid option -- '${f.unknown.replace(/^-+/, '')}'`, 2);
  let rows = lines(stdin);
  const numeric = (x: string) => Number.parseFloat(x.trim()) || 0;
  rows = [...rows].sort((a, b) => (has(f, 'numeric-sort') ? numeric(a) - numeric(b) : a < b ? -1 : a > b ? 1 : 0));
  if (has(f, 'reverse')) rows.reverse();
  if (has(f, 'unique')) rows = rows.filter((r, i) => i === 0 || r !== rows[i - 1]);
  return printed(join(rows));
}

const uniqFlags: FlagSpec = { count: { value: false, short: 'c' } };

function uniq(args: readonly string[], stdin: string): ToolResult {
  const f = parseFlags(args, uniqFlags);
  if (f.unknown) return failed(`uniq: invalid option -- '${f.unknown.replace(/^-+/, '')}'`);
  const groups: { line: string; n: number }[] = [];
  for (const line of lines(stdin)) {
    const last = groups[groups.length - 1];
    if (last && last.line === line) last.n += 1;
    else groups.push({ line, n: 1 });
  }
  return printed(join(groups.map((g) => (has(f, 'count') ? `${String(g.n).padStart(7)} ${g.line}` : g.line))));
}

/** The text filters a pipeline can end in. */
export const textFilters: Tool[] = [
  { name: 'grep', summary: 'print lines that match a pattern (-i -v -c -E -F -n -o -w -A -B -C)', durationS: instant, run: (_c, a, s) => grep(a, s) },
  { name: 'head', summary: 'the first lines of the input (-n N)', durationS: instant, run: (_c, a, s) => head(a, s) },
  { name: 'tail', summary: 'the last lines of the input (-n N, -n +N)', durationS: instant, run: (_c, a, s) => tail(a, s) },
  { name: 'wc', summary: 'count lines, words and bytes (-l -w -c)', durationS: instant, run: (_c, a, s) => wc(a, s) },
  { name: 'sort', summary: 'sort lines (-n -r -u)', durationS: instant, run: (_c, a, s) => sort(a, s) },
  { name: 'uniq', summary: 'collapse repeated lines (-c)', durationS: instant, run: (_c, a, s) => uniq(a, s) },
];
