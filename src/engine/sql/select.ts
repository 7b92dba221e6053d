import type { Expr, SelectFromStatement, SelectStatement } from 'pgsql-ast-parser';
import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import { hasAggregate } from './aggregates';
import { evaluate, truth, type Ctx, type Env } from './expressions';
import { readFrom } from './from-clause';
import { checkGrouped, checkRefs, groupExpr, selectList } from './select-rules';
import { filterRow } from './filters';
import { duplicateKey } from './sample-keys';
import type { Row } from './scope';
import { locationOf, SqlError, Unsupported } from './sql-error';
import type { ModelCache } from './table-model';
import { compare, keyOf, type Ty, type Typed } from './values';

/** Rows a query returned, with their column names and types. */
export interface ResultSet {
  columns: { name: string; t: Ty; scale: number }[];
  rows: Typed[][];
}

/** What one query run reads: the world, named subqueries in scope, and what it scanned (for its cost). */
export interface QueryRun {
  s: Scenario;
  state: SimState;
  query: string;
  cache: ModelCache;
  ctes: Map<string, ResultSet>;
  scannedRows: number;
  tables: Set<string>;
  joins: number;
  depth: number;
}

const uniqueKey = '\u0000unique';
/** Most duplicated keys one query may list before a LIMIT. */
const keyListCap = 200_000;

/** Runs a SELECT (with CTEs and UNIONs) against the lake and returns its rows. */
export function runSelect(stmt: SelectStatement, run: QueryRun): ResultSet {
  if (++run.depth > 16) throw new Unsupported('queries nested more than 16 levels deep are not supported');
  try {
    switch (stmt.type) {
      case 'select':
        return selectFrom(stmt, run);
      case 'with': {
        const saved = new Map(run.ctes);
        for (const b of stmt.bind) {
          if (b.statement.type !== 'select' && b.statement.type !== 'with' && b.statement.type !== 'union' && b.statement.type !== 'union all') throw new Unsupported('only SELECT queries are supported in WITH');
          run.ctes.set(b.alias.name, runSelect(b.statement, run));
        }
        if (stmt.in.type !== 'select' && stmt.in.type !== 'with' && stmt.in.type !== 'union' && stmt.in.type !== 'union all') throw new Unsupported('only SELECT queries are supported');
        const out = runSelect(stmt.in, run);
        run.ctes = saved;
        return out;
      }
      case 'union':
      case 'union all': {
        const left = runSelect(stmt.left, run);
        const right = runSelect(stmt.right, run);
        if (left.columns.length !== right.columns.length) throw new SqlError('each UNION query must have the same number of columns', locationOf(stmt));
        const rows = [...left.rows, ...right.rows];
        return { columns: left.columns, rows: stmt.type === 'union' ? distinct(rows) : rows };
      }
      default:
        throw new Unsupported(`${stmt.type} queries are not supported`);
    }
  } finally {
    run.depth -= 1;
  }
}

