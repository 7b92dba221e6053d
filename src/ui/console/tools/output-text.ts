// Reads the structure back out of what the engine printed, so the panel can present it like
// the real tool does. Nothing here adds facts: every cell, word and number comes from the body.

/** The body's lines, with `# ...` annotation lines set apart as notes. */
export function splitNotes(body: string): { lines: string[]; notes: string[] } {
  const lines: string[] = [];
  const notes: string[] = [];
  for (const line of body.split('\n')) {
    if (line.startsWith('# ')) notes.push(line.slice(2));
    else lines.push(line);
  }
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  return { lines, notes };
}

/** Splits CLI-aligned columns (cells are separated by two or more spaces). */
export function splitColumns(line: string): string[] {
  return line.trim().split(/\s{2,}/);
}

/** A CLI table: a header row, data rows, and the lines around it. */
export interface CliTable {
  before: string[];
  header: string[];
  rows: string[][];
  after: string[];
}

/**
 * Finds the aligned table in a tool's output: the header is the first line whose first cell
 * is `headerStart`, and rows run until the first blank line.
 */
export function parseCliTable(lines: readonly string[], headerStart: string | RegExp): CliTable | null {
  const matches = (line: string) => {
    const first = splitColumns(line)[0] ?? '';
    return typeof headerStart === 'string' ? first === headerStart : headerStart.test(first);
  };
  const at = lines.findIndex(matches);
  if (at < 0) return null;
  const header = splitColumns(lines[at] ?? '');
  const rows: string[][] = [];
  let i = at + 1;
  for (; i < lines.length && (lines[i] ?? '').trim() !== ''; i++) rows.push(splitColumns(lines[i] ?? ''));
  const clean = (xs: string[]) => xs.filter((x) => x.trim() !== '');
  return { before: clean(lines.slice(0, at)), header, rows, after: clean(lines.slice(i)) };
}

/** Whether a column holds numbers only, so it is right-aligned as numbers are in a terminal. */
export function isNumericColumn(rows: readonly string[][], index: number): boolean {
  const cells = rows.map((r) => r[index] ?? '').filter((c) => c !== '' && c !== '-');
  return cells.length > 0 && cells.every((c) => /^-?[\d.,]+%?$/.test(c));
}

/** How a tool's line reads at a glance; the words stay, the tone only adds emphasis. */
export type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

/** The tone of a consumer-groups status line (`has no active members`, `is rebalancing`). */
export function consumerNoticeTone(line: string): Tone {
  if (/^error/i.test(line)) return 'danger';
  if (/no active members|rebalancing|^warning/i.test(line)) return 'warn';
  return 'info';
}

/** The colour family of an Airflow task or run state, as the Airflow grid colours them. */
export function airflowStateTone(state: string): Tone {
  switch (state) {
    case 'success':
      return 'ok';
    case 'failed':
      return 'danger';
    case 'upstream_failed':
    case 'up_for_retry':
    case 'restarting':
      return 'warn';
    case 'running':
    case 'up_for_reschedule':
    case 'deferred':
      return 'info';
    default:
      return 'neutral';
  }
}

/** A line of a lineage tree. */
export type LineageLine = { type: 'heading'; text: string } | { type: 'node'; depth: number; label: string; health: string } | { type: 'text'; text: string };

/** Parses `lineage upstream` output: indented `└─ node  [health]` lines under headings. */
export function parseLineage(body: string): LineageLine[] {
  const out: LineageLine[] = [];
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue;
    const node = /^(\s*)(?:└─ )?(.+?)\s+\[([^\]]*)\]\s*$/.exec(line);
    if (node) out.push({ type: 'node', depth: Math.floor((node[1] ?? '').length / 2), label: node[2] ?? '', health: node[3] ?? '' });
    else if (line.trimEnd().endsWith(':')) out.push({ type: 'heading', text: line.trim().replace(/:$/, '') });
    else out.push({ type: 'text', text: line });
  }
  return out;
}

/** The tone of a lineage node's health tag. */
export function healthTone(health: string): Tone {
  const h = health.trim();
  if (/^(BLANK|FAILED|STALE|STOPPED|ERROR|MISSING)\b/i.test(h)) return 'danger';
  const lag = /^lag (\d+)/.exec(h);
  if (lag) return Number(lag[1]) > 0 ? 'warn' : 'ok';
  if (/RESTARTING|paused|waiting|queued|retry/i.test(h)) return 'warn';
  if (/^(ok|RUNNING|fresh)\b/i.test(h)) return 'ok';
  return 'neutral';
}

/** One line of a schema diff, by its sign. */
export type DiffSign = 'add' | 'remove' | 'change' | 'context';

/** The sign of a diff line: `+ ` added, `- ` removed, `~ ` changed. */
export function diffSign(line: string): DiffSign {
  if (line.startsWith('+ ')) return 'add';
  if (line.startsWith('- ')) return 'remove';
  if (line.startsWith('~ ')) return 'change';
  return 'context';
}

/** The tone of a `# ...` note, from the words the engine chose. */
export function noteTone(note: string): Tone {
  if (/STALE|timed out|failure|duplicate|not found|error/i.test(note)) return 'warn';
  return 'info';
}
