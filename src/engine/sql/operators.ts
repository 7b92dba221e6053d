import { truth, type Env } from './expressions';
import { cast } from './casts';
import { SqlError, Unsupported } from './sql-error';
import { compare, int, nullValue, type Ty, type Typed } from './values';

/** LIKE patterns: `%` any run of characters, `_` one character, `\` escapes. */
export function like(op: string, x: Typed, pattern: Typed): Typed {
  if (x.v === null || pattern.v === null) return nullValue;
  const source = String(pattern.v).replace(/\\(.)|([%_])|([.*+?^${}()|[\]\\])/g, (_m, esc: string | undefined, wild: string | undefined, special: string | undefined) =>
    esc !== undefined ? esc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : wild === '%' ? '[\\s\\S]*' : wild === '_' ? '[\\s\\S]' : `\\${special ?? ''}`,
  );
  const hit = new RegExp(`^${source}$`, op.includes('ILIKE') ? 'iu' : 'u').test(String(x.v));
  return { v: op.startsWith('NOT') ? !hit : hit, t: 'bool' };
}

/** Applies a prefix or postfix operator (`NOT`, `-`, `IS NULL`). */
export function unary(op: string, x: Typed): Typed {
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
export function coerce(x: Typed, to: Ty, env: Env, where: number | null): Typed {
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
