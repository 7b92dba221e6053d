import type { SeriesState } from '../state';

/** Spacing of chart samples, in sim seconds. */
export const seriesStepS = 30;
/** How many samples each series keeps (six hours at 30 s). */
export const seriesCapacity = 720;

/** An empty set of series. */
export function emptySeries(): SeriesState {
  return { stepS: seriesStepS, times: [], values: {} };
}

/** A series' columns in the order of its metrics object's keys. */
interface Columns {
  metrics: Record<string, number>;
  columns: number[][];
}

const columnsOf = new WeakMap<SeriesState, Columns>();

/**
 * Appends the current metrics when a sample is due, dropping the oldest past capacity.
 *
 * The metrics object holds a hundred keys as a hash table, so looking each key up again in the
 * series' columns doubled the cost of a sample. Metric keys are added, never removed: while the
 * metrics object is the same and has as many keys as when the columns were listed, its i-th key
 * is the i-th column's.
 */
export function sampleSeries(series: SeriesState, t: number, metrics: Record<string, number>): void {
  const last = series.times[series.times.length - 1];
  if (last !== undefined && t - last < series.stepS) return;
  const n = series.times.length;
  series.times.push(t);
  const keys = Object.keys(metrics);
  let listed = columnsOf.get(series);
  if (listed?.metrics !== metrics || listed.columns.length !== keys.length) {
    listed = { metrics, columns: keys.map((key) => columnOf(series, key, metrics[key] as number, n)) };
    columnsOf.set(series, listed);
  }
  const columns = listed.columns;
  for (let i = 0; i < columns.length; i++) (columns[i] as number[]).push(metrics[keys[i] as string] as number);
  if (series.times.length > seriesCapacity) {
    const drop = series.times.length - seriesCapacity;
    series.times.splice(0, drop);
    for (const column of Object.values(series.values)) column.splice(0, drop);
  }
}

// A metric's column; one that appears late is back-filled with its value so every column lines up with `times`.
function columnOf(series: SeriesState, key: string, value: number, n: number): number[] {
  let column = series.values[key];
  if (!column) {
    column = new Array<number>(n).fill(value);
    series.values[key] = column;
  }
  return column;
}
