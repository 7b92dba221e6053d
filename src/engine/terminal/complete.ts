import { completeSql, type SqlNames } from '../sql/completions';
import type { ShellNames } from './platform';
import { wordsForCompletion } from './tokenize';
import { toolNamed, toolNames } from './tool-registry';

/** What Tab offers: the candidates for the word at the end of the line, and where that word starts. */
export interface Completion {
  /** Index in the line where the completed word starts. */
  from: number;
  candidates: string[];
  /** The longest text every candidate starts with (what a single Tab inserts). */
  common: string;
}

/**
 * Completes the last word of a command line from the tools, their subcommands and flags, and
 * the platform's entity names, sorted: it offers nothing that the platform's own list commands
 * would not show, and its order says nothing about the incident.
 */
export function completeLine(names: ShellNames, line: string): Completion {
  const { before, partial } = wordsForCompletion(line);
  const from = line.length - partial.length;
  const pool = before.length === 0 ? toolNames() : [...(toolNamed(before[0] as string)?.complete?.(names, before.slice(1)) ?? [])];
  const candidates = [...new Set(pool.filter((c) => c.startsWith(partial)))].sort();
  return { from, candidates, common: commonPrefix(candidates, partial) };
}

/** Completes the word at the end of an SQL line: tables, columns, keywords and meta-commands, matched case-insensitively. */
export function completeSqlLine(names: SqlNames, line: string): Completion {
  const partial = /[^\s(,]*$/.exec(line)?.[0] ?? '';
  const candidates = completeSql(names, partial, line);
  return { from: line.length - partial.length, candidates, common: commonPrefix(candidates, partial, true) };
}

function commonPrefix(words: readonly string[], fallback: string, ignoreCase = false): string {
  if (words.length === 0) return fallback;
  const starts = (w: string, p: string) => (ignoreCase ? w.toLowerCase().startsWith(p.toLowerCase()) : w.startsWith(p));
  let prefix = words[0] as string;
  for (const w of words) while (!starts(w, prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
