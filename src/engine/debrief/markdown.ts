import { formatDuration } from '../wall-clock';

/** Makes text safe inside a Markdown table cell: pipes escaped, line breaks flattened. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A Markdown table; every cell is escaped. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** A count with thousands separators, `323,344` (no host locale: the engine is pure). */
export function formatCount(n: number): string {
  const rounded = Math.round(n);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${digits}` : digits;
}

/** A share as a percentage with sensible precision, `0.4%`. */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const p = (100 * part) / whole;
  return `${p >= 10 || p === 0 ? Math.round(p) : Math.round(p * 10) / 10}%`;
}

/** A duration, or `not reached` when it never happened. */
export function durationOr(seconds: number | null, never = 'not reached'): string {
  return seconds === null ? never : formatDuration(seconds);
}

/** A numbered Markdown list, or a plain sentence when there is nothing to list. */
export function numbered(items: readonly string[], empty: string): string {
  return items.length === 0 ? empty : items.map((item, i) => `${i + 1}. ${item}`).join('\n');
}

/** The text with its first letter in lower case, to continue a sentence (acronyms stay as they are). */
export function lowerFirst(text: string): string {
  return /^[A-Z](?![A-Z0-9_-])/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
