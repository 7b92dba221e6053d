import { describe, expect, it } from 'vitest';
import { prepareRun } from '../../src/engine';
import { localHourKey, logTimestamp, timeOfDay, utcIso, type ClockAnchor } from '../../src/engine/wall-clock';
import { windowedTotals, writeWindow } from '../../src/engine/world/dag-windows';
import type { WindowedTable } from '../../src/engine/world/orchestration-state';
import { Sim, scenario } from '../support/sim-harness';

// 08:00 EST on the day US clocks go back; the change was at 02:00 EDT, 7 hours earlier.
const clock: ClockAnchor = { timeOfDayAtZeroS: 28_800, dateAtZero: '2024-11-03', utcOffsetS: -18_000, dstShifts: [{ atS: -25_200, shiftS: -3600 }] };

describe('the wall clock around a DST change', () => {
  it('shows 01:30 twice, first with -04:00 and then with -05:00', () => {
    expect(logTimestamp(clock, -27_000, 5)).toBe('2024-11-03 01:30:00,005 -04:00');
    expect(logTimestamp(clock, -23_400, 5)).toBe('2024-11-03 01:30:00,005 -05:00');
    expect(utcIso(clock, -27_000)).toBe('2024-11-03T05:30:00+00:00');
    expect(utcIso(clock, -23_400)).toBe('2024-11-03T06:30:00+00:00');
  });

  it('gives both 01:00 hours the same local partition key', () => {
    expect(localHourKey(clock, -28_800)).toBe(localHourKey(clock, -25_200));
    expect(localHourKey(clock, -32_400)).toBe('2024-11-03 00:00');
  });

  it('leaves clocks without DST changes exactly as before', () => {
    const plain = { timeOfDayAtZeroS: 32_400, dateAtZero: '2024-03-11' };
    expect(timeOfDay(plain, -60)).toBe('08:59:00');
    expect(logTimestamp(plain, 3600, 117)).toBe('2024-03-11 10:00:00,117');
  });
});

/** Three hourly windows of 100, 200 and 300 rows, starting at the repeated local 01:00 (EDT), 01:00 (EST) and 02:00. */
function night(): WindowedTable {
  return { everyS: 3600, marks: { '-28800': 0, '-25200': 100, '-21600': 300, '-18000': 600 }, copies: {}, keys: {} };
}

describe('hourly builds keyed by hour', () => {
  const s = prepareRun(scenario('dst-repeated-hour'), 1);

  it('appends the first 01:00 hour twice when a local-time run repeats the hour', () => {
    const w = night();
    for (const start of [-28_800, -25_200, -21_600]) writeWindow(s, w, { timezone: 'local', mode: 'append' }, start);
    expect(windowedTotals(w)).toMatchObject({ duplicates: 100, missing: 0, rows: 700 });
  });

  it('loses the first 01:00 hour when a local-hour partition is overwritten', () => {
    const w = night();
    for (const start of [-28_800, -25_200, -21_600]) writeWindow(s, w, { timezone: 'local', mode: 'overwrite' }, start);
    expect(windowedTotals(w)).toMatchObject({ duplicates: 0, missing: 100, rows: 500 });
  });

  it('writes every hour exactly once on UTC keys, whatever the mode', () => {
    for (const mode of ['append', 'overwrite'] as const) {
      const w = night();
      for (const start of [-28_800, -25_200, -21_600]) writeWindow(s, w, { timezone: 'UTC', mode }, start);
      expect(windowedTotals(w)).toMatchObject({ duplicates: 0, missing: 0, rows: 600, expected: 600 });
    }
  });
});

/** What a responder types at the repeated-hour incident. */
const rollup = 'events_hourly_rollup';
const rerunNight = `airflow tasks clear ${rollup} -s 2024-11-03T00:00 -e 2024-11-03T08:00 -y`;
const toUtc = [`airflow variables set ${rollup}.schedule_timezone UTC`, `airflow variables set ${rollup}.write_mode overwrite`];
const overwriteLocal = [`airflow variables set ${rollup}.write_mode overwrite`, rerunNight];
const retest = 'airflow tasks clear dbt_test_events --only-failed -y';

describe('the repeated-hour incident', () => {
  const s = prepareRun(scenario('dst-repeated-hour'), 1);

  it('duplicates the repeated hour overnight and fails the morning uniqueness test', () => {
    const sim = new Sim(s, 1).start().waitForPage();
    expect(sim.metric('table.events_hourly.duplicates')).toBeGreaterThan(0);
    expect(sim.metric('table.events_hourly.volumeRatio')).toBeGreaterThan(1.02);
    expect(sim.metric('dag.dbt_test_events.failedRuns')).toBe(1);
    expect(sim.metric('table.events_raw.duplicates')).toBe(0);
    const runs = sim.type(`airflow dags list-runs -d ${rollup}`);
    expect(runs.match(/^events_hourly_rollup \| \S+ +\| success \| 2024-11-03T01:00:00-0[45]:00 \|/gm)).toHaveLength(2);
    expect(runs).toContain('| 2024-11-03T01:00:00-04:00 |');
    expect(runs).toContain('| 2024-11-03T01:00:00-05:00 |');
  });

  it('loses an hour when the night is overwritten on the local key', () => {
    const sim = new Sim(s, 1).start().waitForPage().typeAll(overwriteLocal);
    expect(sim.metric('table.events_hourly.duplicates')).toBe(0);
    expect(sim.metric('table.events_hourly.missingRows')).toBeGreaterThan(0);
  });

  it('double counts every hour of the night when it is re-run in local time with append', () => {
    const sim = new Sim(s, 1).start().waitForPage();
    const duplicates = sim.metric('table.events_hourly.duplicates');
    sim.type(rerunNight);
    // Every hour of the night is appended again, on top of the one hour already doubled.
    expect(sim.metric('table.events_hourly.duplicates')).toBeGreaterThan(10 * duplicates);
    expect(sim.metric('table.events_hourly.missingRows')).toBe(0);
  });

  it('repairs the table when the rollup moves to UTC with overwrite and the night is rebuilt, and the tests pass again', () => {
    const sim = new Sim(s, 1).start().waitForPage().typeAll(toUtc).typeAll([rerunNight]);
    expect(sim.metric('table.events_hourly.duplicates')).toBe(0);
    expect(sim.metric('table.events_hourly.missingRows')).toBe(0);
    expect(sim.metric('table.events_hourly.volumeRatio')).toBe(1);
    expect(sim.metric('dag.events_hourly_rollup.localTime')).toBe(0);
    sim.type(retest);
    sim.advance(600);
    expect(sim.metric('dag.dbt_test_events.failedRuns')).toBe(0);
    expect(sim.state.world.dags.dbt_test_events?.runs.at(-1)?.state).toBe('success');
  });

  it('fails the re-run tests when nothing was repaired', () => {
    const sim = new Sim(s, 1).start().waitForPage();
    sim.type(retest);
    sim.advance(600);
    expect(sim.metric('dag.dbt_test_events.failedRuns')).toBe(1);
  });
});
