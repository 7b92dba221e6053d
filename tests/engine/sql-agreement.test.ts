import { describe, expect, it } from 'vitest';
import { playBot, prepareRun, replay, seedsForVariants } from '../../src/engine';
import { runSql } from '../../src/engine/sql';
import { reconciliationOutput } from '../../src/engine/reveal/reconciliation-output';
import { tableCheckOutput } from '../../src/engine/reveal/table-output';
import { accountJob } from '../../src/engine/world/accounting';
import { Sim, scenario, scenarioRun } from '../support/sim-harness';
import { psql, scalar } from '../support/psql';

const avro = scenarioRun('avro-schema-break', 1);
const avroPaged = new Sim(avro, 1).start().waitForPage().advance(300).state;
const avroModel = playBot(avro, 'model', 1);
const avroFinished = avroModel.state;

const doubled = scenario('double-counted-revenue');
const rewindSeed = seedsForVariants(doubled).find((v) => v.variant === 'teammate-rewind')?.seed ?? 1;
const rewind = prepareRun(doubled, rewindSeed, 'normal');
const rewindPaged = new Sim(rewind, rewindSeed).start().waitForPage().ack().state;

const dst = scenarioRun('dst-repeated-hour', 1);
const dstPaged = new Sim(dst, 1).start().waitForPage().advance(600).state;
const stale = scenarioRun('stale-revenue-table', 1);
const stalePaged = new Sim(stale, 1).start().waitForPage().advance(600).state;
const late = scenarioRun('late-mobile-events', 1);
const latePaged = new Sim(late, 1).start().waitForPage().state;
const cdc = scenarioRun('cdc-column-rename', 1);
const cdcPaged = new Sim(cdc, 1).start().waitForPage().advance(600).state;

const cases = [
  ['avro-schema-break at the page', avro, avroPaged],
  ['avro-schema-break after the model run', avro, avroFinished],
  ['double-counted-revenue after the rewind', rewind, rewindPaged],
  ['dst-repeated-hour', dst, dstPaged],
  ['stale-revenue-table', stale, stalePaged],
  ['late-mobile-events', late, latePaged],
  ['cdc-column-rename', cdc, cdcPaged],
] as const;

