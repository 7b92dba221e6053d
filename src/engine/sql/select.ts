import type { Expr, From, SelectedColumn, SelectFromStatement, SelectStatement } from 'pgsql-ast-parser';
import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import { hasAggregate } from './aggregates';
import { binary, evaluate, resolveRef, truth, type Ctx, type Env } from './expressions';
import { filterRow } from './filters';
import { duplicateKey } from './sample-keys';
import type { Row, Scope, Source } from './scope';
import { SqlError, Unsupported } from './sql-error';
import { tableModel, type ModelCache } from './table-model';
import { compare, keyOf, nullValue, type Ty, type Typed } from './values';

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

const at = (e: { _location?: { start: number } | null } | null | undefined) => e?._location?.start ?? null;
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
        if (left.columns.length !== right.columns.length) throw new SqlError('each UNION query must have the same number of columns', at(stmt));
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

/** The relations of a FROM clause and the rows they give, joined. */
function readFrom(from: From[] | null | undefined, run: QueryRun): { scope: Scope; rows: Row[] } {
  if (!from || from.length === 0) return { scope: { sources: [], offsets: [] }, rows: [{ n: 1, dup: 0, nulls: {}, cell: null, vals: [] }] };
  const items = from.map((f) => source(f, run));
  if (items.length === 1 && items[0]?.src.kind === 'lake') {
    const src = items[0].src;
    run.scannedRows += src.model.rows;
    const rows: Row[] = src.model.cells.map((cell) => ({ n: cell.rows, dup: cell.duplicates, nulls: { ...cell.nulls }, cell, vals: [] }));
    return { scope: { sources: [src], offsets: [0] }, rows };
  }
  const lake = items.find((i) => i.src.kind === 'lake');
  if (lake) {
    const m = lake.src.kind === 'lake' ? lake.src.model : null;
    throw new Unsupported(
      `the warehouse joins result sets, not raw tables: aggregate each side first, e.g. ` +
        `JOIN (SELECT date_trunc('hour', ${m?.event ?? 'event_ts'}) AS hour, count(*) AS n FROM ${m?.id ?? 'table'} GROUP BY 1) b ON a.hour = b.hour`,
    );
  }
  let scope: Scope = { sources: [], offsets: [] };
  let rows: Row[] = [{ n: 1, dup: 0, nulls: {}, cell: null, vals: [] }];
  items.forEach((item, i) => {
    const src = item.src as Extract<Source, { kind: 'rows' }>;
    const width = scope.sources.reduce((n, s) => n + (s.kind === 'rows' ? s.columns.length : 0), 0);
    const next: Scope = { sources: [...scope.sources, src], offsets: [...scope.offsets, width] };
    const right = item.rows;
    const join = from[i]?.join ?? null;
    if (i === 0) {
      rows = right;
    } else {
      if (rows.length * right.length > 1_000_000) throw new Unsupported('this join would compare more than 1,000,000 row pairs; aggregate each side to dates or hours first');
      run.joins += 1;
      rows = joinRows(rows, right, join?.type ?? 'CROSS JOIN', join?.on ?? null, join?.using?.map((u) => u.name) ?? null, scope, src, next, run);
    }
    scope = next;
  });
  return { scope, rows };
}

function source(f: From, run: QueryRun): { src: Source; rows: Row[] } {
  if (f.type === 'table') {
    const name = f.name.name;
    const alias = f.name.alias ?? name;
    const cte = run.ctes.get(name);
    if (cte && !f.name.schema) return materialized(alias, cte);
    if (f.name.schema && !['public', 'analytics', 'lake'].includes(f.name.schema)) throw new SqlError(`relation "${f.name.schema}.${name}" does not exist`, at(f.name));
    const model = tableModel(run.s, run.state, name, run.cache);
    if (!model) throw new SqlError(`relation "${f.name.schema ? `${f.name.schema}.` : ''}${name}" does not exist`, at(f.name));
    run.tables.add(name);
    return { src: { alias, kind: 'lake', model }, rows: [] };
  }
  if (f.type === 'statement') return materialized(f.alias, runSelect(f.statement, run));
  throw new Unsupported('functions in FROM are not supported');
}

function materialized(alias: string, rs: ResultSet): { src: Source; rows: Row[] } {
  return { src: { alias, kind: 'rows', columns: rs.columns.map((c) => ({ name: c.name, t: c.t })) }, rows: rs.rows.map((vals) => ({ n: 1, dup: 0, nulls: {}, cell: null, vals })) };
}

