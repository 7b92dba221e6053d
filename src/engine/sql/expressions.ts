import type { Expr, ExprCall } from 'pgsql-ast-parser';
import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import { aggregate, isAggregate } from './aggregates';
import { cast, datePart } from './casts';
import { binary, coerce, like, pgType, unary } from './operators';
import { resolveColumn, type Resolved, type Row, type Scope } from './scope';
import { locationOf, SqlError, Unsupported } from './sql-error';
import { compare, int, nullValue, type Typed } from './values';
import { truncTo } from './warehouse-clock';

/** What an expression is evaluated against. */
export interface Env {
  s: Scenario;
  state: SimState;
  scope: Scope;
  /** The query text (numeric literals keep the scale they were written with). */
  query: string;
}

/** One row (WHERE, GROUP BY keys) or one group of rows (select list, HAVING, ORDER BY of an aggregate query). */
export interface Ctx {
  row: Row | null;
  group: Row[] | null;
}


/** The column a reference names, or the psql error for it. */
export function resolveRef(env: Env, e: Extract<Expr, { type: 'ref' }>): Resolved {
  const hit = resolved.get(e);
  if (hit && hit.scope === env.scope) return hit.column;
  const r = resolveColumn(env.scope, e.name, e.table?.name);
  if (r === 'no-table') throw new SqlError(`missing FROM-clause entry for table "${e.table?.name ?? ''}"`, locationOf(e));
  if (r === 'missing') throw new SqlError(`column "${e.table ? `${e.table.name}.` : ''}${e.name}" does not exist`, locationOf(e));
  if (r === 'ambiguous') throw new SqlError(`column reference "${e.name}" is ambiguous`, locationOf(e));
  resolved.set(e, { scope: env.scope, column: r });
  return r;
}

// A reference resolves the same way for every row of a scope: remembered per parsed node.
const resolved = new WeakMap<object, { scope: Scope; column: Resolved }>();

/** Evaluates a scalar expression (aggregates only inside a group). */
export function evaluate(e: Expr, ctx: Ctx, env: Env): Typed {
  switch (e.type) {
    case 'integer':
      return int(e.value);
    case 'numeric':
      return { v: e.value, t: 'numeric', scale: decimals(e, env.query) };
    case 'string':
      return { v: e.value, t: 'text' };
    case 'boolean':
      return { v: e.value, t: 'bool' };
    case 'null':
      return nullValue;
    case 'keyword':
      if (e.keyword === 'current_date') return { v: truncTo(env.s, env.state.t, 86_400), t: 'date' };
      if (e.keyword === 'current_timestamp' || e.keyword === 'localtimestamp') return { v: env.state.t, t: 'ts' };
      throw new Unsupported(`${e.keyword} is not available in the simulated warehouse`);
    case 'ref':
      return refValue(e, ctx, env);
    case 'cast': {
      const to = 'name' in e.to ? e.to.name.toLowerCase() : 'array';
      return cast(evaluateTime(e.operand, ctx, env, to === 'date' ? 86_400 : 0), to, env, locationOf(e));
    }
    case 'unary':
      if ((e.op === 'IS NULL' || e.op === 'IS NOT NULL') && e.operand.type === 'ref' && e.operand.name !== '*') {
        const known = nullKnown(e.operand, ctx, env);
        if (known !== undefined) return { v: known === (e.op === 'IS NULL'), t: 'bool' };
      }
      return unary(e.op, evaluate(e.operand, ctx, env));
    case 'binary':
      if (e.op === 'IN' || e.op === 'NOT IN') return inList(e.op, evaluate(e.left, ctx, env), e.right, ctx, env, locationOf(e));
      if (['LIKE', 'NOT LIKE', 'ILIKE', 'NOT ILIKE'].includes(e.op)) return like(e.op, evaluate(e.left, ctx, env), evaluate(e.right, ctx, env));
      return binary(e.op, evaluate(e.left, ctx, env), evaluate(e.right, ctx, env), env, locationOf(e));
    case 'ternary': {
      const v = evaluate(e.value, ctx, env);
      const lo = evaluate(e.lo, ctx, env);
      const hi = evaluate(e.hi, ctx, env);
      const inside = truth(binary('>=', v, lo, env, locationOf(e))) && truth(binary('<=', v, hi, env, locationOf(e)));
      return { v: e.op === 'BETWEEN' ? inside : !inside, t: 'bool' };
    }
    case 'list':
      throw new Unsupported('a list is only allowed after IN');
    case 'extract':
      return datePart(e.field.name.toLowerCase(), evaluateTime(e.from, ctx, env, 3600), env);
    case 'case': {
      for (const w of e.whens) {
        const hit = e.value ? compare(evaluate(e.value, ctx, env), evaluate(w.when, ctx, env)) === 0 : truth(evaluate(w.when, ctx, env));
        if (hit) return evaluate(w.value, ctx, env);
      }
      return e.else ? evaluate(e.else, ctx, env) : nullValue;
    }
    case 'call':
      return call(e, ctx, env);
    default:
      throw new Unsupported(`expressions of this kind (${e.type}) are not supported`);
  }
}

