import { parse, type Statement } from 'pgsql-ast-parser';
import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import { filesPerHour, queryProfile } from '../world/table-layout';
import { runMetaCommand } from './meta-commands';
import { formatResult } from './psql-format';
import { runSelect, type QueryRun } from './select';
import { renderSqlError, SqlError, Unsupported } from './sql-error';

/** What the SQL prompt prints for one query, and the sim seconds it took. */
export type SqlResult = { ok: true; text: string; rowCount: number; costS: number } | { ok: false; text: string; costS: number };

/** Longest query the prompt accepts. */
export const maxQueryLength = 4_000;
/** Deepest nesting of parentheses the parser is given (PostgreSQL stops deep nesting with a stack-depth error too). */
const maxNesting = 64;
/** Most rows one result prints; more needs a LIMIT. */
export const maxResultRows = 1_000;
/** Most statements one submission may hold. */
const maxStatements = 10;

/** What the simulated warehouse answers, said when it cannot answer a query. */
export const supportedShapes = [
  'The simulated warehouse answers aggregate queries over the lake tables (\\dt lists them, \\d TABLE shows the columns):',
  '  count(*), count(col), count(DISTINCT key), min()/max() of the event time, sum()/avg() of the amount column,',
  '  null counts (count(*) - count(col), WHERE col IS NULL, count(*) FILTER (WHERE col IS NULL)),',
  "  GROUP BY date_trunc('hour'|'day', event time), date(...), dt, kafka_partition, or the key with HAVING count(*) > 1,",
  "  WHERE on time ranges (>=, <, BETWEEN, dt = current_date), ORDER BY, LIMIT, WITH, UNION,",
  '  and joins of aggregated subqueries (e.g. source vs mart counts by hour).',
].join('\n');

const readOnly: Record<string, string> = {
  insert: 'INSERT',
  update: 'UPDATE',
  delete: 'DELETE',
  'create table': 'CREATE TABLE',
  'create view': 'CREATE VIEW',
  'create materialized view': 'CREATE MATERIALIZED VIEW',
  'create index': 'CREATE INDEX',
  'drop table': 'DROP TABLE',
  'drop index': 'DROP INDEX',
  'drop sequence': 'DROP SEQUENCE',
  'alter table': 'ALTER TABLE',
  truncate: 'TRUNCATE TABLE',
  'truncate table': 'TRUNCATE TABLE',
  'create schema': 'CREATE SCHEMA',
};

/** Runs one query against the lake tables as they are at `state.t`; never throws. */
export function runSql(s: Scenario, state: SimState, query: string): SqlResult {
  try {
    return runUnsafe(s, state, query);
  } catch (e) {
    if (e instanceof SqlError) return { ok: false, text: renderSqlError(query, e), costS: 0 };
    if (e instanceof Unsupported) return { ok: false, text: `This query is outside what the simulated warehouse answers: ${e.message}.\n\n${supportedShapes}`, costS: 0 };
    return { ok: false, text: `ERROR:  internal error: the query could not be answered (${e instanceof Error ? e.message : String(e)})`, costS: 0 };
  }
}

function runUnsafe(s: Scenario, state: SimState, query: string): SqlResult {
  const text = query.trim();
  if (text.length > maxQueryLength) return { ok: false, text: `The query is ${text.length} characters long; the prompt takes at most ${maxQueryLength}.`, costS: 0 };
  if (text.startsWith('\\')) {
    const meta = runMetaCommand(s, text);
    return meta.ok ? { ok: true, text: meta.text, rowCount: 0, costS: 1 } : { ok: false, text: meta.text, costS: 0 };
  }
  if (text.replace(/;/g, '').trim() === '') return { ok: true, text: '', rowCount: 0, costS: 0 };
  const tooDeep = nestingPast(query, maxNesting);
  if (tooDeep !== null) throw new SqlError('stack depth limit exceeded', tooDeep, 'Increase the configuration parameter "max_stack_depth" (currently 2048kB), after ensuring the platform\'s stack depth limit is adequate.');
  const statements = parsed(query);
  if (statements.length > maxStatements) throw new Unsupported(`${statements.length} statements were sent at once; the prompt runs at most ${maxStatements}`);
  const outputs: string[] = [];
  let rowCount = 0;
  let costS = 0;
  for (const stmt of statements) {
    const verb = readOnly[stmt.type];
    if (verb) throw new SqlError(`cannot execute ${verb} in a read-only transaction`);
    if (stmt.type !== 'select' && stmt.type !== 'with' && stmt.type !== 'union' && stmt.type !== 'union all') throw new Unsupported(`${stmt.type.toUpperCase()} statements are not supported; the prompt runs SELECT queries`);
    const run: QueryRun = { s, state, query, cache: new Map(), ctes: new Map(), scannedRows: 0, tables: new Set(), joins: 0, depth: 0 };
    const rs = runSelect(stmt, run);
    if (rs.rows.length > maxResultRows) throw new Unsupported(`the result has ${rs.rows.length} rows; the prompt prints at most ${maxResultRows}: add a LIMIT or group more coarsely`);
    outputs.push(formatResult(s, rs));
    rowCount += rs.rows.length;
    costS += queryCost(s, state, run);
  }
  return { ok: true, text: outputs.join('\n\n'), rowCount, costS };
}