function joinRows(left: Row[], right: Row[], type: string, on: Expr | null, using: string[] | null, leftScope: Scope, rightSrc: Extract<Source, { kind: 'rows' }>, scope: Scope, run: QueryRun): Row[] {
  const env: Env = { s: run.s, state: run.state, scope, query: run.query };
  const leftWidth = leftScope.sources.reduce((n, s) => n + (s.kind === 'rows' ? s.columns.length : 0), 0);
  const rightWidth = rightSrc.columns.length;
  const pad = (k: number) => Array.from({ length: k }, () => nullValue);
  const matches = (l: Row, r: Row): boolean => {
    const row: Row = { n: 1, dup: 0, nulls: {}, cell: null, vals: [...l.vals, ...r.vals] };
    if (using) {
      return using.every((name) => {
        const li = leftScope.sources.flatMap((s, i) => (s.kind === 'rows' ? s.columns.map((c, j) => ({ c, k: (leftScope.offsets[i] as number) + j })) : [])).find((x) => x.c.name === name);
        const ri = rightSrc.columns.findIndex((c) => c.name === name);
        if (!li || ri < 0) throw new SqlError(`column "${name}" specified in USING clause does not exist in ${li ? 'right' : 'left'} table`);
        return truth(binary('=', row.vals[li.k] as Typed, row.vals[leftWidth + ri] as Typed, env, null));
      });
    }
    return on ? truth(evaluate(on, { row, group: null }, env)) : true;
  };
  const out: Row[] = [];
  const rightHit = new Set<number>();
  for (const l of left) {
    let hit = false;
    right.forEach((r, j) => {
      if (!matches(l, r)) return;
      hit = true;
      rightHit.add(j);
      out.push({ n: 1, dup: 0, nulls: {}, cell: null, vals: [...l.vals, ...r.vals] });
    });
    if (!hit && (type === 'LEFT JOIN' || type === 'FULL JOIN')) out.push({ n: 1, dup: 0, nulls: {}, cell: null, vals: [...l.vals, ...pad(rightWidth)] });
  }
  if (type === 'RIGHT JOIN' || type === 'FULL JOIN') right.forEach((r, j) => rightHit.has(j) || out.push({ n: 1, dup: 0, nulls: {}, cell: null, vals: [...pad(leftWidth), ...r.vals] }));
  return out;
}

/** The select list with `*` expanded, each item with its output name. */
function selectList(columns: SelectedColumn[] | null | undefined, scope: Scope): { expr: Expr; name: string }[] {
  if (!columns || columns.length === 0) return [];
  return columns.flatMap((c) => {
    if (c.expr.type === 'ref' && c.expr.name === '*') {
      const table = c.expr.table?.name;
      const sources = scope.sources.filter((s) => table === undefined || s.alias === table);
      if (table !== undefined && sources.length === 0) throw new SqlError(`missing FROM-clause entry for table "${table}"`, at(c.expr));
      return sources.flatMap((s) => {
        if (s.kind === 'lake') throw new Unsupported(`the warehouse does not list raw rows of ${s.model.id}; ask for counts, e.g. SELECT date_trunc('hour', ${s.model.event}) AS hour, count(*) FROM ${s.model.id} GROUP BY 1 ORDER BY 1`);
        return s.columns.map((col) => ({ expr: { type: 'ref', table: { name: s.alias }, name: col.name } as Expr, name: col.name }));
      });
    }
    return [{ expr: c.expr, name: c.alias?.name ?? outputName(c.expr) }];
  });
}

/** The header psql gives an unaliased expression. */
function outputName(e: Expr): string {
  switch (e.type) {
    case 'ref':
      return e.name;
    case 'call':
      return e.function.name.toLowerCase();
    case 'cast':
      return e.operand.type === 'ref' || e.operand.type === 'call' || e.operand.type === 'cast' ? outputName(e.operand) : 'name' in e.to ? e.to.name : '?column?';
    case 'keyword':
      return e.keyword;
    case 'extract':
      return 'extract';
    case 'case':
      return 'case';
    default:
      return '?column?';
  }
}

