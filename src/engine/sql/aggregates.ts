import type { Expr, ExprCall } from 'pgsql-ast-parser';
import { centsPerEvent } from '../reveal/reconciliation-output';
import { evaluate, resolveRef, type Env } from './expressions';
import { filterRow, splitByNullTests } from './filters';
import type { Row } from './scope';
import { locationOf, SqlError, Unsupported } from './sql-error';
import { compare, int, isNumber, keyOf, nullValue, type Typed } from './values';

const aggregates = new Set(['count', 'sum', 'avg', 'min', 'max']);
const otherAggregates = new Set(['stddev', 'variance', 'array_agg', 'string_agg', 'percentile_cont', 'percentile_disc', 'approx_percentile', 'approx_distinct', 'bool_and', 'bool_or', 'every', 'mode']);

/** Whether a function name is an aggregate (supported or not). */
export function isAggregate(name: string): boolean {
  return aggregates.has(name) || otherAggregates.has(name);
}

/** Whether an expression contains an aggregate call. */
export function hasAggregate(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const node = e as { type?: string; function?: { name: string } };
  if (node.type === 'call' && node.function && isAggregate(node.function.name.toLowerCase())) return true;
  if (node.type === 'select' || node.type === 'with' || node.type === 'union' || node.type === 'union all') return false;
  return Object.values(node).some((v) => (Array.isArray(v) ? v.some(hasAggregate) : hasAggregate(v)));
}


// The part of each row of a group that an aggregate's FILTER (WHERE …) keeps.
function filterGroup(filter: Expr, group: Row[], env: Env): Row[] {
  const kept: Row[] = [];
  for (const r of group) {
    const part = filterRow(filter, r, env);
    if (part) kept.push(part);
  }
  return kept;
}

/**
 * Computes an aggregate over a group. Over lake slices it reads the slices' measures: rows,
 * duplicate copies (distinct keys are rows minus duplicates), nulls per column, event time span,
 * and the amount (every event counts the same average amount, as the reconciliation does).
 */
export function aggregate(e: ExprCall, group: Row[], env: Env): Typed {
  const name = e.function.name.toLowerCase();
  if (!aggregates.has(name)) throw new Unsupported(`the aggregate ${name}() is not supported; supported: count(*), count(col), count(DISTINCT col), sum, avg, min, max`);
  const filtered = e.filter ? filterGroup(e.filter, group, env) : group;
  const arg = e.args[0];
  const rows = arg ? splitByNullTests(filtered, arg, env) : filtered;
  if (!arg) throw new SqlError(`function ${name}() does not exist`, locationOf(e), 'No function matches the given name and argument types. You might need to add explicit type casts.');
  if (e.args.length > 1) throw new SqlError(`function ${name} with ${e.args.length} arguments does not exist`, locationOf(e));
  const lake = arg.type === 'ref' && arg.name !== '*' ? resolveRef(env, arg) : null;
  const lakeColumn = lake?.kind === 'lake' ? lake.column : null;
  const sumN = (f: (r: Row) => number) => Math.round(rows.reduce((a, r) => a + f(r), 0));
  if (name === 'count') {
    if (arg.type === 'ref' && arg.name === '*') return int(sumN((r) => r.n));
    if (lakeColumn && e.distinct === 'distinct') {
      if (lakeColumn.role === 'key') return int(sumN((r) => r.n - r.dup));
      if (lakeColumn.role === 'value' || lakeColumn.role === 'amount' || lakeColumn.role === 'event') {
        throw new Unsupported(`count(DISTINCT ${lakeColumn.name}) is not known to the warehouse: distinct counts are kept for the key column and for dt, the hour and the partition`);
      }
    } else if (lakeColumn) {
      return int(sumN((r) => r.n - (r.nulls[lakeColumn.name] ?? 0)));
    }
    const seen = new Set<string>();
    let n = 0;
    for (const r of rows) {
      if (r.n < 0.5) continue;
      const v = evaluate(arg, { row: r, group: null }, env);
      if (v.v === null) continue;
      if (e.distinct === 'distinct') seen.add(keyOf(v));
      else n += r.n;
    }
    return int(e.distinct === 'distinct' ? seen.size : Math.round(n));
  }
  if (name === 'sum' || name === 'avg') {
    if (lakeColumn && lakeColumn.role === 'amount') {
      const count = sumN((r) => r.n - (r.nulls[lakeColumn.name] ?? 0));
      if (count === 0) return nullValue;
      const minor = lakeColumn.type === 'bigint';
      if (name === 'avg') return { v: minor ? centsPerEvent : centsPerEvent / 100, t: 'numeric', scale: 16 };
      return minor ? int(count * centsPerEvent) : { v: (count * centsPerEvent) / 100, t: 'numeric', scale: 2 };
    }
    if (lakeColumn && lakeColumn.role !== 'partition') throw new Unsupported(`${name}(${lakeColumn.name}) is not known to the warehouse: it sums only the amount column${lake?.kind === 'lake' && lake.source.model.amount ? ` (${lake.source.model.amount.name})` : ''}`);
    let total = 0;
    let count = 0;
    let scale = 0;
    let float = false;
    for (const r of rows) {
      if (r.n < 0.5) continue;
      const v = evaluate(arg, { row: r, group: null }, env);
      if (v.v === null) continue;
      if (typeof v.v !== 'number' || !isNumber(v.t)) throw new SqlError(`function ${name}(${v.t}) does not exist`, locationOf(e));
      total += v.v * r.n;
      count += r.n;
      scale = Math.max(scale, v.scale ?? 0);
      float ||= v.t === 'float';
    }
    if (count === 0) return nullValue;
    if (name === 'avg') return float ? { v: total / count, t: 'float' } : { v: total / count, t: 'numeric', scale: Math.max(16, scale) };
    return float ? { v: total, t: 'float' } : scale > 0 ? { v: total, t: 'numeric', scale } : int(total);
  }
  // min / max
  if (lakeColumn?.role === 'event') {
    const live = rows.filter((r) => r.n >= 0.5 && r.cell);
    if (live.length === 0) return nullValue;
    const times = live.map((r) => (name === 'min' ? (r.cell?.from ?? 0) : (r.cell?.last ?? 0)));
    return { v: name === 'min' ? Math.min(...times) : Math.max(...times), t: 'ts' };
  }
  if (lakeColumn && (lakeColumn.role === 'amount' || lakeColumn.role === 'value' || lakeColumn.role === 'key')) {
    throw new Unsupported(`${name}(${lakeColumn.name}) is not known to the warehouse: min() and max() work on the event time, the hour, dt and the partition`);
  }
  let best: Typed = nullValue;
  for (const r of rows) {
    if (r.n < 0.5) continue;
    const v = evaluate(arg, { row: r, group: null }, env);
    if (v.v === null) continue;
    if (best.v === null || (name === 'min' ? compare(v, best) < 0 : compare(v, best) > 0)) best = v;
  }
  return best;
}
