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