function selectFrom(stmt: SelectFromStatement, run: QueryRun): ResultSet {
  const { scope, rows: read } = readFrom(stmt.from, run);
  const env: Env = { s: run.s, state: run.state, scope, query: run.query };
  const list = selectList(stmt.columns, scope);
  if (list.length === 0) throw new Unsupported('a SELECT must name at least one column or aggregate');
  for (const c of list) checkRefs(c.expr, env);
  const where = stmt.where;
  if (where) checkRefs(where, env);
  if (where && hasAggregate(where)) throw new SqlError('aggregate functions are not allowed in WHERE', at(where));
  let rows = where ? read.flatMap((r) => filterRow(where, r, env) ?? []) : read;
  const lake = scope.sources.length === 1 && scope.sources[0]?.kind === 'lake' ? scope.sources[0] : null;
  const aggregated = !!stmt.groupBy?.length || list.some((c) => hasAggregate(c.expr)) || hasAggregate(stmt.having) || !!stmt.orderBy?.some((o) => hasAggregate(o.by));
  const distinctAll = stmt.distinct === 'distinct';
  if (Array.isArray(stmt.distinct)) throw new Unsupported('DISTINCT ON is not supported');
  let groupExprs: Expr[] | null = null;
  if (aggregated) {
    groupExprs = (stmt.groupBy ?? []).map((g) => groupExpr(g, list, scope));
    for (const g of groupExprs) if (hasAggregate(g)) throw new SqlError('aggregate functions are not allowed in GROUP BY', at(g));
    const grouped = groupExprs;
    for (const c of list) checkGrouped(c.expr, grouped, env);
    if (stmt.having) checkGrouped(stmt.having, grouped, env);
    for (const o of stmt.orderBy ?? []) if (o.by.type !== 'integer' && !(o.by.type === 'ref' && !o.by.table && list.some((c) => c.name === (o.by as { name?: string }).name))) checkGrouped(o.by, grouped, env);
  }
  else if (lake && distinctAll) groupExprs = list.map((c) => c.expr);
  else if (lake) {
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

// Every column a clause names must exist before anything is computed, so a typo gets psql's error first.
function checkRefs(node: unknown, env: Env): void {
  if (!node || typeof node !== 'object') return;
  const e = node as Expr;
  if (e.type === 'ref') {
    if (e.name !== '*') resolveRef(env, e);
    return;
  }
  if (e.type === 'select' || e.type === 'with' || e.type === 'union' || e.type === 'union all') return;
  for (const v of Object.values(node)) {
    if (Array.isArray(v)) v.forEach((x) => checkRefs(x, env));
    else checkRefs(v, env);
  }
}

// Outside aggregates, an aggregate query may only use what it groups by, as PostgreSQL requires.
function checkGrouped(e: Expr, groups: Expr[], env: Env): void {
  if (groups.some((g) => sameExpr(g, e, env))) return;
  if (e.type === 'call' && hasAggregate({ type: 'call', function: e.function, args: [] })) return;
  if (e.type === 'ref') {
    if (e.name === '*') return;
    const r = resolveRef(env, e);
    const name = r.kind === 'lake' ? `${r.source.alias}.${r.column.name}` : `${env.scope.sources.find((_, i) => (env.scope.offsets[i] ?? 0) <= r.index && r.index < (env.scope.offsets[i + 1] ?? Infinity))?.alias ?? ''}.${r.name}`;
    throw new SqlError(`column "${name}" must appear in the GROUP BY clause or be used in an aggregate function`, at(e));
  }
  if (e.type === 'select' || e.type === 'with' || e.type === 'union' || e.type === 'union all') return;
  for (const v of Object.values(e)) {
    for (const x of Array.isArray(v) ? v : [v]) if (x && typeof x === 'object' && 'type' in x) checkGrouped(x as Expr, groups, env);
  }
}

// Two expressions are the same when they print the same, with column references resolved.
function sameExpr(a: Expr, b: Expr, env: Env): boolean {
  if (a.type === 'ref' && b.type === 'ref' && a.name !== '*' && b.name !== '*') {
    const x = resolveRef(env, a);
    const y = resolveRef(env, b);
    return x.kind === 'lake' && y.kind === 'lake' ? x.source === y.source && x.column.name === y.column.name : x.kind === 'rows' && y.kind === 'rows' && x.index === y.index;
  }
  const strip = (k: string, v: unknown) => (k === '_location' ? undefined : v);
  return JSON.stringify(a, strip) === JSON.stringify(b, strip);
}

// GROUP BY 1 and GROUP BY alias name select-list items, as PostgreSQL allows.
function groupExpr(g: Expr, list: { expr: Expr; name: string }[], scope: Scope): Expr {
  if (g.type === 'integer') {
    const item = list[g.value - 1];
    if (!item) throw new SqlError(`GROUP BY position ${g.value} is not in select list`, at(g));
    return item.expr;
  }
  if (g.type === 'ref' && !g.table) {
    const isInput = scope.sources.some((s) => (s.kind === 'lake' ? s.model.columns.some((c) => c.name === g.name) : s.columns.some((c) => c.name === g.name)));
    const alias = list.find((c) => c.name === g.name);
    if (!isInput && alias) return alias.expr;
  }
  return g;
}

function orderValue(by: Expr, o: { vals: Typed[]; ctx: Ctx }, list: { expr: Expr; name: string }[], env: Env): Typed {
  if (by.type === 'integer') {
    const v = o.vals[by.value - 1];
    if (!v) throw new SqlError(`ORDER BY position ${by.value} is not in select list`, at(by));
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
