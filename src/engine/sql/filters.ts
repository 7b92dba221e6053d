import type { Expr } from 'pgsql-ast-parser';
import { evaluate, resolveRef, truth, type Env } from './expressions';
import { binary } from './operators';
import type { Row } from './scope';
import type { Typed } from './values';

/**
 * Keeps the part of a row that satisfies a condition. A subquery's row is kept or dropped; a lake
 * slice can also be cut: a range on the event time keeps the share of the slice's rows inside
 * the range (rows are spread evenly within a five-minute slice), and `col IS [NOT] NULL` keeps
 * the slice's null (or non-null) rows of that column.
 */
export function filterRow(e: Expr, row: Row, env: Env): Row | null {
  if (row.n <= 0) return null;
  if (!row.cell) return truth(evaluate(e, { row, group: null }, env)) ? row : null;
  if (e.type === 'binary' && e.op === 'AND') {
    const left = filterRow(e.left, row, env);
    return left ? filterRow(e.right, left, env) : null;
  }
  if (e.type === 'binary' && ['<', '<=', '>', '>=', '='].includes(e.op)) {
    if (isEventRef(e.left, env)) return cutTime(row, e.op, boundOf(e.right, env));
    if (isEventRef(e.right, env)) return cutTime(row, flip(e.op), boundOf(e.left, env));
  }
  if (e.type === 'ternary' && e.op === 'BETWEEN' && isEventRef(e.value, env)) {
    const lower = cutTime(row, '>=', boundOf(e.lo, env));
    return lower ? cutTime(lower, '<=', boundOf(e.hi, env)) : null;
  }
  if (e.type === 'unary' && (e.op === 'IS NULL' || e.op === 'IS NOT NULL') && e.operand.type === 'ref' && e.operand.name !== '*') {
    const r = resolveRef(env, e.operand);
    if (r.kind === 'lake') {
      const known = row.isNull?.[r.column.name];
      if (known !== undefined) return known === (e.op === 'IS NULL') ? row : null;
      return nullPart(row, r.column.role === 'value' || r.column.role === 'amount' ? r.column.name : null, e.op === 'IS NULL');
    }
  }
  return truth(evaluate(e, { row, group: null }, env)) ? row : null;
}

function isEventRef(e: Expr, env: Env): boolean {
  if (e.type !== 'ref' || e.name === '*') return false;
  const r = resolveRef(env, e);
  return r.kind === 'lake' && r.column.role === 'event';
}

const constant = (e: Expr, env: Env): Typed => evaluate(e, { row: null, group: null }, env);

function flip(op: string): string {
  return op === '<' ? '>' : op === '<=' ? '>=' : op === '>' ? '<' : op === '>=' ? '<=' : op;
}

// A time bound is the same for every slice a query filters, so it is read once per query: the
// parsed query is cached across runs, so the bound is kept with the state and moment it was read at.
const bounds = new WeakMap<Expr, { state: Env['state']; t: number; c: number | null }>();

// The bound as sim seconds, or null for a NULL bound (which keeps nothing).
function boundOf(e: Expr, env: Env): number | null {
  const hit = bounds.get(e);
  if (hit && hit.state === env.state && hit.t === env.state.t) return hit.c;
  const bound = constant(e, env);
  const ts = binary('=', { v: 0, t: 'ts' }, bound, env, null);
  const c = ts.v === null ? null : typeof bound.v === 'number' ? bound.v : (toTs(bound, env) ?? 0);
  bounds.set(e, { state: env.state, t: env.state.t, c });
  return c;
}

// The share of a slice with event time `op` the bound: [lo, hi) in whole seconds.
function cutTime(row: Row, op: string, c: number | null): Row | null {
  const cell = row.cell;
  if (!cell) return row;
  if (c === null) return null;
  let lo = -Infinity;
  let hi = Infinity;
  if (op === '>=') lo = c;
  else if (op === '>') lo = c + 1;
  else if (op === '<') hi = c;
  else if (op === '<=') hi = c + 1;
  else [lo, hi] = [c, c + 1];
  const end = cell.last + 1;
  const a = Math.max(cell.from, lo);
  const b = Math.min(end, hi);
  if (b <= a) return null;
  // A slice wholly inside the range is kept as it is (rows are never changed in place).
  if (a === cell.from && b === end && cell.to <= hi) return row;
  const f = (b - a) / Math.max(1, end - cell.from);
  return scale(row, f, { ...cell, from: a, last: b - 1, to: Math.min(cell.to, hi) });
}

// A text bound compared with a timestamp is read as one (binary() has checked it parses).
function toTs(bound: Typed, env: Env): number | null {
  const v = evaluate({ type: 'cast', operand: { type: 'string', value: String(bound.v) }, to: { name: 'timestamp' } }, { row: null, group: null }, env);
  return typeof v.v === 'number' ? v.v : null;
}

// Written out rather than spread: a FILTER clause scales every slice of every group.
function scale(row: Row, f: number, cell: Row['cell']): Row {
  const nulls: Record<string, number> = {};
  const from = row.nulls;
  for (const k in from) nulls[k] = (from[k] as number) * f;
  const out: Row = { n: row.n * f, dup: row.dup * f, nulls, cell, vals: row.vals };
  if (row.key !== undefined) out.key = row.key;
  if (row.isNull !== undefined) out.isNull = row.isNull;
  return out;
}

/** The null (or non-null) rows of a column in a slice; other columns' nulls are taken as independent of it. */
export function nullPart(row: Row, column: string | null, isNull: boolean): Row | null {
  const k = column === null ? 0 : Math.min(row.n, row.nulls[column] ?? 0);
  const n = isNull ? k : row.n - k;
  if (n <= 0) return null;
  const kept = scale(row, n / row.n, row.cell);
  if (column !== null) {
    kept.nulls[column] = isNull ? n : 0;
    const known: Record<string, boolean> = {};
    const before = row.isNull;
    if (before) for (const c in before) known[c] = before[c] as boolean;
    known[column] = isNull;
    kept.isNull = known;
  }
  return kept;
}

/**
 * Splits lake slices into their null and non-null parts for every column an expression tests
 * with IS [NOT] NULL, so `sum(CASE WHEN col IS NULL THEN 1 ELSE 0 END)` can be evaluated part by part.
 */
export function splitByNullTests(rows: Row[], e: Expr, env: Env): Row[] {
  const columns = new Set<string>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const x = node as Expr;
    if (x.type === 'unary' && (x.op === 'IS NULL' || x.op === 'IS NOT NULL') && x.operand.type === 'ref' && x.operand.name !== '*') {
      const r = resolveRef(env, x.operand);
      if (r.kind === 'lake' && (r.column.role === 'value' || r.column.role === 'amount')) columns.add(r.column.name);
    }
    if (x.type === 'select' || x.type === 'with') return;
    for (const v of Object.values(node)) (Array.isArray(v) ? v : [v]).forEach(walk);
  };
  walk(e);
  let out = rows;
  for (const c of columns) {
    const split: Row[] = [];
    for (const r of out) {
      if (!r.cell) {
        split.push(r);
        continue;
      }
      const isNull = nullPart(r, c, true);
      const notNull = nullPart(r, c, false);
      if (isNull !== null) split.push(isNull);
      if (notNull !== null) split.push(notNull);
    }
    out = split;
  }
  return out;
}
