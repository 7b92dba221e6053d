/** A query the warehouse rejects, as psql reports it: the message and where in the query it points. */
export class SqlError extends Error {
  constructor(
    message: string,
    /** Character offset in the query the caret points at, when known. */
    readonly at: number | null = null,
    /** Extra lines psql prints after the pointer (`HINT:  …`). */
    readonly hint: string | null = null,
  ) {
    super(message);
  }
}

/** A query the parser accepts but the simulated warehouse cannot answer truthfully. */
export class Unsupported extends Error {}

/** Renders an error as psql does: `ERROR:  …`, then `LINE n:` with the query line and a caret. */
export function renderSqlError(query: string, e: SqlError): string {
  const lines = [`ERROR:  ${e.message}`];
  if (e.at !== null && e.at >= 0) {
    const before = query.slice(0, e.at);
    const lineNo = before.split('\n').length;
    const lineStart = before.lastIndexOf('\n') + 1;
    const lineEnd = query.indexOf('\n', e.at) === -1 ? query.length : query.indexOf('\n', e.at);
    let text = query.slice(lineStart, lineEnd);
    let col = e.at - lineStart;
    // psql shows a window of a long line, marking the cut ends with "...".
    const width = 60;
    if (text.length > width) {
      const start = Math.max(0, Math.min(col - 30, text.length - width));
      const end = Math.min(text.length, start + width);
      text = `${start > 0 ? '...' : ''}${text.slice(start, end)}${end < text.length ? '...' : ''}`;
      col = col - start + (start > 0 ? 3 : 0);
    }
    const prefix = `LINE ${lineNo}: `;
    lines.push(prefix + text, ' '.repeat(prefix.length + col) + '^');
  }
  if (e.hint) lines.push(`HINT:  ${e.hint}`);
  return lines.join('\n');
}

/** Where a parsed node starts in the query (for the caret), when the parser recorded it. */
export function locationOf(e: { _location?: { start: number } | null } | null | undefined): number | null {
  return e?._location?.start ?? null;
}
