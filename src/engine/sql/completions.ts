import type { Scenario } from '../../scenarios/schema';
import { tableRoles } from './table-roles';

/** SQL keywords the prompt completes, in the case psql prints them. */
export const sqlKeywords = [
  'SELECT', 'FROM', 'WHERE', 'GROUP BY', 'HAVING', 'ORDER BY', 'LIMIT', 'OFFSET', 'AND', 'OR', 'NOT', 'AS', 'ON', 'USING',
  'JOIN', 'LEFT JOIN', 'FULL JOIN', 'WITH', 'UNION ALL', 'DISTINCT', 'FILTER', 'IS NULL', 'IS NOT NULL', 'BETWEEN', 'IN',
  'ASC', 'DESC', 'TIMESTAMP', 'DATE', 'INTERVAL', 'CURRENT_DATE', 'NOW()', 'COUNT(', 'SUM(', 'AVG(', 'MIN(', 'MAX(',
  'DATE_TRUNC(', 'ROUND(', 'COALESCE(', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END',
];

const metaCommands = ['\\d', '\\dt', '\\?', '\\q'];

/**
 * Completions for the word being typed at the SQL prompt: table names after FROM or JOIN (and
 * after `\d`), otherwise columns of the scenario's tables, tables and keywords; matched
 * case-insensitively, keywords in the case the player typed. Only what `\dt` and `\d` show.
 */
export function sqlCompletions(s: Scenario, prefix: string, line = ''): string[] {
  return completeSql(sqlNames(s), prefix, line);
}

/** The names the SQL prompt completes: tables and their columns, as `\dt` and `\d` show them. */
export interface SqlNames {
  tables: string[];
  columns: string[];
}

const namesCache = new WeakMap<Scenario, SqlNames>();

/** A scenario's SQL names (memoised: the scenario never changes). */
export function sqlNames(s: Scenario): SqlNames {
  const hit = namesCache.get(s);
  if (hit) return hit;
  const tables = s.world.tables.map((t) => t.id).sort();
  const names = { tables, columns: [...new Set(tables.flatMap((t) => tableRoles(s, t)?.columns.map((c) => c.name) ?? []))].sort() };
  namesCache.set(s, names);
  return names;
}

/** Completions from the SQL names alone, so a host holding only the player view can complete. */
export function completeSql(names: SqlNames, prefix: string, line = ''): string[] {
  const { tables, columns } = names;
  const p = prefix.toLowerCase();
  const starts = (x: string) => x.toLowerCase().startsWith(p);
  if (prefix.startsWith('\\')) return metaCommands.filter(starts);
  const before = line.slice(0, Math.max(0, line.length - prefix.length)).trimEnd().toLowerCase();
  if (/(\bfrom|\bjoin|^\\d\+?|^\\dt\+?)$/.test(before)) return tables.filter(starts);
  const lower = prefix !== '' && prefix === prefix.toLowerCase();
  const keywords = sqlKeywords.map((k) => (lower ? k.toLowerCase() : k)).filter(starts);
  return [...new Set([...columns.filter(starts), ...tables.filter(starts), ...keywords])];
}
