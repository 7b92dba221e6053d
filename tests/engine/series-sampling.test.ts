import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepCopy } from '../../src/engine/deep-copy';
import { emptySeries, sampleSeries, seriesCapacity, seriesStepS } from '../../src/engine/metrics/series';
import type { SeriesState } from '../../src/engine/state';

// What a series must hold: for each sample time, every metric's value then (a metric seen late
// holds its first value for the samples before it appeared).
function expected(samples: Record<string, number>[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  samples.forEach((metrics, i) => {
    for (const [key, value] of Object.entries(metrics)) {
      out[key] ??= new Array<number>(i).fill(value);
      out[key].push(value);
    }
  });
  return out;
}

describe('sampling metrics into chart series', () => {
  it('samples every step, lines up a metric that appears late, and follows a copied state', () => {
    const series = emptySeries();
    const metrics: Record<string, number> = { 'job.a.lag': 5, 'records.lost': 0 };
    sampleSeries(series, 0, metrics);
    sampleSeries(series, seriesStepS / 3, { ...metrics, 'job.a.lag': 99 });
    metrics['job.a.lag'] = 7;
    sampleSeries(series, seriesStepS, metrics);
    // A poll-loop metric appears when the model starts.
    metrics['job.a.rebalances'] = 2;
    metrics['job.a.lag'] = 9;
    sampleSeries(series, 2 * seriesStepS, metrics);
    expect(series.times).toEqual([0, seriesStepS, 2 * seriesStepS]);
    expect(series.values).toEqual({ 'job.a.lag': [5, 7, 9], 'records.lost': [0, 0, 0], 'job.a.rebalances': [2, 2, 2] });

    // A copy of the state has its own series and metrics; sampling it leaves the original alone.
    const copy: { series: SeriesState; metrics: Record<string, number> } = deepCopy({ series, metrics });
    copy.metrics['records.lost'] = 4;
    sampleSeries(copy.series, 3 * seriesStepS, copy.metrics);
    sampleSeries(series, 3 * seriesStepS, metrics);
    expect(copy.series.values['records.lost']).toEqual([0, 0, 0, 4]);
    expect(series.values['records.lost']).toEqual([0, 0, 0, 0]);
  });

  it('holds each metric in its own column whatever order keys appear in, over any run of samples', () => {
    const step = fc.record({ add: fc.option(fc.constantFrom('a', 'b', 'c', 'lag:0', 'lag:1'), { nil: undefined }), value: fc.integer({ min: 0, max: 1000 }) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const series = emptySeries();
        const metrics: Record<string, number> = { first: 1 };
        const seen: Record<string, number>[] = [];
        steps.forEach((st, i) => {
          if (st.add !== undefined) metrics[st.add] = st.value;
          metrics.first = st.value;
          sampleSeries(series, i * seriesStepS, metrics);
          seen.push({ ...metrics });
        });
        expect(series.values).toEqual(expected(seen));
        expect(series.times).toHaveLength(steps.length);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('drops the oldest samples past its capacity from every column', () => {
    const series = emptySeries();
    const metrics: Record<string, number> = { x: 0 };
    for (let i = 0; i < seriesCapacity + 5; i++) {
      metrics.x = i;
      if (i === 10) metrics.y = -1;
      sampleSeries(series, i * seriesStepS, metrics);
    }
    expect(series.times).toHaveLength(seriesCapacity);
    expect(series.values.x?.[0]).toBe(5);
    expect(series.values.y).toHaveLength(seriesCapacity);
  });
});
