/** The levels the log filter offers. */
export const logLevels = ['ALL', 'INFO', 'WARN', 'ERROR'] as const;
/** A log filter level. */
export type LogLevelFilter = (typeof logLevels)[number];

/** One printed log line, with the level it belongs to. */
export interface LogLine {
  index: number;
  /** `2024-03-11 08:51:50,570`, or empty for a stack-trace continuation line. */
  timestamp: string;
  level: 'INFO' | 'WARN' | 'ERROR' | 'DEBUG' | 'OTHER';
  /** The line after its timestamp and level. */
  message: string;
  text: string;
  /** A line without its own timestamp (an exception or `Caused by:`), which takes its entry's level. */
  continuation: boolean;
  /** A `Caused by:` line. */
  cause: boolean;
}

const stamped = /^(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[,.]\d{1,3})?)\s+(INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL)\s+(.*)$/;

/** Splits a log4j-style log into lines; stack-trace lines join the entry above them. */
export function parseLogLines(body: string): LogLine[] {
  let entryLevel: LogLine['level'] = 'OTHER';
  return body.split('\n').map((text, index) => {
    const m = stamped.exec(text);
    if (m) {
      const raw = m[2] ?? '';
      entryLevel = raw === 'WARNING' ? 'WARN' : raw === 'FATAL' ? 'ERROR' : raw === 'TRACE' ? 'DEBUG' : (raw as LogLine['level']);
      return { index, timestamp: m[1] ?? '', level: entryLevel, message: m[3] ?? '', text, continuation: false, cause: false };
    }
    return { index, timestamp: '', level: entryLevel, message: text, text, continuation: true, cause: text.trimStart().startsWith('Caused by:') };
  });
}

/** The lines at a level (ALL keeps every line) that contain the query, case-insensitively. */
export function filterLogLines(lines: readonly LogLine[], level: LogLevelFilter, query: string): LogLine[] {
  const q = query.trim().toLowerCase();
  return lines.filter((l) => (level === 'ALL' || l.level === level) && (q === '' || l.text.toLowerCase().includes(q)));
}

/** How many lines each level filter would keep. */
export function countByLevel(lines: readonly LogLine[]): Record<LogLevelFilter, number> {
  const counts: Record<LogLevelFilter, number> = { ALL: lines.length, INFO: 0, WARN: 0, ERROR: 0 };
  for (const l of lines) if (l.level === 'INFO' || l.level === 'WARN' || l.level === 'ERROR') counts[l.level] += 1;
  return counts;
}

/** A piece of text, marked when it matches the search. */
export interface Segment {
  text: string;
  match: boolean;
}

/** Cuts text into plain and matching pieces for a case-insensitive search. */
export function highlight(text: string, query: string): Segment[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [{ text, match: false }];
  const lower = text.toLowerCase();
  const out: Segment[] = [];
  let from = 0;
  for (let at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, at + q.length)) {
    if (at > from) out.push({ text: text.slice(from, at), match: false });
    out.push({ text: text.slice(at, at + q.length), match: true });
    from = at + q.length;
  }
  if (from < text.length) out.push({ text: text.slice(from), match: false });
  return out;
}
