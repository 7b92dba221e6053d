import { describe, expect, it } from 'vitest';
import { planSqlCost, runSql } from '../../src/engine/sql';
import { Sim, scenarioRun } from '../support/sim-harness';

describe('the SQL prompt’s parse cache', () => {
  it('answers a repeated query exactly as it answered it the first time (the cached tree is only read)', () => {
    const s = scenarioRun('avro-schema-break');
    const sim = new Sim(s, 1).start().waitForPage();
    const queries = [
      "SELECT date_trunc('hour', event_ts) AS hour, count(*) AS orders, count(DISTINCT order_id) AS distinct_orders FROM orders_fact WHERE event_ts >= '2024-03-11 06:00' GROUP BY 1 ORDER BY 1",
      'WITH d AS (SELECT order_id, count(*) AS n FROM orders_fact GROUP BY order_id HAVING count(*) > 1) SELECT count(*) FROM d',
      "SELECT kafka_partition, count(*) - count(channel) AS null_channel FROM orders_fact WHERE event_ts BETWEEN '2024-03-11 07:00' AND '2024-03-11 08:00' GROUP BY kafka_partition ORDER BY 2 DESC LIMIT 3",
    ];
    const first = queries.map((q) => runSql(s, sim.state, q));
    const again = queries.map((q) => runSql(s, sim.state, q));
    expect(again).toEqual(first);
    for (const r of first) expect(r.ok, r.text).toBe(true);
  });
});

describe('planning a query’s time without running it', () => {
  it('plans what running it costs, from the tables it names and its joins', () => {
    const s = scenarioRun('avro-schema-break');
    const sim = new Sim(s, 1).start().waitForPage();
    const queries = [
      'select count(*) from orders_fact',
      "SELECT date_trunc('hour', event_ts) AS hour, count(*) FROM orders_fact GROUP BY 1",
      'WITH a AS (SELECT date(event_ts) AS d, count(*) AS n FROM orders_fact GROUP BY 1), b AS (SELECT date(event_ts) AS d, count(DISTINCT order_id) AS m FROM orders_fact GROUP BY 1) SELECT * FROM a JOIN b USING (d)',
    ];
    for (const q of queries) {
      const ran = runSql(s, sim.state, q);
      expect(ran.ok, ran.text).toBe(true);
      expect(planSqlCost(s, sim.state, q), q).toBe(ran.costS);
    }
    expect(planSqlCost(s, sim.state, 'select count(* from x')).toBe(1);
    expect(planSqlCost(s, sim.state, '\\dt')).toBe(1);
  });
});
