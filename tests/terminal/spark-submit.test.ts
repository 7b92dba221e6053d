import { describe, expect, it } from 'vitest';
import { completeLine } from '../../src/engine';
import { runSql } from '../../src/engine/sql';
import { shellNames } from '../../src/engine/terminal/platform';
import { stormSteps } from '../support/kafka-steps';
import { Sim, scenarioRun } from '../support/sim-harness';

const job = '/opt/spark/jobs/dedupe_by_key.py';

/** The rebalance storm twenty minutes after the page: failed commits have appended batches twice. */
function stormed(): Sim {
  return new Sim(scenarioRun('consumer-lag-storm', 1), 1).start().waitForPage().ack().advance(1200);
}

/** The storm stopped (the call bounded, the sink MERGEs), with the duplicates it wrote still in the table. */
function settled(): Sim {
  return stormed().typeAll(stormSteps.boundCall).advance(120).typeAll(stormSteps.merge).advance(60);
}

// Rows and distinct payment ids today, as the warehouse counts them.
function counts(sim: Sim): [number, number] {
  const result = runSql(sim.scenario, sim.state, 'SELECT count(*), count(DISTINCT payment_id) FROM payments_scored');
  const row = result.text.split('\n')[2] ?? '';
  const [rows, distinct] = row.split('|').map((x) => Number(x.trim()));
  return [rows as number, distinct as number];
}

describe('spark-submit dedupe_by_key.py', () => {
  it('counts the duplicate rows per dt partition on a dry run, as the table holds them, and writes nothing', () => {
    const sim = settled();
    const duplicates = sim.metric('table.payments_scored.duplicates');
    expect(duplicates).toBeGreaterThan(0);
    const out = sim.type(`spark-submit ${job} --table payments_scored --key payment_id --dry-run`);
    expect(out).toMatch(/^\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d INFO SparkContext: Running Spark version 3\.5\.1$/m);
    const row = out.split('\n').find((l) => l.startsWith('2024-03-14')) ?? '';
    const [, rows, distinct, dup] = row.split(/\s+/).map(Number);
    expect(dup).toBe(duplicates);
    expect((rows as number) - (distinct as number)).toBe(dup);
    expect(out).toContain(`dry run: ${dup} duplicate rows would be deleted; nothing written.`);
    expect(sim.metric('table.payments_scored.duplicates')).toBe(duplicates);
    expect(sim.state.terminal?.at(-1)?.changed).toBeUndefined();
  });

  it('deletes every duplicate row, keeping one per key, so the warehouse counts each payment once', () => {
    const sim = settled();
    const [rowsBefore, distinctBefore] = counts(sim);
    expect(rowsBefore).toBeGreaterThan(distinctBefore);
    const out = sim.type(`spark-submit ${job} --table payments_scored --key payment_id`);
    expect(out).toMatch(/MERGE INTO payments_scored committed: \d+ duplicate rows deleted\./);
    expect(sim.metric('table.payments_scored.duplicates')).toBe(0);
    sim.advance(60);
    const [rows, distinct] = counts(sim);
    expect(rows).toBe(distinct);
    expect(sim.metric('records.lost')).toBe(0);
    expect(sim.state.timeline.some((e) => e.text.startsWith('payments_scored deduplicated on payment_id'))).toBe(true);
  });

  it('refuses what spark-submit and the job refuse, and changes nothing', () => {
    const sim = stormed();
    expect(sim.type('spark-submit --frobnicate')).toContain('Error: Unrecognized option: --frobnicate');
    expect(sim.type('spark-submit --name x')).toContain('Error: Missing application resource.');
    expect(sim.type('spark-submit /opt/spark/jobs/compact.py')).toContain("python3: can't open file '/opt/spark/jobs/compact.py': [Errno 2] No such file or directory");
    expect(sim.type(`spark-submit --deploy-mode cluster ${job} --table payments_scored --key payment_id`)).toContain('client mode only');
    expect(sim.type(`spark-submit ${job} --table payments_scored`)).toContain('dedupe_by_key.py: error: the following arguments are required: --key');
    expect(sim.type(`spark-submit ${job} --table payments --key payment_id`)).toContain('[TABLE_OR_VIEW_NOT_FOUND] The table or view `lake`.`payments` cannot be found.');
    expect(sim.type(`spark-submit ${job} --table payments_scored --key id`)).toContain('[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `id` cannot be resolved.');
    expect(sim.type(`spark-submit ${job} --table payments_scored --key card_id`)).toContain("refusing to dedupe payments_scored on card_id: the table's row key (TBLPROPERTIES 'row.key') is payment_id");
    expect(sim.type(`spark-submit ${job} --table payments_scored --key payment_id --since 11:00`)).toContain('dedupe_by_key.py: error: unrecognized arguments: --since');
    expect(sim.state.world.jobs['fraud-enricher']?.logs.some((l) => l.text.startsWith('Dedupe job'))).toBe(false);
    expect(sim.state.terminal?.some((e) => e.changed !== undefined)).toBe(false);
  });

  it('refuses a table that no streaming sink appends to: it is rebuilt from its sources', () => {
    const sim = new Sim(scenarioRun('avro-schema-break', 1), 1).start().waitForPage();
    expect(sim.type(`spark-submit ${job} --table exec_revenue_daily --key hour`)).toContain('is not appended to by a streaming sink');
  });

  it('has --help, and completes the job, its arguments and the tables', () => {
    const sim = stormed();
    expect(sim.type('spark-submit --help')).toContain('dedupe_by_key.py --table TABLE --key COLUMN [--dry-run]');
    expect(sim.type(`spark-submit ${job} --help`)).toContain('usage: dedupe_by_key.py [-h] --table TABLE --key KEY [--dry-run]');
    const names = shellNames(sim.scenario);
    expect(completeLine(names, 'spark-submit /opt/').candidates).toEqual([job]);
    expect(completeLine(names, `spark-submit ${job} --t`).candidates).toEqual(['--table']);
    expect(completeLine(names, `spark-submit ${job} --table `).candidates).toEqual(['ledger_audit_archive', 'payments_scored']);
  });
});

describe('a sink that MERGEs on the event id', () => {
  it('keeps the duplicates already written (a MERGE matches every copy) and adds none, until the dedupe deletes them', () => {
    const sim = settled();
    const duplicates = sim.metric('table.payments_scored.duplicates');
    expect(duplicates).toBeGreaterThan(0);
    sim.typeAll(stormSteps.restart).advance(600);
    expect(sim.metric('table.payments_scored.duplicates')).toBe(duplicates);
    sim.typeAll(stormSteps.dedupe);
    expect(sim.metric('table.payments_scored.duplicates')).toBe(0);
  });
});
