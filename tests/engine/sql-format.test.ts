import { describe, expect, it } from 'vitest';
import { runSql, sqlCompletions } from '../../src/engine/sql';
import { Sim, scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break', 1);
const state = new Sim(s, 1).start().waitForPage().state;
const text = (q: string) => runSql(s, state, q).text;

describe('SQL prompt output, as psql prints it', () => {
  it('prints a centred header, a rule, right-aligned numbers and a row count', () => {
    const out = text("select dt, count(*), count(distinct order_id) as orders from orders_fact group by dt").split('\n');
    const rows = String(state.metrics['table.orders_fact.rows']);
    const w = Math.max(5, rows.length);
    expect(out[0]).toBe(`     dt     | ${'count'.padStart(Math.floor((w + 5) / 2)).padEnd(w)} | ${'orders'.padStart(Math.floor((Math.max(6, rows.length) + 6) / 2)).padEnd(Math.max(6, rows.length))}`.trimEnd());
    expect(out[1]).toBe(`------------+-${'-'.repeat(w)}-+-${'-'.repeat(Math.max(6, rows.length))}-`);
    expect(out[2]).toBe(` ${s.clock.dateAtZero} | ${rows.padStart(w)} | ${rows.padStart(Math.max(6, rows.length))}`);
    expect(out[3]).toBe('(1 row)');
  });

  it('heads unaliased aggregates and expressions as PostgreSQL names them', () => {
    const header = text('select count(*), max(event_ts), min(event_ts), sum(amount_usd), count(*) - count(channel), event_ts::date from orders_fact group by 6').split('\n')[0] ?? '';
    expect(header.split('|').map((h) => h.trim())).toStrictEqual(['count', 'max', 'min', 'sum', '?column?', 'event_ts']);
  });

  it('prints timestamps, dates, money, integer division and numeric division the way PostgreSQL does', () => {
    const out = text("select timestamp '2024-03-11 07:05' as ts, date '2024-03-11' as d, 7 / 2 as q, round(100.0 * 1 / 3, 2) as pct, 1.0 / 3 as third, null as nothing").split('\n');
    expect(out[2]?.split('|').map((c) => c.trim())).toStrictEqual(['2024-03-11 07:05:00', '2024-03-11', '3', '33.33', '0.33333333333333300000', '']);
    expect(text('select sum(amount_usd) from orders_fact')).toMatch(/\n +\d+\.\d{2}\n\(1 row\)$/);
  });

  it('says "(0 rows)" for an empty result and "(N rows)" for several', () => {
    expect(text("select count(*) from orders_fact group by dt having count(*) < 0")).toMatch(/\(0 rows\)$/);
    expect(text("select date_trunc('hour', event_ts), count(*) from orders_fact group by 1")).toMatch(/\(\d+ rows\)$/);
  });

  it('runs several statements and prints each result', () => {
    const r = runSql(s, state, 'select 1 as a; select 2 as b;');
    expect(r.ok).toBe(true);
    expect(r.text).toBe(' a\n---\n 1\n(1 row)\n\n b\n---\n 2\n(1 row)');
  });

  it('lists tables with \\dt and describes one with \\d', () => {
    const list = text('\\dt');
    expect(list.split('\n')[0]?.trim()).toBe('List of relations');
    for (const t of s.world.tables) expect(list).toContain(` public | ${t.id}`);
    expect(list).toMatch(/\(6 rows\)$/);
    const d = text('\\d orders_fact');
    expect(d.split('\n')[0]?.trim()).toBe('Table "public.orders_fact"');
    expect(d).toMatch(/ order_id +\| text +\| +\| not null \|/);
    expect(d).toMatch(/ amount_usd +\| numeric\(12,2\)/);
    expect(d).toMatch(/ event_ts +\| timestamp without time zone/);
    expect(d).toContain('kafka_partition');
    expect(text('\\dt orders*')).toMatch(/\(1 row\)$/);
    expect(runSql(s, state, '\\d nope')).toStrictEqual({ ok: false, text: 'Did not find any relation named "nope".', costS: 0 });
    expect(runSql(s, state, '\\x').text).toBe('invalid command \\x\nTry \\? for help.');
  });

  it('points at the error like psql: the message, the line and a caret', () => {
    expect(text('select count(* from orders_fact')).toBe('ERROR:  syntax error at or near "from"\nLINE 1: select count(* from orders_fact\n                       ^');
    expect(text('select count(*) from orders')).toBe('ERROR:  relation "orders" does not exist\nLINE 1: select count(*) from orders\n                             ^');
    expect(text('select count(*)\nfrom orders_fact\nwhere nope > 1')).toBe('ERROR:  column "nope" does not exist\nLINE 3: where nope > 1\n              ^');
    expect(text('select count(*) from orders_fact where')).toBe('ERROR:  syntax error at end of input\nLINE 1: select count(*) from orders_fact where\n                                              ^');
    expect(text("select count(*) from orders_fact where event_ts > 'soon'")).toBe('ERROR:  invalid input syntax for type timestamp: "soon"');
    expect(text('select o.order_id from orders_fact x')).toMatch(/^ERROR: {2}missing FROM-clause entry for table "o"/);
  });

  it('shows a window of a long line around the error', () => {
    const q = `select count(*), ${Array.from({ length: 20 }, (_, i) => `count(*) as c${i}`).join(', ')} from orders_fact where nope = 1`;
    const [, line, caret] = text(q).split('\n');
    expect(line).toMatch(/^LINE 1: \.\.\..*nope = 1$/);
    expect(line?.length).toBeLessThan(80);
    expect(line?.[caret?.indexOf('^') ?? 0]).toBe('n');
  });

  it('costs a few deterministic sim seconds, more for a join', () => {
    const one = runSql(s, state, 'select count(*) from orders_fact');
    expect(one.costS).toBeGreaterThanOrEqual(1);
    expect(one.costS).toBeLessThanOrEqual(5);
    expect(runSql(s, state, 'select count(*) from orders_fact').costS).toBe(one.costS);
    const join = runSql(s, state, 'select a.dt from (select dt from orders_fact group by 1) a join (select dt from payments_fact group by 1) b on a.dt = b.dt');
    expect(join.costS).toBeGreaterThan(one.costS);
    expect(runSql(s, state, 'select count(* from x').costS).toBe(0);
  });

  it('scans a table with thousands of small files slowly', () => {
    const small = scenarioRun('small-files-cost', 1);
    const st = new Sim(small, 1).start().waitForPage().state;
    const r = runSql(small, st, 'select count(*) from page_events');
    expect(r.ok).toBe(true);
    expect(r.costS).toBeGreaterThan(30);
    expect(runSql(small, st, 'select count(*) from search_documents').costS).toBeLessThan(5);
  });
});

describe('SQL completion', () => {
  it('completes table names after FROM and JOIN, and after \\d', () => {
    expect(sqlCompletions(s, 'or', 'select count(*) from or')).toStrictEqual(['orders_fact']);
    expect(sqlCompletions(s, '', 'select * from a join ')).toStrictEqual(s.world.tables.map((t) => t.id).sort());
    expect(sqlCompletions(s, 'pay', '\\d pay')).toStrictEqual(['payments_fact']);
  });

  it('completes columns, tables and keywords elsewhere, keywords in the case typed', () => {
    expect(sqlCompletions(s, 'ord')).toStrictEqual(['order_id', 'orders', 'orders_fact', 'order by']);
    expect(sqlCompletions(s, 'SEL')).toStrictEqual(['SELECT']);
    expect(sqlCompletions(s, 'sel')).toStrictEqual(['select']);
    expect(sqlCompletions(s, 'date_t')).toStrictEqual(['date_trunc(']);
    expect(sqlCompletions(s, 'kafka')).toStrictEqual(['kafka_partition']);
    expect(sqlCompletions(s, '\\d')).toStrictEqual(['\\d', '\\dt']);
  });

  it('offers nothing the player cannot see in \\dt and \\d', () => {
    const visible = `${text('\\dt')}\n${s.world.tables.map((t) => text(`\\d ${t.id}`)).join('\n')}`;
    const words = sqlCompletions(s, '').filter((w) => /^[a-z_]+$/.test(w));
    for (const w of words) expect(visible, w).toContain(w);
  });
});

describe('the warehouse clock', () => {
  it('stores timestamps in UTC when the scenario states its UTC offset, so a repeated local hour stays two hours', () => {
    const dst = scenarioRun('dst-repeated-hour', 1);
    const st = new Sim(dst, 1).start().waitForPage().state;
    expect(runSql(dst, st, '\\d events_raw').text).toMatch(/ event_ts +\| timestamp with time zone/);
    const hours = runSql(dst, st, "select date_trunc('hour', event_ts) as hour, count(*) from events_raw group by 1 order by 1").text.split('\n').slice(2, -1);
    expect(hours.length).toBeGreaterThan(3);
    for (const h of hours) expect(h).toMatch(/^ \d{4}-\d{2}-\d{2} \d{2}:00:00\+00 \|/);
    expect(new Set(hours.map((h) => h.slice(0, 24))).size).toBe(hours.length);
    // A literal with or without the UTC marker means the same instant.
    const a = runSql(dst, st, "select count(*) from events_raw where event_ts < '2024-11-03 06:00'").text;
    expect(runSql(dst, st, "select count(*) from events_raw where event_ts < '2024-11-03 06:00:00+00'").text).toBe(a);
  });

  it('uses the scenario wall clock otherwise', () => {
    expect(runSql(s, state, '\\d orders_fact').text).toMatch(/ event_ts +\| timestamp without time zone/);
    expect(runSql(s, state, 'select max(event_ts) from orders_fact').text.split('\n')[2]).toMatch(/^ 2024-03-11 \d{2}:\d{2}:\d{2}$/);
  });
});

describe('more of what the prompt answers', () => {
  it('groups by the hour of day, counts distinct partitions and sorts NULLs where asked', () => {
    const byHour = runSql(s, state, 'select extract(hour from event_ts) as h, count(*) from orders_fact group by 1 order by 1');
    expect(byHour.ok).toBe(true);
    const total = byHour.text.split('\n').slice(2, -1).reduce((n, l) => n + Number(l.split('|')[1]), 0);
    expect(total).toBe(state.metrics['table.orders_fact.rows']);
    expect(runSql(s, state, 'select count(distinct kafka_partition), count(distinct dt) from orders_fact').text.split('\n')[2]).toBe(`    ${s.world.topics.find((t) => t.id === 'orders')?.partitions} |     1`);
    const nullsFirst = runSql(s, state, 'select x from (select 1 as x union all select null union all select 2) t order by x nulls first').text.split('\n');
    expect(nullsFirst.slice(2, 5).map((l) => l.trim())).toStrictEqual(['', '1', '2']);
  });

  it('does time arithmetic with intervals and prints them as PostgreSQL does', () => {
    const r = runSql(s, state, "select now() - max(event_ts) as behind, timestamp '2024-03-11 10:00' - interval '90 minutes' as earlier, timestamp '2024-03-12 10:00' - timestamp '2024-03-10 08:30' as gap from orders_fact");
    const cells = r.text.split('\n')[2]?.split('|').map((c) => c.trim()) ?? [];
    expect(cells[0]).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(cells.slice(1)).toStrictEqual(['2024-03-11 08:30:00', '2 days 01:30:00']);
  });

  it('names an ambiguous column and a missing GROUP BY position', () => {
    expect(runSql(s, state, 'select dt from (select dt from orders_fact group by 1) a, (select dt from payments_fact group by 1) b').text).toMatch(/^ERROR: {2}column reference "dt" is ambiguous/);
    expect(runSql(s, state, 'select count(*) from orders_fact group by 3').text).toMatch(/^ERROR: {2}GROUP BY position 3 is not in select list/);
  });
});

describe('PostgreSQL rules the prompt keeps', () => {
  it('refuses a column that is neither grouped nor aggregated, as PostgreSQL does', () => {
    expect(runSql(s, state, "select dt, count(*) from orders_fact group by date_trunc('hour', event_ts)").text).toMatch(/^ERROR: {2}column "orders_fact.dt" must appear in the GROUP BY clause or be used in an aggregate function/);
    expect(runSql(s, state, 'select a, count(*) from (select 1 as a, 2 as b) t group by b').text).toMatch(/^ERROR: {2}column "t.a" must appear in the GROUP BY clause/);
    expect(runSql(s, state, 'select count(*) from orders_fact group by count(*)').text).toMatch(/^ERROR: {2}aggregate functions are not allowed in GROUP BY/);
    expect(runSql(s, state, "select date_trunc('hour', event_ts) as h, count(*) from orders_fact group by h order by h").ok).toBe(true);
  });

  it('filters with IN and LIKE', () => {
    const two = runSql(s, state, 'select count(*) from orders_fact where kafka_partition in (0, 1)');
    const zero = runSql(s, state, 'select count(*) from orders_fact where kafka_partition = 0');
    const one = runSql(s, state, 'select count(*) from orders_fact where kafka_partition = 1');
    const n = (r: { text: string }) => Number(r.text.split('\n')[2]);
    expect(n(two)).toBe(n(zero) + n(one));
    expect(n(runSql(s, state, 'select count(*) from orders_fact where kafka_partition not in (0, 1)')) + n(two)).toBe(state.metrics['table.orders_fact.rows']);
    expect(runSql(s, state, "select t from (select 'orders_fact' as t union all select 'payments_fact' union all select 'a%b') x where t like 'ord%' or t ilike 'A\\%_'").text.split('\n').slice(2, -1).map((l) => l.trim())).toStrictEqual(['orders_fact', 'a%b']);
  });
});