function distinct(rows: Typed[][]): Typed[][] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = r.map(keyOf).join('\u0001');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function selectFrom(stmt: SelectFromStatement, run: QueryRun): ResultSet {
  const { scope, rows: read } = readFrom(stmt.from, run);
  const env: Env = { s: run.s, state: run.state, scope, query: run.query };
  const list = selectList(stmt.columns, scope);
  if (list.length === 0) throw new Unsupported('a SELECT must name at least one column or aggregate');
  for (const c of list) checkRefs(c.expr, env);
  const where = stmt.where;
  if (where) checkRefs(where, env);
  if (where && hasAggregate(where)) throw new SqlError('aggregate functions are not allowed in WHERE', locationOf(where));
  let rows = where ? keptRows(read, where, env) : read;
  const lake = scope.sources.length === 1 && scope.sources[0]?.kind === 'lake' ? scope.sources[0] : null;
  const aggregated = !!stmt.groupBy?.length || list.some((c) => hasAggregate(c.expr)) || hasAggregate(stmt.having) || !!stmt.orderBy?.some((o) => hasAggregate(o.by));
  const distinctAll = stmt.distinct === 'distinct';
  if (Array.isArray(stmt.distinct)) throw new Unsupported('DISTINCT ON is not supported');
  let groupExprs: Expr[] | null = null;
  if (aggregated) {
    groupExprs = (stmt.groupBy ?? []).map((g) => groupExpr(g, list, scope));
    for (const g of groupExprs) if (hasAggregate(g)) throw new SqlError('aggregate functions are not allowed in GROUP BY', locationOf(g));
    const grouped = groupExprs;
    for (const c of list) checkGrouped(c.expr, grouped, env);
    if (stmt.having) checkGrouped(stmt.having, grouped, env);
    for (const o of stmt.orderBy ?? []) if (o.by.type !== 'integer' && !(o.by.type === 'ref' && !o.by.table && list.some((c) => c.name === (o.by as { name?: string }).name))) checkGrouped(o.by, grouped, env);
  } else if (lake && distinctAll) {
    groupExprs = list.map((c) => c.expr);
  } else if (lake) {
    throw new Unsupported(`the warehouse does not list raw rows of ${lake.model.id}; ask for counts, e.g. SELECT date_trunc('hour', ${lake.model.event}) AS hour, count(*) FROM ${lake.model.id} GROUP BY 1 ORDER BY 1`);
  }
  let outputs: { vals: Typed[]; ctx: Ctx }[];
  if (groupExprs) {
    if (lake && lake.model.key && groupExprs.some((g) => g.type === 'ref' && g.name === lake.model.key)) rows = expandKeys(rows, lake.model.id, lake.model.key);
    const groups = new Map<string, Row[]>();
    if (groupExprs.length === 0) groups.set('', rows);
    for (const r of groupExprs.length === 0 ? [] : rows) {
      if (r.n < 0.5) continue;
      const k = groupExprs.map((g) => (r.key !== undefined && g.type === 'ref' && g.name === lake?.model.key ? (r.key === 'unique' ? uniqueKey : `text:${String(r.key.v)}`) : keyOf(evaluate(g, { row: r, group: null }, env)))).join('\u0001');
      const list = groups.get(k);
      if (list) list.push(r);
      else groups.set(k, [r]);
    }
    outputs = [];
    for (const [k, group] of groups) {
      if (k.includes(uniqueKey)) {
        const probe: Row = { ...(group[0] as Row), n: 1, dup: 0, nulls: {}, key: 'unique' };
        const keep = stmt.having ? truth(evaluate(stmt.having, { row: null, group: [{ ...probe, key: { v: 'x', t: 'text' } }] }, env)) : true;
        if (keep) {
          const n = Math.round(group.reduce((a, r) => a + r.n, 0));
          throw new Unsupported(`grouping by ${lake?.model.key ?? 'the key'} lists one row per key (about ${n} here); add HAVING count(*) > 1 to list the duplicated keys`);
        }
        continue;
      }
      const ctx: Ctx = { row: null, group };
      if (stmt.having && !truth(evaluate(stmt.having, ctx, env))) continue;
      outputs.push({ vals: list.map((c) => evaluate(c.expr, ctx, env)), ctx });
    }
  } else {
    outputs = rows.map((row) => ({ vals: list.map((c) => evaluate(c.expr, { row, group: null }, env)), ctx: { row, group: null } }));
    if (distinctAll) {
      const seen = new Set<string>();
      outputs = outputs.filter((o) => {
        const k = o.vals.map(keyOf).join('\u0001');
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
  }
  if (stmt.orderBy?.length) {
    const keys = outputs.map((o) => stmt.orderBy?.map((ob) => orderValue(ob.by, o, list, env)) ?? []);
    const index = outputs.map((_, i) => i);
    index.sort((a, b) => {
      for (let j = 0; j < (stmt.orderBy?.length ?? 0); j++) {
        const ob = stmt.orderBy?.[j];
        const x = keys[a]?.[j] as Typed;
        const y = keys[b]?.[j] as Typed;
        const nullsFirst = ob?.nulls ? ob.nulls === 'FIRST' : ob?.order === 'DESC';
        if (x.v === null || y.v === null) {
          if (x.v === y.v) continue;
          return (x.v === null) === nullsFirst ? -1 : 1;
        }
        const c = compare(x, y);
        if (c !== 0) return ob?.order === 'DESC' ? -c : c;
      }
      return a - b;
    });
    outputs = index.map((i) => outputs[i] as { vals: Typed[]; ctx: Ctx });
  }
  const limit = stmt.limit;
  if (limit) {
    const offset = limit.offset ? Number(evaluate(limit.offset, { row: null, group: null }, env).v ?? 0) : 0;
    const count = limit.limit ? evaluate(limit.limit, { row: null, group: null }, env).v : null;
    if ((typeof count === 'number' && count < 0) || offset < 0) throw new SqlError(`${offset < 0 ? 'OFFSET' : 'LIMIT'} must not be negative`);
    outputs = outputs.slice(offset, typeof count === 'number' ? offset + count : undefined);
  }
  const columns = list.map((c, i) => {
    const vals = outputs.map((o) => o.vals[i] as Typed).filter((v) => v.v !== null);
    const t: Ty = vals[0]?.t ?? 'text';
    return { name: c.name, t, scale: vals.reduce((m, v) => Math.max(m, v.scale ?? 0), 0) };
  });
  return { columns, rows: outputs.map((o) => o.vals) };
}

// The part of each row the WHERE clause keeps, in order (a loop: this runs over every slice of a table).
function keptRows(read: Row[], where: Expr, env: Env): Row[] {
  const kept: Row[] = [];
  for (const r of read) {
    const part = filterRow(where, r, env);
    if (part) kept.push(part);
  }
  return kept;
}

function orderValue(by: Expr, o: { vals: Typed[]; ctx: Ctx }, list: { expr: Expr; name: string }[], env: Env): Typed {
  if (by.type === 'integer') {
    const v = o.vals[by.value - 1];
    if (!v) throw new SqlError(`ORDER BY position ${by.value} is not in select list`, locationOf(by));
    return v;
  }
  if (by.type === 'ref' && !by.table) {
    const i = list.findIndex((c) => c.name === by.name);
    if (i >= 0) return o.vals[i] as Typed;
  }
  return evaluate(by, o.ctx, env);
}

// Grouping by the key: each duplicated record becomes its own group (with a sample key) holding
// all its copies, extra copies spread evenly when there are more than records; the rest stay one row per key.
function expandKeys(rows: Row[], tableId: string, keyColumn: string): Row[] {
  const total = rows.reduce((n, r) => n + Math.min(Math.round(r.dup), Math.round(r.n - r.dup)), 0);
  if (total > keyListCap) throw new Unsupported(`${total} keys are duplicated here, more than the warehouse lists at once (${keyListCap}); narrow the time range`);
  return rows.flatMap((r) => {
    const d = Math.round(r.dup);
    const k = Math.min(d, Math.round(r.n - r.dup));
    if (k <= 0 || !r.cell) return [{ ...r, key: 'unique' as const }];
    const cell = r.cell;
    const columns = Object.entries(r.nulls);
    const share = (x: number) => (columns.length === 0 ? {} : Object.fromEntries(columns.map(([c, v]) => [c, (v * x) / Math.max(1, r.n)])));
    let used = 0;
    const keyed: Row[] = Array.from({ length: k }, (_, i) => {
      const copies = 1 + Math.floor(d / k) + (i < d % k ? 1 : 0);
      used += copies;
      return { n: copies, dup: copies - 1, nulls: share(copies), cell, vals: [], key: { v: duplicateKey(tableId, keyColumn, cell, i, k), t: 'text' as const } };
    });
    const rest = r.n - used;
    return rest >= 0.5 ? [...keyed, { n: rest, dup: 0, nulls: share(rest), cell, vals: [], key: 'unique' as const }] : keyed;
  });
}