// A query is parsed when it is planned and again when it runs, and a replay parses the same
// texts again: parsing is the slow part, so recent parses are kept. Trees are only read.
const parseCache = new Map<string, readonly Statement[]>();
const parseCacheSize = 64;

function parsed(query: string): readonly Statement[] {
  const hit = parseCache.get(query);
  if (hit) return hit;
  let statements: Statement[];
  try {
    statements = parse(query, { locationTracking: true });
  } catch (e) {
    throw syntaxError(query, e);
  }
  if (parseCache.size >= parseCacheSize) parseCache.delete(parseCache.keys().next().value as string);
  parseCache.set(query, statements);
  return statements;
}

/**
 * Sim seconds a query will take, planned from what it reads without running it: the lake tables
 * it names (their row counts and file layouts) and its joins, as `queryCost` counts them. The
 * prompt plans a query when it starts and runs it when it finishes, so the work is done once.
 * A query that cannot be parsed, a meta-command or an empty line plans at a second.
 */
export function planSqlCost(s: Scenario, state: SimState, query: string): number {
  const text = query.trim();
  if (text === '' || text.length > maxQueryLength || text.startsWith('\\')) return 1;
  let statements: readonly Statement[];
  try {
    statements = parsed(query);
  } catch {
    return 1;
  }
  const lake = new Set(s.world.tables.map((t) => t.id));
  const ctes = new Set<string>();
  const named: string[] = [];
  let joins = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const n = node as { type?: unknown; name?: { name?: unknown }; join?: unknown; bind?: { alias?: { name?: unknown } }[] };
    if (n.type === 'with' && Array.isArray(n.bind)) for (const b of n.bind) if (typeof b.alias?.name === 'string') ctes.add(b.alias.name);
    if (n.type === 'table' && typeof n.name?.name === 'string') named.push(n.name.name);
    if (n.join) joins += 1;
    for (const value of Object.values(node)) walk(value);
  };
  walk(statements);
  // Every read of a table scans it, as running the query counts it (two CTEs over one table read it twice).
  const reads = named.filter((name) => lake.has(name) && !ctes.has(name));
  const scannedRows = reads.reduce((sum, id) => sum + (state.metrics[`table.${id}.rows`] ?? 0), 0);
  const tables = new Set(reads);
  return queryCost(s, state, { scannedRows, joins, tables });
}

/**
 * Sim seconds a query takes: a second to plan, one per two million rows scanned, one per join,
 * and for a table with a declared file layout the time its files take to open (small files make
 * every scan slow, as the query profile shows).
 */
function queryCost(s: Scenario, state: SimState, run: Pick<QueryRun, 'scannedRows' | 'joins' | 'tables'>): number {
  let cost = 1 + run.scannedRows / 2_000_000 + run.joins;
  for (const id of run.tables) {
    const spec = s.world.tables.find((t) => t.id === id)?.layout;
    const layout = state.world.tables[id]?.layout;
    if (spec && layout) {
      const q = queryProfile(spec, layout, filesPerHour(s, state, id));
      cost += q.planningS + q.openS;
    }
  }
  return Math.max(1, Math.round(cost));
}

// Where parentheses (outside quotes) first nest deeper than `limit`, or null.
function nestingPast(query: string, limit: number): number | null {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < query.length; i++) {
    const c = query[i] as string;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '(') {
      depth += 1;
      if (depth > limit) return i;
    } else if (c === ')') {
      depth -= 1;
    }
  }
  return null;
}

// psql's syntax error: the token the parser stopped at, or the end of the input. The lexer
// reports characters it cannot read by line and column only.
function syntaxError(query: string, e: unknown): SqlError {
  const err = e as { token?: { value?: string; text?: string; offset?: number }; message?: string };
  let offset = err.token?.offset;
  let token = err.token?.text ?? err.token?.value;
  const lineCol = /line (\d+) col (\d+)/.exec(err.message ?? '');
  if (offset === undefined && lineCol) {
    const lines = query.split('\n');
    offset = lines.slice(0, Number(lineCol[1]) - 1).reduce((n, l) => n + l.length + 1, 0) + Number(lineCol[2]) - 1;
    token = /^[^\s,();]+|^./u.exec(query.slice(offset))?.[0];
  }
  const end = query.trimEnd().length;
  if (offset === undefined || token === undefined || offset >= end) return new SqlError('syntax error at end of input', end);
  return new SqlError(`syntax error at or near "${token}"`, offset);
}