// Whether a lake column is NULL in a part of a slice: never for the key, times and partition; known once the slice is split.
function nullKnown(e: Extract<Expr, { type: 'ref' }>, ctx: Ctx, env: Env): boolean | undefined {
  const r = resolveRef(env, e);
  if (r.kind !== 'lake') return undefined;
  if (r.column.role !== 'value' && r.column.role !== 'amount') return false;
  return (ctx.row ?? ctx.group?.[0])?.isNull?.[r.column.name];
}

/** Whether a value is SQL true. */
export function truth(x: Typed): boolean {
  return x.v === true;
}

// The scale a numeric literal was written with (`100.0` has scale 1).
function decimals(e: Expr, query: string): number {
  const loc = e._location;
  const text = loc ? query.slice(loc.start, loc.end) : String((e as { value: number }).value);
  return /\.(\d*)/.exec(text)?.[1]?.length ?? 0;
}

// A column's value in one row; a lake slice knows only the values shared by all its rows.
function refValue(e: Extract<Expr, { type: 'ref' }>, ctx: Ctx, env: Env): Typed {
  if (e.name === '*') throw new Unsupported('"*" is only allowed in count(*)');
  const r = resolveRef(env, e);
  const row = ctx.row ?? ctx.group?.[0] ?? null;
  if (r.kind === 'rows') return row ? ((row.vals[r.index] as Typed | undefined) ?? nullValue) : nullValue;
  if (!row?.cell) return nullValue;
  switch (r.column.role) {
    case 'hour':
      return { v: truncTo(env.s, row.cell.from, 3600), t: 'ts' };
    case 'date':
      return { v: truncTo(env.s, row.cell.from, 86_400), t: 'date' };
    case 'partition':
      return row.cell.partition === null ? nullValue : int(row.cell.partition);
    case 'key':
      if (row.key !== undefined && row.key !== 'unique') return row.key;
      break;
  }
  const model = r.source.model;
  throw new Unsupported(
    `the warehouse keeps no per-row values of "${r.column.name}"; use it inside count(), count(DISTINCT ${model.key ?? 'key'}), min()/max() (${model.event}), sum() (${model.amount?.name ?? 'the amount column'}) or IS NULL, ` +
      `or group by date_trunc('hour', ${model.event}), date(${model.event}), dt${model.columns.some((c) => c.role === 'partition') ? ', kafka_partition' : ''}${model.key ? ` or ${model.key} with HAVING count(*) > 1` : ''}`,
  );
}

/**
 * Evaluates the argument of a time function: a lake table's event time is known per slice only,
 * so it can be truncated to the hour or the day (`unitS`), never read exactly.
 */
export function evaluateTime(e: Expr, ctx: Ctx, env: Env, unitS: number): Typed {
  if (e.type === 'ref' && e.name !== '*') {
    const r = resolveRef(env, e);
    const row = ctx.row ?? ctx.group?.[0] ?? null;
    if (r.kind === 'lake' && r.column.role === 'event' && unitS >= 3600) return row?.cell ? { v: truncTo(env.s, row.cell.from, 3600), t: 'ts' } : nullValue;
  }
  return evaluate(e, ctx, env);
}

