import { parseIntervalLiteral } from 'pgsql-ast-parser';
import type { Env } from './expressions';
import { pgType } from './operators';
import { SqlError, Unsupported } from './sql-error';
import { int, nullValue, type Typed } from './values';
import { parseTimestamp, truncTo, wallSeconds } from './warehouse-clock';

// Helpers live outside `cast`: it runs once per row a filter reads, and closures made per call are slow.
function invalid(x: Typed, type: string, where: number | null): SqlError {
  return new SqlError(`invalid input syntax for type ${type}: "${String(x.v)}"`, where);
}

function asNumber(x: Typed, type: string, where: number | null): number {
  const n = typeof x.v === 'boolean' || String(x.v).trim() === '' ? NaN : Number(x.v);
  if (!Number.isFinite(n)) throw invalid(x, type, where);
  return n;
}

/** Casts a value to a named type. */
export function cast(x: Typed, to: string, env: Env, where: number | null): Typed {
  if (x.v === null) return nullValue;
  switch (to) {
    case 'date':
    case 'timestamp':
    case 'timestamptz': {
      if (x.t === 'ts' || x.t === 'date') return to === 'date' ? { v: truncTo(env.s, x.v as number, 86_400), t: 'date' } : { v: x.v, t: 'ts' };
      if (x.t !== 'text') throw new SqlError(`cannot cast type ${pgType(x.t)} to ${to === 'date' ? 'date' : 'timestamp without time zone'}`, where);
      const text = String(x.v).toLowerCase();
      const parsed = text === 'now' ? { t: env.state.t } : text === 'today' ? { t: truncTo(env.s, env.state.t, 86_400) } : parseTimestamp(env.s, String(x.v));
      if (!parsed) throw invalid(x, to === 'date' ? 'date' : 'timestamp', where);
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
        throw invalid(x, 'interval', where);
      }
    }
    case 'int':
    case 'int4':
    case 'int8':
    case 'integer':
    case 'bigint':
      return int(Math.round(asNumber(x, 'integer', where)));
    case 'numeric':
    case 'decimal':
      return { v: asNumber(x, 'numeric', where), t: 'numeric', scale: x.scale ?? (String(x.v).split('.')[1]?.length ?? 0) };
    case 'float':
    case 'float8':
    case 'double precision':
    case 'real':
      return { v: asNumber(x, 'double precision', where), t: 'float' };
    case 'text':
    case 'varchar':
      return { v: String(x.v), t: 'text' };
  }
  throw new Unsupported(`casts to ${to} are not supported`);
}

/** A field of a timestamp (`hour`, `epoch`), as `extract` and `date_part` return it. */
export function datePart(field: string, x: Typed, env: Env): Typed {
  if (x.v === null) return nullValue;
  if (x.t !== 'ts' && x.t !== 'date') throw new SqlError(`function date_part(unknown, ${pgType(x.t)}) does not exist`);
  const w = wallSeconds(env.s, x.v as number);
  const day = ((w % 86_400) + 86_400) % 86_400;
  if (field === 'hour') return { v: Math.floor(day / 3600), t: 'numeric', scale: 0 };
  if (field === 'epoch') return { v: x.v as number, t: 'numeric', scale: 0 };
  throw new Unsupported(`extract(${field} …) is not supported; extract(hour …) is`);
}
