import { parse } from 'shell-quote';

/** One word of a command: a literal, or the output of a process substitution `<( … )`. */
export type Word = string | { pipeline: Stage[] };

/** One command of a pipeline: its words, the first naming the program. */
export interface Stage {
  words: Word[];
}

/** A command line as the shell splits it, or the shell's own complaint. */
export type ParsedLine = { ok: true; pipeline: Stage[] } | { ok: false; error: string };

const unsupported: Record<string, string> = {
  '&&': 'runs one command at a time: type the second one after the first has finished',
  '||': 'runs one command at a time: type the second one after the first has finished',
  ';': 'runs one command at a time: type the second one after the first has finished',
  '&': 'has no background jobs: every command runs in the foreground',
  '>': 'cannot write files on this jump host; pipe into grep, head, tail, wc or jq instead',
  '>>': 'cannot write files on this jump host; pipe into grep, head, tail, wc or jq instead',
  '<': 'cannot read files on this jump host',
  '|&': 'supports plain pipes (|) only',
};

/**
 * Splits a command line into a pipeline with a maintained shell-quoting library: quotes,
 * escapes and comments as bash reads them. Pipes and `<( … )` are supported; anything else
 * gets a plain message saying what this shell does.
 */
export function parseLine(line: string): ParsedLine {
  const hit = parseCache.get(line);
  if (hit) return hit;
  const parsed = splitLine(line);
  if (parseCache.size >= parseCacheSize) parseCache.delete(parseCache.keys().next().value as string);
  parseCache.set(line, parsed);
  return parsed;
}

// A line is parsed when it is typed (for its duration) and again when it runs, and a replay parses
// the same lines again: recent parses are kept. Callers only read the pipeline, never change it.
const parseCache = new Map<string, ParsedLine>();
const parseCacheSize = 64;

function splitLine(line: string): ParsedLine {
  const open = unclosedQuote(line);
  if (open) return { ok: false, error: `bash: unexpected EOF while looking for matching \`${open}'` };
  // Variables are not expanded: `$x` stays literal, as inside single quotes.
  const tokens = parse(line, (key) => `$${key}`);
  const stack: Stage[][] = [[{ words: [] }]];
  for (const token of tokens) {
    const pipeline = stack[stack.length - 1] as Stage[];
    const stage = pipeline[pipeline.length - 1] as Stage;
    if (typeof token === 'string') {
      stage.words.push(token);
      continue;
    }
    if ('comment' in token) break;
    if (token.op === 'glob') {
      stage.words.push(token.pattern);
      continue;
    }
    if (token.op === '|') {
      if (stage.words.length === 0) return { ok: false, error: "bash: syntax error near unexpected token `|'" };
      pipeline.push({ words: [] });
      continue;
    }
    if (token.op === '<(') {
      const inner: Stage[] = [{ words: [] }];
      stage.words.push({ pipeline: inner });
      stack.push(inner);
      continue;
    }
    if (token.op === ')') {
      if (stack.length === 1) return { ok: false, error: "bash: syntax error near unexpected token `)'" };
      stack.pop();
      continue;
    }
    const why = unsupported[token.op] ?? 'supports pipes (|) and <( … ) only';
    return { ok: false, error: `firedrill: \`${token.op}' is not available: this shell ${why}` };
  }
  if (stack.length > 1) return { ok: false, error: "bash: syntax error: unexpected end of file (missing `)')" };
  const pipeline = stack[0] as Stage[];
  const last = pipeline[pipeline.length - 1] as Stage;
  if (last.words.length === 0 && pipeline.length > 1) return { ok: false, error: "bash: syntax error near unexpected token `|'" };
  return { ok: true, pipeline: pipeline.filter((st) => st.words.length > 0) };
}

// The quote left open at the end of the line, if any (bash would wait for more input).
function unclosedQuote(line: string): '"' | "'" | null {
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote === null && ch === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) return null;
    if (ch === '\\' && quote !== "'") {
      i++;
      continue;
    }
    if (quote === null && (ch === '"' || ch === "'")) quote = ch;
    else if (quote === ch) quote = null;
  }
  return quote;
}

/** The words of a line being typed, and the partial word at the cursor (for completion). */
export function wordsForCompletion(line: string): { before: string[]; partial: string } {
  const lastPipe = line.lastIndexOf('|');
  const segment = lastPipe >= 0 ? line.slice(lastPipe + 1) : line;
  const endsWithSpace = /\s$/.test(segment);
  const words = parse(segment, (key) => `$${key}`).filter((t): t is string => typeof t === 'string');
  if (endsWithSpace || words.length === 0) return { before: words, partial: '' };
  return { before: words.slice(0, -1), partial: words[words.length - 1] as string };
}