// `x IN (a, b)`: true when any item equals x, NULL when none does but one is NULL.
function inList(op: string, x: Typed, list: Expr, ctx: Ctx, env: Env, where: number | null): Typed {
  if (list.type !== 'list') throw new Unsupported('IN takes a list of values here, not a subquery');
  if (x.v === null) return nullValue;
  let sawNull = false;
  for (const item of list.expressions) {
    const eq = binary('=', x, evaluate(item, ctx, env), env, where);
    if (eq.v === true) return { v: op === 'IN', t: 'bool' };
    if (eq.v === null) sawNull = true;
  }
  return sawNull ? nullValue : { v: op !== 'IN', t: 'bool' };
}

// A function's argument, read when the function needs it (a module function: this runs for every row, and a closure per call costs).
function argAt(args: Expr[], i: number, ctx: Ctx, env: Env): Typed {
  return evaluate(args[i] as Expr, ctx, env);
}

function call(e: ExprCall, ctx: Ctx, env: Env): Typed {
  const name = e.function.name.toLowerCase();
  if (e.over) throw new Unsupported('window functions (OVER …) are not supported');
  if (isAggregate(name)) {
    if (!ctx.group) throw new SqlError('aggregate functions are not allowed in WHERE', locationOf(e));
    return aggregate(e, ctx.group, env);
  }
  const args = e.args;
  switch (name) {
    case 'now':
    case 'current_timestamp':
      return { v: env.state.t, t: 'ts' };
    case 'date_trunc': {
      const unit = argAt(args, 0, ctx, env);
      const u = String(unit.v).toLowerCase();
      const unitS = u === 'hour' ? 3600 : u === 'day' ? 86_400 : 0;
      if (!unitS) throw new Unsupported(`date_trunc('${String(unit.v)}', …) is not supported: the warehouse groups by 'hour' or 'day'`);
      const x = cast(coerce(evaluateTime(args[1] as Expr, ctx, env, unitS), 'ts', env, locationOf(e)), 'timestamp', env, locationOf(e));
      return x.v === null ? nullValue : { v: truncTo(env.s, x.v as number, unitS), t: 'ts' };
    }
    case 'date':
      return cast(evaluateTime(args[0] as Expr, ctx, env, 86_400), 'date', env, locationOf(e));
    case 'date_part':
      return datePart(String(argAt(args, 0, ctx, env).v).toLowerCase(), evaluateTime(args[1] as Expr, ctx, env, 3600), env);
    case 'round': {
      const x = argAt(args, 0, ctx, env);
      const places = args.length > 1 ? Number(argAt(args, 1, ctx, env).v) : 0;
      if (x.v === null) return nullValue;
      if (typeof x.v !== 'number') throw new SqlError(`function round(${pgType(x.t)}) does not exist`, locationOf(e));
      const f = 10 ** places;
      return { v: Math.round(x.v * f) / f, t: x.t === 'int' ? 'numeric' : x.t, scale: Math.max(0, places) };
    }
    case 'abs': {
      const x = argAt(args, 0, ctx, env);
      return typeof x.v === 'number' ? { ...x, v: Math.abs(x.v) } : nullValue;
    }
    case 'coalesce': {
      for (let i = 0; i < args.length; i++) {
        const x = argAt(args, i, ctx, env);
        if (x.v !== null) return x;
      }
      return nullValue;
    }
    case 'nullif': {
      const x = argAt(args, 0, ctx, env);
      return compare(x, coerce(argAt(args, 1, ctx, env), x.t, env, locationOf(e))) === 0 ? nullValue : x;
    }
  }
  throw new Unsupported(`the function ${name}() is not supported; supported: count, sum, avg, min, max, date_trunc, date, date_part, extract, round, abs, coalesce, nullif, now`);
}
