import { parseIntervalLiteral, type Expr, type ExprCall } from 'pgsql-ast-parser';
import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import { aggregate, isAggregate } from './aggregates';
import { resolveColumn, type Resolved, type Row, type Scope } from './scope';
import { SqlError, Unsupported } from './sql-error';
import { compare, int, nullValue, type Ty, type Typed } from './values';
import { parseTimestamp, truncTo, wallSeconds } from './warehouse-clock';

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

const at = (e: { _location?: { start: number } | null }) => e._location?.start ?? null;

/** The column a reference names, or the psql error for it. */
export function resolveRef(env: Env, e: Extract<Expr, { type: 'ref' }>): Resolved {
  const hit = resolved.get(e);
  if (hit && hit.scope === env.scope) return hit.column;
  const r = resolveColumn(env.scope, e.name, e.table?.name);
  if (r === 'no-table') throw new SqlError(`missing FROM-clause entry for table "${e.table?.name ?? ''}"`, at(e));
  if (r === 'missing') throw new SqlError(`column "${e.table ? `${e.table.name}.` : ''}${e.name}" does not exist`, at(e));
  if (r === 'ambiguous') throw new SqlError(`column reference "${e.name}" is ambiguous`, at(e));
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
      return cast(evaluateTime(e.operand, ctx, env, to === 'date' ? 86_400 : 0), to, env, at(e));
    }
    case 'unary':
      return unary(e.op, evaluate(e.operand, ctx, env));
    case 'binary':
      if (e.op === 'IN' || e.op === 'NOT IN') return inList(e.op, evaluate(e.left, ctx, env), e.right, ctx, env, at(e));
      if (['LIKE', 'NOT LIKE', 'ILIKE', 'NOT ILIKE'].includes(e.op)) return like(e.op, evaluate(e.left, ctx, env), evaluate(e.right, ctx, env));
      return binary(e.op, evaluate(e.left, ctx, env), evaluate(e.right, ctx, env), env, at(e));
    case 'ternary': {
      const v = evaluate(e.value, ctx, env);
      const lo = evaluate(e.lo, ctx, env);
      const hi = evaluate(e.hi, ctx, env);
      const inside = truth(binary('>=', v, lo, env, at(e))) && truth(binary('<=', v, hi, env, at(e)));
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

// LIKE patterns: `%` any run of characters, `_` one character, `\` escapes.
function like(op: string, x: Typed, pattern: Typed): Typed {
  if (x.v === null || pattern.v === null) return nullValue;
  const source = String(pattern.v).replace(/\\(.)|([%_])|([.*+?^${}()|[\]\\])/g, (_m, esc: string | undefined, wild: string | undefined, special: string | undefined) =>
    esc !== undefined ? esc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : wild === '%' ? '[\\s\\S]*' : wild === '_' ? '[\\s\\S]' : `\\${special ?? ''}`,
  );
  const hit = new RegExp(`^${source}$`, op.includes('ILIKE') ? 'iu' : 'u').test(String(x.v));
  return { v: op.startsWith('NOT') ? !hit : hit, t: 'bool' };
}

function unary(op: string, x: Typed): Typed {
  switch (op) {
    case 'IS NULL':
      return { v: x.v === null, t: 'bool' };
    case 'IS NOT NULL':
      return { v: x.v !== null, t: 'bool' };
    case 'NOT':
      return x.v === null ? nullValue : { v: !truth(x), t: 'bool' };
    case '-':
      return typeof x.v === 'number' ? { ...x, v: -x.v } : nullValue;
    case '+':
      return x;
    default:
      throw new Unsupported(`the operator ${op} is not supported`);
  }
}

/** Coerces a text literal to the time type it is compared with. */
function coerce(x: Typed, to: Ty, env: Env, where: number | null): Typed {
  if (x.t !== 'text' || (to !== 'ts' && to !== 'date')) return x;
  return cast(x, to === 'ts' ? 'timestamp' : 'date', env, where);
}

/** Applies a binary operator with PostgreSQL's typing. */
export function binary(op: string, a0: Typed, b0: Typed, env: Env, where: number | null): Typed {
  if (op === 'AND') return a0.v === false || b0.v === false ? { v: false, t: 'bool' } : a0.v === null || b0.v === null ? nullValue : { v: true, t: 'bool' };
  if (op === 'OR') return a0.v === true || b0.v === true ? { v: true, t: 'bool' } : a0.v === null || b0.v === null ? nullValue : { v: false, t: 'bool' };
  const a = coerce(a0, b0.t, env, where);
  const b = coerce(b0, a.t, env, where);
  if (a.v === null || b.v === null) return nullValue;
  switch (op) {
    case '=':
      return { v: compare(a, b) === 0, t: 'bool' };
    case '!=':
    case '<>':
      return { v: compare(a, b) !== 0, t: 'bool' };
    case '<':
      return { v: compare(a, b) < 0, t: 'bool' };
    case '<=':
      return { v: compare(a, b) <= 0, t: 'bool' };
    case '>':
      return { v: compare(a, b) > 0, t: 'bool' };
    case '>=':
      return { v: compare(a, b) >= 0, t: 'bool' };
    case '||':
      return { v: `${String(a.v)}${String(b.v)}`, t: 'text' };
  }
  if (typeof a.v !== 'number' || typeof b.v !== 'number') throw new SqlError(`operator does not exist: ${a.t} ${op} ${b.t}`, where);
  const x = a.v;
  const y = b.v;
  if (a.t === 'ts' || a.t === 'date' || b.t === 'ts' || b.t === 'date') return timeArithmetic(op, a, b, where);
  const t: Ty = a.t === 'float' || b.t === 'float' ? 'float' : a.t === 'numeric' || b.t === 'numeric' ? 'numeric' : a.t === 'interval' ? 'interval' : 'int';
  const sa = a.scale ?? 0;
  const sb = b.scale ?? 0;
  switch (op) {
    case '+':
      return { v: x + y, t, scale: Math.max(sa, sb) };
    case '-':
      return { v: x - y, t, scale: Math.max(sa, sb) };
    case '*':
      return { v: x * y, t, scale: sa + sb };
    case '/':
    case '%':
      if (y === 0) throw new SqlError('division by zero');
      if (op === '%') return { v: x % y, t, scale: Math.max(sa, sb) };
      if (t === 'int') return int(x / y);
      return { v: x / y, t, scale: t === 'numeric' ? divScale(x, y, sa, sb) : 0 };
  }
  throw new Unsupported(`the operator ${op} is not supported`);
}

// PostgreSQL's display scale of a numeric quotient: at least 16 significant digits.
function divScale(x: number, y: number, sa: number, sb: number): number {
  const weight = (v: number) => (v === 0 ? 0 : Math.floor(Math.log(Math.abs(v)) / Math.log(10_000)));
  const lead = (v: number) => Math.floor(Math.abs(v) / 10_000 ** weight(v));
  let q = weight(x) - weight(y);
  if (lead(x) < lead(y)) q -= 1;
  return Math.min(1000, Math.max(16 - q * 4, sa, sb, 0));
}

function timeArithmetic(op: string, a: Typed, b: Typed, where: number | null): Typed {
  const x = a.v as number;
  const y = b.v as number;
  const time = (t: Ty) => t === 'ts' || t === 'date';
  if (op === '-' && time(a.t) && time(b.t)) return a.t === 'date' && b.t === 'date' ? int((x - y) / 86_400) : { v: x - y, t: 'interval' };
  if (time(a.t) && b.t === 'interval') return { v: op === '-' ? x - y : x + y, t: 'ts' };
  if (a.t === 'interval' && time(b.t) && op === '+') return { v: x + y, t: 'ts' };
  if (a.t === 'date' && b.t === 'int') return { v: op === '-' ? x - y * 86_400 : x + y * 86_400, t: 'date' };
  throw new SqlError(`operator does not exist: ${pgType(a.t)} ${op} ${pgType(b.t)}`, where, 'No operator matches the given name and argument types. You might need to add explicit type casts.');
}

/** The PostgreSQL name of a type, for error messages. */
export function pgType(t: Ty): string {
  return { int: 'bigint', numeric: 'numeric', float: 'double precision', text: 'text', ts: 'timestamp without time zone', date: 'date', bool: 'boolean', interval: 'interval', null: 'unknown' }[t];
}

/** Casts a value to a named type. */
export function cast(x: Typed, to: string, env: Env, where: number | null): Typed {
  if (x.v === null) return nullValue;
  const bad = (type: string) => new SqlError(`invalid input syntax for type ${type}: "${String(x.v)}"`, where);
  const asNumber = (type: string): number => {
    const n = typeof x.v === 'boolean' || String(x.v).trim() === '' ? NaN : Number(x.v);
    if (!Number.isFinite(n)) throw bad(type);
    return n;
  };
  switch (to) {
    case 'date':
    case 'timestamp':
    case 'timestamptz': {
      if (x.t === 'ts' || x.t === 'date') return to === 'date' ? { v: truncTo(env.s, x.v as number, 86_400), t: 'date' } : { v: x.v, t: 'ts' };
      if (x.t !== 'text') throw new SqlError(`cannot cast type ${pgType(x.t)} to ${to === 'date' ? 'date' : 'timestamp without time zone'}`, where);
      const text = String(x.v).toLowerCase();
      const parsed = text === 'now' ? { t: env.state.t } : text === 'today' ? { t: truncTo(env.s, env.state.t, 86_400) } : parseTimestamp(env.s, String(x.v));
      if (!parsed) throw bad(to === 'date' ? 'date' : 'timestamp');
      return to === 'date' ? { v: truncTo(env.s, parsed.t, 86_400), t: 'date' } : { v: parsed.t, t: 'ts' };
    }
    case 'interval': {
      if (x.t !== 'text') throw new SqlError(`cannot cast type ${pgType(x.t)} to interval`, where);
      try {
        const i = parseIntervalLiteral(String(x.v));
        if (i.years || i.months) throw new Unsupported('intervals of months or years are not supported');
        return { v: (i.days ?? 0) * 86_400 + (i.hours ?? 0) * 3600 + (i.minutes ?? 0) * 60 + (i.seconds ?? 0) + (i.milliseconds ?? 0) / 1000, t: 'interval' };
      } catch (err) {
        if (err instanceof Unsupported) throw err;
        throw bad('interval');
      }
    }
    case 'int':
    case 'int4':
    case 'int8':
    case 'integer':
    case 'bigint':
      return int(Math.round(asNumber('integer')));
    case 'numeric':
    case 'decimal':
      return { v: asNumber('numeric'), t: 'numeric', scale: x.scale ?? (String(x.v).split('.')[1]?.length ?? 0) };
    case 'float':
    case 'float8':
    case 'double precision':
    case 'real':
      return { v: asNumber('double precision'), t: 'float' };
    case 'text':
    case 'varchar':
      return { v: String(x.v), t: 'text' };
  }
  throw new Unsupported(`casts to ${to} are not supported`);
}

function datePart(field: string, x: Typed, env: Env): Typed {
  if (x.v === null) return nullValue;
  if (x.t !== 'ts' && x.t !== 'date') throw new SqlError(`function date_part(unknown, ${pgType(x.t)}) does not exist`);
  const w = wallSeconds(env.s, x.v as number);
  const day = ((w % 86_400) + 86_400) % 86_400;
  if (field === 'hour') return { v: Math.floor(day / 3600), t: 'numeric', scale: 0 };
  if (field === 'epoch') return { v: x.v as number, t: 'numeric', scale: 0 };
  throw new Unsupported(`extract(${field} …) is not supported; extract(hour …) is`);
}

function call(e: ExprCall, ctx: Ctx, env: Env): Typed {
  const name = e.function.name.toLowerCase();
  if (e.over) throw new Unsupported('window functions (OVER …) are not supported');
  if (isAggregate(name)) {
    if (!ctx.group) throw new SqlError('aggregate functions are not allowed in WHERE', at(e));
    return aggregate(e, ctx.group, env);
  }
  const args = e.args;
  const arg = (i: number) => evaluate(args[i] as Expr, ctx, env);
  switch (name) {
    case 'now':
    case 'current_timestamp':
      return { v: env.state.t, t: 'ts' };
    case 'date_trunc': {
      const unit = arg(0);
      const u = String(unit.v).toLowerCase();
      const unitS = u === 'hour' ? 3600 : u === 'day' ? 86_400 : 0;
      if (!unitS) throw new Unsupported(`date_trunc('${String(unit.v)}', …) is not supported: the warehouse groups by 'hour' or 'day'`);
      const x = cast(coerce(evaluateTime(args[1] as Expr, ctx, env, unitS), 'ts', env, at(e)), 'timestamp', env, at(e));
      return x.v === null ? nullValue : { v: truncTo(env.s, x.v as number, unitS), t: 'ts' };
    }
    case 'date':
      return cast(evaluateTime(args[0] as Expr, ctx, env, 86_400), 'date', env, at(e));
    case 'date_part':
      return datePart(String(arg(0).v).toLowerCase(), evaluateTime(args[1] as Expr, ctx, env, 3600), env);
    case 'round': {
      const x = arg(0);
      const places = args.length > 1 ? Number(arg(1).v) : 0;
      if (x.v === null) return nullValue;
      if (typeof x.v !== 'number') throw new SqlError(`function round(${pgType(x.t)}) does not exist`, at(e));
      const f = 10 ** places;
      return { v: Math.round(x.v * f) / f, t: x.t === 'int' ? 'numeric' : x.t, scale: Math.max(0, places) };
    }
    case 'abs': {
      const x = arg(0);
      return typeof x.v === 'number' ? { ...x, v: Math.abs(x.v) } : nullValue;
    }
    case 'coalesce': {
      for (let i = 0; i < args.length; i++) {
        const x = arg(i);
        if (x.v !== null) return x;
      }
      return nullValue;
    }
    case 'nullif': {
      const x = arg(0);
      return compare(x, coerce(arg(1), x.t, env, at(e))) === 0 ? nullValue : x;
    }
  }
  throw new Unsupported(`the function ${name}() is not supported; supported: count, sum, avg, min, max, date_trunc, date, date_part, extract, round, abs, coalesce, nullif, now`);
}
