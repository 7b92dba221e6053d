import { describe, expect, it } from 'vitest';
import { maxQueryLength, runSql, supportedShapes } from '../../src/engine/sql';
import { prepareRun, seedsForVariants } from '../../src/engine';
import { Sim, scenario, scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break', 1);
const state = new Sim(s, 1).start().waitForPage().state;

/** A refusal: not ok, no ERROR prefix, the reason and then what the warehouse does answer. */
function refused(query: string): string {
  const r = runSql(s, state, query);
  expect(r.ok, query).toBe(false);
  expect(r.text, query).toContain(supportedShapes);
  expect(r.text).not.toMatch(/^ERROR/);
  return r.text;
}

describe('what the simulated warehouse refuses, plainly', () => {
  it('refuses to list raw rows, and suggests a count instead', () => {
    expect(refused('select * from orders_fact limit 5')).toContain("SELECT date_trunc('hour', event_ts) AS hour, count(*) FROM orders_fact GROUP BY 1 ORDER BY 1");
    refused('select order_id from orders_fact');
  });

  it('refuses filters and aggregates on values it does not keep per row', () => {
    expect(refused("select count(*) from orders_fact where status = 'REFUNDED'")).toContain('no per-row values of "status"');
    expect(refused('select min(amount_usd) from orders_fact')).toContain('min(amount_usd)');
    expect(refused('select count(distinct channel) from orders_fact')).toContain('count(DISTINCT channel)');
    expect(refused('select sum(channel) from orders_fact')).toContain('sums only the amount column (amount_usd)');
    expect(refused("select count(*) from orders_fact where event_ts::text like '2024-03-11 08:1%'")).toContain('no per-row values of "event_ts"');
  });

  it('refuses a grouping finer than the hour', () => {
    expect(refused("select date_trunc('minute', event_ts), count(*) from orders_fact group by 1")).toContain("'hour' or 'day'");
  });

  it('refuses one row per key unless HAVING keeps only the duplicated ones', () => {
    expect(refused('select order_id, count(*) from orders_fact group by order_id')).toContain('add HAVING count(*) > 1');
    expect(runSql(s, state, 'select order_id, count(*) from orders_fact group by order_id having count(*) > 1').ok).toBe(true);
  });

  it('refuses a join of raw tables, and shows the aggregated form', () => {
    expect(refused('select count(*) from orders_fact o join payments_fact p on o.order_id = p.order_id')).toContain('aggregate each side first');
  });

  it('refuses window functions, unknown functions and unsupported aggregates', () => {
    expect(refused('select count(*) over () from orders_fact')).toContain('window functions');
    expect(refused('select md5(dt::text) from orders_fact group by dt')).toContain('md5()');
    expect(refused('select stddev(kafka_partition) from orders_fact')).toContain('stddev()');
  });

  it('answers writes as a read-only replica does', () => {
    for (const [q, verb] of [
      ['delete from orders_fact', 'DELETE'],
      ["insert into orders_fact (order_id) values ('x')", 'INSERT'],
      ['drop table orders_fact', 'DROP TABLE'],
      ["update orders_fact set channel = 'web'", 'UPDATE'],
    ]) {
      expect(runSql(s, state, q as string)).toStrictEqual({ ok: false, text: `ERROR:  cannot execute ${verb} in a read-only transaction`, costS: 0 });
    }
  });

  it('refuses a result too long to print, and prints it with a LIMIT', () => {
    const doubled = scenario('double-counted-revenue');
    const seed = seedsForVariants(doubled).find((v) => v.variant === 'teammate-rewind')?.seed ?? 1;
    const rewind = prepareRun(doubled, seed, 'normal');
    const st = new Sim(rewind, seed).start().waitForPage().ack().state;
    const r = runSql(rewind, st, "select date_trunc('hour', paid_at) as hour, order_id, count(*) from orders_fact group by 1, 2 having count(*) > 1");
    expect(r.ok).toBe(false);
    expect(r.text).toMatch(/the result has \d+ rows; the prompt prints at most 1000: add a LIMIT/);
    expect(runSql(rewind, st, "select date_trunc('hour', paid_at) as hour, order_id, count(*) from orders_fact group by 1, 2 having count(*) > 1 order by 3 desc limit 20")).toMatchObject({ ok: true, rowCount: 20 });
  });
});

describe('hostile input', () => {
  it('refuses a query over the length limit without parsing it', () => {
    const r = runSql(s, state, `select ${'1 + '.repeat(maxQueryLength)}1`);
    expect(r).toStrictEqual({ ok: false, text: `The query is ${maxQueryLength * 4 + 8} characters long; the prompt takes at most ${maxQueryLength}.`, costS: 0 });
  });

  it('stops deeply nested parentheses before parsing, as PostgreSQL stops deep recursion', () => {
    const r = runSql(s, state, `select ${'('.repeat(500)}1${')'.repeat(500)}`);
    expect(r.ok).toBe(false);
    expect(r.text.split('\n')[0]).toBe('ERROR:  stack depth limit exceeded');
    expect(r.text).toContain('HINT:  Increase the configuration parameter "max_stack_depth"');
    expect(runSql(s, state, `select ${'('.repeat(30)}1${')'.repeat(30)} as x`).ok).toBe(true);
    expect(runSql(s, state, `select '${'('.repeat(100)}' as x`).ok).toBe(true);
  });

  it('answers a long query near the limit', () => {
    const q = `select count(*) from orders_fact where ${Array.from({ length: 150 }, (_, i) => `kafka_partition = ${i % 12}`).join(' or ')}`;
    expect(q.length).toBeLessThan(maxQueryLength);
    const r = runSql(s, state, q);
    expect(r.ok).toBe(true);
    expect(r.text).toContain(` ${state.metrics['table.orders_fact.rows']}\n`);
  });

  it('joins many aggregated subqueries without blowing up, and refuses a huge cross product', () => {
    const many = `select a0.dt from (select dt from orders_fact group by 1) a0 ${Array.from({ length: 20 }, (_, i) => `join (select dt from orders_fact group by 1) a${i + 1} on a${i}.dt = a${i + 1}.dt`).join(' ')}`;
    expect(runSql(s, state, many)).toMatchObject({ ok: true, rowCount: 1 });
    const cross = `select count(*) from ${Array.from({ length: 5 }, (_, i) => `(select date_trunc('hour', event_ts) h from orders_fact group by 1) t${i}`).join(', ')}`;
    const r = runSql(s, state, cross);
    expect(r.ok).toBe(true);
    const wide = `select count(*) from ${Array.from({ length: 8 }, (_, i) => `(select kafka_partition p from orders_fact group by 1) t${i}`).join(', ')}`;
    expect(runSql(s, state, wide).text).toContain('more than 1,000,000 row pairs');
  });

  it('takes unicode in strings and quoted names, and points at an unreadable character', () => {
    expect(runSql(s, state, "select '日本語 ✓' as \"ünï\", count(*) from orders_fact").text.split('\n')[2]).toContain('日本語 ✓');
    expect(runSql(s, state, 'select count(*) from "ордера"').text).toContain('relation "ордера" does not exist');
    expect(runSql(s, state, 'select ünï from orders_fact').text).toBe('ERROR:  syntax error at or near "ünï"\nLINE 1: select ünï from orders_fact\n               ^');
  });

  it('never throws, whatever it is given', () => {
    for (const q of ['', ';;;', '   ', '\\', 'select', ')', "'", '"', 'select 1/0', 'select (((((1)))))', "select interval 'x'", 'with x as (select 1) select * from x', 'select * from (select 1 as a union select 1) u', '\u0000', 'SELECT COUNT(*) FROM ORDERS_FACT', 'select count(*) from public.orders_fact', 'select count(*) from other.orders_fact', 'values (1)', 'show all', 'begin']) {
      const r = runSql(s, state, q);
      expect(typeof r.text).toBe('string');
      expect(r.text).not.toContain('internal error');
    }
    expect(runSql(s, state, 'select 1/0').text).toBe('ERROR:  division by zero');
    expect(runSql(s, state, 'SELECT COUNT(*) FROM ORDERS_FACT').ok).toBe(true);
    expect(runSql(s, state, 'select count(*) from other.orders_fact').text).toContain('relation "other.orders_fact" does not exist');
  });

  it('runs deeply nested subqueries up to a limit', () => {
    const nest = (k: number): string => (k === 0 ? '(select count(*) as n from orders_fact)' : `(select n from ${nest(k - 1)} q${k})`);
    expect(runSql(s, state, `select n from ${nest(5)} top`).ok).toBe(true);
    expect(runSql(s, state, `select n from ${nest(20)} top`).text).toContain('nested more than 16 levels');
  });
});

describe('hidden truth', () => {
  it('prints data only: nothing from the root cause, the verdicts or the walkthrough', () => {
    const hidden = [s.rootCause.statement, ...s.walkthrough.map((w) => w.why), ...s.faults.map((f) => f.description), ...s.actions.map((a) => a.verdict.why)].filter((x) => x.length > 12);
    const outputs = [
      '\\dt',
      ...s.world.tables.map((t) => `\\d ${t.id}`),
      'select count(*), count(distinct order_id), max(event_ts), sum(amount_usd), count(*) - count(channel) from orders_fact',
      "select date_trunc('hour', event_ts), count(*) filter (where channel is null) from orders_fact group by 1",
      'select * from orders_fact',
      'select nope from orders_fact',
    ].map((q) => runSql(s, state, q).text);
    for (const out of outputs) for (const h of hidden) expect(out).not.toContain(h);
  });
});
