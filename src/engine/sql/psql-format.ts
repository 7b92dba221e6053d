import type { Scenario } from '../../scenarios/schema';
import type { ResultSet } from './select';
import { isNumber, type Typed } from './values';
import { formatDate, formatTimestamp } from './warehouse-clock';

/** An interval as PostgreSQL prints it: `01:30:00`, `2 days 03:00:00`, `-00:05:00`. */
function formatInterval(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  let s = Math.round(Math.abs(seconds));
  const days = Math.floor(s / 86_400);
  s -= days * 86_400;
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return days > 0 ? `${sign}${days} day${days === 1 ? '' : 's'}${s > 0 ? ` ${clock}` : ''}` : `${sign}${clock}`;
}

// A double holds about 15 significant digits: print those and pad the scale with zeros, not binary noise.
function fixed(v: number, scale: number): string {
  const safe = Math.max(0, Math.min(scale, 14 - Math.floor(Math.log10(Math.abs(v) || 1))));
  return v.toFixed(safe) + (scale > safe ? `${safe === 0 ? '.' : ''}${'0'.repeat(scale - safe)}` : '');
}

/** One value as psql prints it (NULL prints empty). */
export function formatValue(s: Scenario, x: Typed, scale: number): string {
  if (x.v === null) return '';
  switch (x.t) {
    case 'int':
      return String(x.v);
    case 'numeric':
      return fixed(x.v as number, Math.min(100, x.scale ?? scale));
    case 'float':
      return String(x.v);
    case 'ts':
      return formatTimestamp(s, x.v as number);
    case 'date':
      return formatDate(s, x.v as number);
    case 'bool':
      return x.v ? 't' : 'f';
    case 'interval':
      return formatInterval(x.v as number);
    default:
      return String(x.v);
  }
}

/**
 * Lays a result out as psql's aligned format does: centred headers, a `---+---` rule, numbers
 * right-aligned and everything else left-aligned, no trailing blanks, then `(N rows)`.
 */
export function psqlTable(headers: string[], cells: string[][], rightAligned: boolean[], title?: string): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (row: string[], align: (c: string, w: number, i: number) => string) => row.map((c, i) => ` ${align(c, widths[i] as number, i)} `).join('|').trimEnd();
  const centre = (c: string, w: number) => c.padStart(Math.floor((w + c.length) / 2)).padEnd(w);
  const total = widths.reduce((a, w) => a + w + 3, -1);
  const out = [
    ...(title ? [title.padStart(Math.floor((total + title.length) / 2))] : []),
    line(headers, centre),
    widths.map((w) => '-'.repeat(w + 2)).join('+'),
    ...cells.map((r) => line(r, (c, w, i) => (rightAligned[i] ? c.padStart(w) : c.padEnd(w)))),
    `(${cells.length} row${cells.length === 1 ? '' : 's'})`,
  ];
  return out.join('\n');
}

/** A query's result as psql prints it. */
export function formatResult(s: Scenario, rs: ResultSet): string {
  return psqlTable(
    rs.columns.map((c) => c.name),
    rs.rows.map((r) => r.map((x, i) => formatValue(s, x, rs.columns[i]?.scale ?? 0))),
    rs.columns.map((c) => isNumber(c.t)),
  );
}
