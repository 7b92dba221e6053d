/** A value's SQL type as the warehouse reports and prints it. */
export type Ty = 'int' | 'numeric' | 'float' | 'text' | 'ts' | 'date' | 'bool' | 'interval' | 'null';

/** One SQL value with its type; numeric values carry their display scale, times are sim seconds. */
export interface Typed {
  v: number | string | boolean | null;
  t: Ty;
  scale?: number;
}

/** The SQL NULL. */
export const nullValue: Typed = { v: null, t: 'null' };

/** An integer value. */
export const int = (v: number): Typed => ({ v: Math.trunc(v), t: 'int' });

/** Compares two values for sorting and comparisons (NULL sorts after everything, as in PostgreSQL's ascending order). */
export function compare(a: Typed, b: Typed): number {
  if (a.v === null || b.v === null) return a.v === null ? (b.v === null ? 0 : 1) : -1;
  if (typeof a.v === 'number' && typeof b.v === 'number') return a.v - b.v;
  const x = String(a.v);
  const y = String(b.v);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A value as a grouping key (type and value). */
export function keyOf(x: Typed): string {
  return x.v === null ? 'null' : `${x.t === 'int' || x.t === 'numeric' || x.t === 'float' ? 'n' : x.t}:${String(x.v)}`;
}

/** Whether a type is a number. */
export function isNumber(t: Ty): boolean {
  return t === 'int' || t === 'numeric' || t === 'float';
}
