import { describe, expect, it } from 'vitest';
import { readChart, type Now } from '../../src/ui/selectors/card-readings';
import type { ChartSpec } from '../../src/ui/selectors/chart-catalogue';

const clock = { worldStartS: -3600, playerStartS: 0, endS: 3600, tickS: 10, timeOfDayAtZeroS: 32_400, dateAtZero: '2024-03-11' };

// A world sampled every 30 s: `lag` and `dlq` hold the series, the last value being now.
function now(series: Record<string, number[]>, metrics: Record<string, number>): Now {
  const length = Object.values(series)[0]?.length ?? 0;
  return { t: (length - 1) * 30, metrics, series: { stepS: 30, times: Array.from({ length }, (_, i) => i * 30), values: series }, clock };
}

const lagSpec: ChartSpec = { type: 'chart', id: 'job:j:lag', kind: 'lag', title: 'Consumer lag', scope: 'j', unit: 'records', rightUnit: null, lines: [], reference: null, job: 'j', producers: ['producer.p.rate'] };
const dlqSpec: ChartSpec = { ...lagSpec, id: 'job:j:dlq', kind: 'dlq', title: 'DLQ depth', lines: [{ metric: 'job.j.dlq', label: 'DLQ', color: 1, shape: 'line', axis: 'left' } as ChartSpec['lines'][number]] };

describe('status badges agree with the numbers beside them', () => {
  it('calls lag DRAINING once the job consumes faster than its producers, even after five minutes of growth', () => {
    const lag = [1000, 20_000, 40_000, 60_000, 80_000, 100_000, 120_000, 140_000, 160_000, 180_000, 200_000, 199_000];
    const reading = readChart(lagSpec, now({ 'job.j.lag': lag }, { 'job.j.lag': 199_000, 'producer.p.rate': 40, 'job.j.consumeRate': 400 }));
    expect(reading.status.label).toBe('DRAINING');
  });

  it('calls lag GROWING while the job falls further behind', () => {
    const lag = Array.from({ length: 12 }, (_, i) => 10_000 + i * 5000);
    const reading = readChart(lagSpec, now({ 'job.j.lag': lag }, { 'job.j.lag': 65_000, 'producer.p.rate': 40, 'job.j.consumeRate': 0 }));
    expect(reading.status.label).toBe('GROWING');
  });

  it('does not call a DLQ GROWING once it has stopped growing', () => {
    const depth = [0, 100, 200, 300, 400, 400, 400, 400, 400, 400, 400];
    expect(readChart(dlqSpec, now({ 'job.j.dlq': depth }, { 'job.j.dlq': 400 })).status.label).toBe('NOT EMPTY');
    const growing = [...depth.slice(0, -1), 450];
    expect(readChart(dlqSpec, now({ 'job.j.dlq': growing }, { 'job.j.dlq': 450 })).status.label).toBe('GROWING');
  });
});
