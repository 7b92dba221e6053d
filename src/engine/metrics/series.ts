import type { SeriesState } from '../state';

/** Spacing of chart samples, in sim seconds. */
export const seriesStepS = 30;
/** How many samples each series keeps (six hours at 30 s). */
export const seriesCapacity = 720;

/** An empty set of series. */
export function emptySeries(): SeriesState {
  return { stepS: seriesStepS, times: [], values: {} };
}

/** Appends the current metrics when a sample is due, dropping the oldest past capacity. */
export function sampleSeries(series: SeriesState, t: number, metrics: Record<string, number>): void {
  const last = series.times[series.times.length - 1];
  if (last !== undefined && t - last < series.stepS) return;
  const n = series.times.length;
  series.times.push(t);
  for (const key in metrics) {
    const value = metrics[key] as number;
    let column = series.values[key];
    if (!column) {
      // A metric that appears late is back-filled so every column lines up with `times`.
      column = new Array<number>(n).fill(value);
      series.values[key] = column;
    }
    column.push(value);
  }
  if (series.times.length > seriesCapacity) {
    const drop = series.times.length - seriesCapacity;
    series.times.splice(0, drop);
    for (const column of Object.values(series.values)) column.splice(0, drop);
  }
}
