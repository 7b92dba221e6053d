/** Chart windows the player can pick, in sim seconds. */
export const windowChoices = [
  { seconds: 15 * 60, label: '15m', long: 'last 15 minutes' },
  { seconds: 60 * 60, label: '1h', long: 'last hour' },
  { seconds: 3 * 60 * 60, label: '3h', long: 'last 3 hours' },
] as const;

/** The window shown until the player picks another: the last sim hour. */
export const defaultWindowS = 60 * 60;

/** The most points a chart line gets; more would only cost DOM and time. */
export const maxPointsPerSeries = 120;

/**
 * The most points a whole chart gets: drawing costs by the point, so a chart of many series (lag
 * by partition) thins each one further, down to `minPointsPerSeries`.
 */
export const maxPointsPerChart = 480;
const minPointsPerSeries = 24;

/** How many points each of a chart's `lines` series gets. */
export function pointsPerSeries(lines: number): number {
  return Math.max(minPointsPerSeries, Math.min(maxPointsPerSeries, Math.floor(maxPointsPerChart / Math.max(1, lines))));
}

/** The samples inside a window: indices `from` (inclusive) to `to` (exclusive), and the x domain. */
export interface SampleWindow {
  start: number;
  end: number;
  from: number;
  to: number;
}

/**
 * The window of `windowS` seconds that ends at the newest sample. Samples at or before the
 * window's start are left out. Ending at the newest sample rather than at the engine's time
 * keeps the window still between samples, so charts redraw only when a sample arrives.
 */
export function sampleWindow(times: readonly number[], windowS: number): SampleWindow {
  const to = times.length;
  const end = times[to - 1] ?? 0;
  const start = end - windowS;
  let lo = 0;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) > start) hi = mid;
    else lo = mid + 1;
  }
  return { start, end, from: lo, to };
}

/** Sampled columns that share one time axis. */
export interface Sampled {
  times: number[];
  columns: number[][];
}

/**
 * Thins a window of samples to at most `maxPoints` rows that share one time axis. Samples are
 * grouped into buckets of equal length, aligned on sim time zero so that a window sliding forward
 * keeps its buckets (a thinned chart does not shimmer as samples arrive); each bucket keeps, for
 * every column, its minimum and its maximum, in the order they happened, at the bucket's first
 * and last sample times. Spikes and dips survive (a chart of a crash-looping job still shows every
 * drop); an extreme may move by less than one bucket's length along the time axis. Windows that
 * already fit are copied as is.
 */
export function downsampleMinMax(
  times: readonly number[],
  columns: readonly (readonly number[])[],
  from: number,
  to: number,
  maxPoints: number = maxPointsPerSeries,
): Sampled {
  const n = Math.max(0, to - from);
  if (n <= maxPoints) {
    return { times: times.slice(from, to), columns: columns.map((c) => c.slice(from, to)) };
  }
  // The window's start may cut a bucket, which adds one: one bucket fewer keeps within `maxPoints`.
  const buckets = Math.max(1, Math.floor(maxPoints / 2) - 1);
  const stepS = Math.max(1, Math.round(((times[to - 1] as number) - (times[from] as number)) / (n - 1)));
  const bucketS = stepS * Math.ceil(n / buckets);
  const outTimes: number[] = [];
  const outColumns: number[][] = columns.map(() => []);
  let i0 = from;
  while (i0 < to) {
    const bucket = Math.floor((times[i0] as number) / bucketS);
    let i1 = i0 + 1;
    while (i1 < to && Math.floor((times[i1] as number) / bucketS) === bucket) i1 += 1;
    keepExtremes(times, columns, i0, i1, outTimes, outColumns);
    i0 = i1;
  }
  return { times: outTimes, columns: outColumns };
}

// One bucket's rows: its only sample, or each column's minimum and maximum in the order they happened.
function keepExtremes(times: readonly number[], columns: readonly (readonly number[])[], i0: number, i1: number, outTimes: number[], outColumns: number[][]): void {
  const single = i1 - i0 === 1;
  outTimes.push(times[i0] as number);
  if (!single) outTimes.push(times[i1 - 1] as number);
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c] as readonly number[];
    const out = outColumns[c] as number[];
    if (single) {
      out.push(col[i0] ?? 0);
      continue;
    }
    let iMin = i0;
    let iMax = i0;
    for (let i = i0 + 1; i < i1; i++) {
      const v = col[i] ?? 0;
      if (v < (col[iMin] ?? 0)) iMin = i;
      if (v > (col[iMax] ?? 0)) iMax = i;
    }
    const first = Math.min(iMin, iMax);
    const second = Math.max(iMin, iMax);
    out.push(col[first] ?? 0, col[second] ?? 0);
  }
}

/**
 * Three or four axis ticks on round wall-clock times (every 5 min, 20 min or hour, by window), so
 * tick labels read `09:20`, not `09:13`, and still fit a small chart.
 */
export function wallClockTicks(start: number, end: number, timeOfDayAtZeroS: number): number[] {
  const span = end - start;
  const step = span <= 20 * 60 ? 5 * 60 : span <= 90 * 60 ? 20 * 60 : 60 * 60;
  const first = Math.ceil((start + timeOfDayAtZeroS) / step) * step - timeOfDayAtZeroS;
  // A tick hard against the right edge would have its label cut in half; leave it out.
  const last = end - span * 0.07;
  const ticks: number[] = [];
  for (let t = first; t <= last; t += step) ticks.push(t);
  return ticks;
}

/** The last sampled value at or before sim time `t` (the first sample if none is that old). */
export function valueAt(times: readonly number[], column: readonly number[] | undefined, t: number): number | undefined {
  if (!column || times.length === 0) return undefined;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return column[Math.max(0, lo - 1)];
}
