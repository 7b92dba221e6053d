import { widenNumberFields } from '../number-fields';

/**
 * A slice of a lake table's rows: those with event time in [from, to) (never across a warehouse
 * hour) read from one Kafka partition (null for tables no job writes), with how many of them are
 * duplicate copies and how many hold null in each column.
 */
export interface Cell {
  from: number;
  to: number;
  /** The latest event time in the slice. */
  last: number;
  partition: number | null;
  rows: number;
  duplicates: number;
  nulls: Record<string, number>;
  /** The Kafka offsets the slice's records occupy (job-fed tables), for sample keys. */
  offsets: [number, number] | null;
}

/** A slice with its rows, duplicates and offsets, and no nulls yet. Every cell is made here, so they share one object shape. */
export function cell(from: number, to: number, last: number, partition: number | null, rows: number, duplicates: number, offsets: [number, number] | null): Cell {
  return { from, to, last, partition, rows, duplicates, nulls: {}, offsets };
}

// Row counts apportioned into double arrays arrive boxed (see number-fields.ts); a partition is a number or null.
widenNumberFields((n) => cell(n, n, n, n, n, n, null));
widenNumberFields(() => cell(0, 0, 0, null, 0, 0, [0, 0]));

/** Splits [from, to) at every warehouse hour boundary (hour starts at `hourStart(t)`). */
export function hourPieces(from: number, to: number, nextHour: (t: number) => number): [number, number][] {
  const out: [number, number][] = [];
  let a = from;
  while (a < to) {
    const b = Math.min(to, nextHour(a));
    out.push([a, b]);
    a = b;
  }
  return out;
}
