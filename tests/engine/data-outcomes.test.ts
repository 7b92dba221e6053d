import { describe, expect, it } from 'vitest';
import { parTimes, playBot, scoreRun, type ScoreReport } from '../../src/engine';
import { deepCopy } from '../../src/engine/deep-copy';
import { dataOutcome } from '../../src/engine/scoring/data-outcomes';
import { dataPoints, partMax } from '../../src/engine/scoring/score-run';
import { scenarioRun } from '../support/sim-harness';

const outcomes = (r: ScoreReport) => r.parts.find((p) => p.id === 'outcomes');

describe('outcomes from every kind of data', () => {
  const dst = scenarioRun('dst-repeated-hour');
  const dstPar = parTimes(dst, 1);
  const dstModel = playBot(dst, 'model', 1);

  it('counts the duplicate rows a DAG wrote into the table it builds, not only streaming records', () => {
    const idle = playBot(dst, 'idle', 1);
    const data = dataOutcome(dst, idle.state);
    const table = data.kinds.find((k) => k.label.startsWith('rows of events_hourly'));
    expect(table?.duplicates).toBeGreaterThan(100_000);
    expect(data.duplicates).toBe(table?.duplicates);
    const report = scoreRun(dst, idle.state, dstPar);
    expect(report.outcomes.duplicates).toBe(table?.duplicates);
    expect(outcomes(report)?.detail).toContain(`rows of events_hourly (built by DAG events_hourly_rollup): 0 of ${table?.expected.toLocaleString('en-US')} lost, ${table?.duplicates.toLocaleString('en-US')} duplicated`);
  });

  it('costs the duplicate points when a DAG-built table is left holding a repeated hour', () => {
    const clean = scoreRun(dst, dstModel.state, dstPar);
    expect(outcomes(clean)?.points).toBe(partMax.outcomes);
    // The same run, with one more hour appended twice after the repair (a rerun in append mode would do this).
    const dirty = deepCopy(dstModel.state);
    const windows = dirty.world.tables.events_hourly?.windows;
    const hour = Object.keys(windows?.copies ?? {}).find((k) => windows?.copies[k] === 1 && windows.marks[k] !== undefined && windows.marks[String(Number(k) + windows.everyS)] !== undefined) as string;
    if (windows) windows.copies[hour] = 2;
    const report = scoreRun(dst, dirty, dstPar);
    expect(report.outcomes.duplicates).toBeGreaterThan(0);
    expect(outcomes(report)?.points).toBeLessThan(partMax.outcomes);
    expect(report.total).toBeLessThan(clean.total);
  });

  it('offers no data points in a scenario that can lose no data, and scales the rest to 100', () => {
    const s = scenarioRun('stale-revenue-table');
    const par = parTimes(s, 1);
    const model = scoreRun(s, playBot(s, 'model', 1).state, par);
    expect(model.outcomes.data.atRisk).toBe(false);
    expect(outcomes(model)?.max).toBe(partMax.outcomes - dataPoints.lost - dataPoints.duplicates);
    expect(model.offered).toBe(100 - dataPoints.lost - dataPoints.duplicates);
    expect(model.total).toBe(100);
    expect(outcomes(model)?.detail).toMatch(/nothing in this incident can lose or duplicate data, so its 12 data points are not offered/);
    const idle = scoreRun(s, playBot(s, 'idle', 1).state, par);
    expect(outcomes(idle)?.points).toBe(0);
  });

  it('never reports "0 of 0" for a kind of data', () => {
    for (const id of ['stale-revenue-table', 'launch-moved-forward', 'avro-schema-break', 'dst-repeated-hour']) {
      const s = scenarioRun(id);
      for (const bot of ['model', 'idle'] as const) {
        const report = scoreRun(s, playBot(s, bot, 1).state, parTimes(s, 1));
        expect(report.parts.map((p) => p.detail).join(' '), `${id} ${bot}`).not.toMatch(/\b0 of 0\b/);
      }
    }
  });
});