describe('SQL answers agree with the engine', () => {
  it.each(cases)('counts every table as many rows as the engine keeps (%s)', (_label, s, state) => {
    for (const t of s.world.tables) {
      expect(scalar(s, state, `select count(*) from ${t.id}`), t.id).toBe(state.metrics[`table.${t.id}.rows`] ?? state.world.tables[t.id]?.rows);
    }
  });

  it.each(cases)('counts rows minus duplicate copies as distinct keys (%s)', (_label, s, state) => {
    for (const t of s.world.tables) {
      const key = t.columns.find((c) => c.endsWith('_id'));
      if (!key) continue;
      const rows = state.metrics[`table.${t.id}.rows`] ?? 0;
      const duplicates = state.metrics[`table.${t.id}.duplicates`] ?? 0;
      expect(scalar(s, state, `select count(distinct ${key}) from ${t.id}`), t.id).toBe(rows - duplicates);
    }
  });

  it.each(cases)('splits the rows over hours and dates without losing one (%s)', (_label, s, state) => {
    for (const t of s.world.tables) {
      const total = state.metrics[`table.${t.id}.rows`] ?? 0;
      const hours = psql(s, state, `select date_trunc('hour', ${t.columns.find((c) => /_(ts|at)$/.test(c)) ?? 'event_ts'}) as hour, count(*) from ${t.id} group by 1 order by 1`).rows;
      expect(hours.reduce((n, r) => n + Number(r[1]), 0), t.id).toBe(total);
      const days = psql(s, state, `select dt, count(*) from ${t.id} group by dt`).rows;
      expect(days.reduce((n, r) => n + Number(r[1]), 0), t.id).toBe(total);
      // Hours come back in order and each one once.
      const labels = hours.map((r) => r[0] as string);
      expect([...labels].sort()).toStrictEqual(labels);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it.each(cases)('bounds each table by its watermark and sums its amount per event (%s)', (_label, s, state) => {
    const clock = { ...s.clock, dstShifts: undefined };
    const at = (text: string) => {
      const [d, t] = text.replace('+00', '').split(' ');
      const days = Math.round((Date.parse(`${d}T00:00:00Z`) - Date.parse(`${s.clock.dateAtZero}T00:00:00Z`)) / 86_400_000);
      const [h, m, sec] = (t ?? '').split(':').map(Number) as [number, number, number];
      return days * 86_400 + h * 3600 + m * 60 + sec - clock.timeOfDayAtZeroS + (s.clock.utcOffsetS ?? 0);
    };
    for (const t of s.world.tables) {
      const table = state.world.tables[t.id];
      const rows = state.metrics[`table.${t.id}.rows`] ?? 0;
      if (!table || rows === 0) continue;
      const event = t.columns.find((c) => /_(ts|at)$/.test(c) && (c === 'event_ts' || !t.columns.includes('event_ts'))) ?? 'event_ts';
      const [min = '', max = ''] = psql(s, state, `select min(${event}), max(${event}) from ${t.id}`).rows[0] ?? [];
      expect(at(min), t.id).toBeGreaterThanOrEqual(s.clock.worldStartS);
      expect(at(max), t.id).toBeLessThanOrEqual(state.t);
      expect(at(max), t.id).toBeGreaterThanOrEqual(Math.min(table.loadedThrough, state.t) - 300);
      // A cut anywhere between them splits the rows without losing one.
      const mid = Math.floor((at(min) + at(max)) / 2);
      const cut = psql(s, state, `select now() - interval '${state.t - mid} seconds'`).rows[0]?.[0] ?? '';
      const before = scalar(s, state, `select count(*) from ${t.id} where ${event} < '${cut}'`);
      const after = scalar(s, state, `select count(*) from ${t.id} where ${event} >= '${cut}'`);
      expect(Math.abs(before + after - rows), t.id).toBeLessThanOrEqual(1);
      const amount = t.columns.find((c) => /^(amount|revenue|spend|billings|open_usd|delta_minor)|_(usd|eur|minor)$/.test(c) && !/^rate/.test(c));
      if (!amount) continue;
      const [sum = '', present = ''] = psql(s, state, `select sum(${amount}), count(${amount}) from ${t.id}`).rows[0] ?? [];
      const cents = Number(present) * 4_732;
      expect(sum, t.id).toBe(amount.endsWith('_minor') ? String(cents) : (cents / 100).toFixed(2));
    }
  });

  it('answers the same on a replayed state as on the live one', () => {
    const replayed = replay(avro, 1, avroModel.log, avroFinished.t);
    for (const q of ["select date_trunc('hour', event_ts), count(*), count(distinct order_id), count(*) - count(channel), sum(amount_usd) from orders_fact group by 1 order by 1", '\\d orders_fact']) {
      expect(runSql(avro, replayed, q)).toStrictEqual(runSql(avro, avroFinished, q));
    }
  });

  it('matches the table check: row count, null share and latest event time', () => {
    const check = tableCheckOutput(avro, avroPaged, 'orders_fact').body;
    const rows = scalar(avro, avroPaged, 'select count(*) from orders_fact');
    expect(check).toContain(` ${rows} `);
    const nulls = scalar(avro, avroPaged, 'select count(*) - count(channel) from orders_fact');
    expect(nulls).toBeGreaterThan(rows * 0.1);
    expect(check).toContain(`${((100 * nulls) / rows).toFixed(2)}%`);
    // Partitions advance together, so the newest event is within one five-minute slice of the watermark the check prints.
    const seconds = (text: string) => {
      const [h, m, sec] = (/(\d{2}):(\d{2}):(\d{2})/.exec(text) ?? []).slice(1).map(Number) as [number, number, number];
      return h * 3600 + m * 60 + sec;
    };
    const max = psql(avro, avroPaged, 'select max(event_ts) from orders_fact').rows[0]?.[0] ?? '';
    expect(Math.abs(seconds(max) - seconds(check.split('\n')[1] ?? ''))).toBeLessThanOrEqual(300);
  });

  it('answers the query the table check prints, with the same numbers', () => {
    const check = tableCheckOutput(avro, avroPaged, 'orders_fact');
    const { header, rows } = psql(avro, avroPaged, check.command);
    expect(header).toStrictEqual(['max', 'count', 'null_status', 'null_channel', 'null_amount_usd']);
    const [, count, , channel] = rows[0] ?? [];
    expect(check.body).toContain(` ${count} `);
    expect(check.body).toContain(`${(Number(channel) * 100).toFixed(2)}%`);
    expect(scalar(avro, avroPaged, 'select sum(case when channel is null then 1 else 0 end) from orders_fact')).toBe(scalar(avro, avroPaged, 'select count(*) - count(channel) from orders_fact'));
  });

  it('matches the reconciliation: rows, distinct ids, duplicate rows and the amount', () => {
    const rec = reconciliationOutput(rewind, rewindPaged, 'orders-loader').body.split('\n')[2]?.split('|').map((c) => c.trim()) ?? [];
    const [, tableRows, distinctIds, duplicateRows, , , tableAmount] = rec;
    const { rows } = psql(rewind, rewindPaged, 'select count(*), count(distinct order_id), count(*) - count(distinct order_id) as duplicate_rows, sum(amount_eur) from orders_fact');
    expect(rows[0]).toStrictEqual([tableRows, distinctIds, duplicateRows, tableAmount]);
    expect(Number(duplicateRows)).toBeGreaterThan(25_000);
  });

  it('lists as many duplicated keys, with as many extra copies, as the ledger holds', () => {
    const duplicates = rewindPaged.metrics['table.orders_fact.duplicates'] ?? 0;
    const extra = scalar(rewind, rewindPaged, 'select sum(n - 1) from (select order_id, count(*) as n from orders_fact group by order_id having count(*) > 1) d');
    expect(extra).toBe(duplicates);
    expect(accountJob(rewind, rewindPaged, 'orders-loader').duplicates).toBe(duplicates);
    const sample = psql(rewind, rewindPaged, 'select order_id, count(*) from orders_fact group by order_id having count(*) > 1 order by 2 desc, 1 limit 5');
    expect(sample.header).toStrictEqual(['order_id', 'count']);
    expect(sample.rows).toHaveLength(5);
    for (const [key, n] of sample.rows) {
      expect(key).toMatch(/^ord_[0-9a-f]{12}$/);
      expect(Number(n)).toBeGreaterThan(1);
    }
    // The same data gives the same keys, and a narrower range lists a subset of them.
    const worst = psql(rewind, rewindPaged, "select date_trunc('hour', paid_at) as hour, count(*) - count(distinct order_id) as extra from orders_fact group by 1 order by 2 desc limit 1").rows[0] ?? [];
    const inHour = `select order_id, count(*) from orders_fact where date_trunc('hour', paid_at) = '${worst[0]}' group by order_id having count(*) > 1 order by 1 limit 3`;
    const listed = psql(rewind, rewindPaged, inHour);
    expect(listed.rows).toHaveLength(3);
    expect(psql(rewind, rewindPaged, inHour).text).toBe(listed.text);
  });

  it('finds no duplicated key in a table the ledger says has none', () => {
    const { rows } = psql(avro, avroPaged, 'select order_id, count(*) from orders_fact group by order_id having count(*) > 1 limit 10');
    expect(rows).toHaveLength(0);
  });

  it('shows the repeated local hour doubled in the hourly rollup', () => {
    const duplicates = dstPaged.metrics['table.events_hourly.duplicates'] ?? 0;
    expect(duplicates).toBeGreaterThan(0);
    expect(scalar(dst, dstPaged, 'select count(*) - count(distinct event_id) from events_hourly')).toBe(duplicates);
    const byHour = psql(dst, dstPaged, 'with r as (select date_trunc(\'hour\', event_ts) as hr, count(*) as n from events_raw group by 1), h as (select hr, count(*) as n from events_hourly group by 1) select r.hr, r.n as raw_rows, h.n as rollup_rows from r join h on r.hr = h.hr order by 1').rows;
    const doubled = byHour.filter((r) => Number(r[2]) > Number(r[1]) * 1.5);
    expect(doubled.length).toBeGreaterThan(0);
  });

  it('counts a null-filled column the same three ways', () => {
    const a = scalar(cdc, cdcPaged, 'select count(*) - count(amount) from orders_fact');
    const b = scalar(cdc, cdcPaged, 'select count(*) from orders_fact where amount is null');
    const c = scalar(cdc, cdcPaged, 'select count(*) filter (where amount is null) from orders_fact');
    expect(b).toBe(a);
    expect(c).toBe(a);
    const rows = cdcPaged.metrics['table.orders_fact.rows'] ?? 0;
    expect(Math.abs(a / rows - (cdcPaged.metrics['table.orders_fact.nullRatio:amount'] ?? 0))).toBeLessThan(1e-4);
  });

  it('cuts a time range into parts that add up to the whole', () => {
    const d = avro.clock.dateAtZero;
    const whole = scalar(avro, avroPaged, `select count(*) from orders_fact where event_ts >= '${d} 07:00' and event_ts < '${d} 08:00'`);
    const first = scalar(avro, avroPaged, `select count(*) from orders_fact where event_ts >= timestamp '${d} 07:00' and event_ts < timestamp '${d} 07:30'`);
    const second = scalar(avro, avroPaged, `select count(*) from orders_fact where event_ts between '${d} 07:30' and '${d} 07:59:59'`);
    expect(Math.abs(first + second - whole)).toBeLessThanOrEqual(1);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    const hour = psql(avro, avroPaged, `select count(*) from orders_fact group by date_trunc('hour', event_ts) having date_trunc('hour', event_ts) = '${d} 07:00'`).rows;
    expect(Number(hour[0]?.[0])).toBe(whole);
  });

  it('shows a stale mart behind its source, hour by hour', () => {
    const { rows } = psql(
      stale,
      stalePaged,
      "select s.hour, s.n as source_rows, coalesce(m.n, 0) as mart_rows from (select date_trunc('hour', issued_at) as hour, count(*) as n from billing_invoices group by 1) s left join (select date_trunc('hour', booked_at) as hour, count(*) as n from revenue_daily group by 1) m on s.hour = m.hour order by 1",
    );
    const source = rows.reduce((n, r) => n + Number(r[1]), 0);
    const mart = rows.reduce((n, r) => n + Number(r[2]), 0);
    expect(source).toBe(stalePaged.metrics['table.billing_invoices.rows']);
    expect(mart).toBe(stalePaged.metrics['table.revenue_daily.rows']);
    // A mart that copies its source holds the same rows for every hour it has built.
    for (const r of rows) expect(Number(r[2])).toBeLessThanOrEqual(Number(r[1]));
  });

  it('sums every partition back to the table', () => {
    const parts = psql(avro, avroPaged, 'select kafka_partition, count(*) from orders_fact group by 1 order by 1').rows;
    expect(parts.map((r) => Number(r[0]))).toStrictEqual(Array.from({ length: avro.world.topics.find((t) => t.id === 'orders')?.partitions ?? 0 }, (_, i) => i));
    expect(parts.reduce((n, r) => n + Number(r[1]), 0)).toBe(avroPaged.metrics['table.orders_fact.rows']);
  });

  it('matches late data: the aggregate misses what the watermark dropped', () => {
    const rows = scalar(late, latePaged, 'select count(*) from user_activity_hourly');
    expect(rows).toBe(latePaged.metrics['table.user_activity_hourly.rows']);
    expect(latePaged.metrics['job.activity-aggregator.lateDropped'] ?? 0).toBeGreaterThan(0);
  });
});
