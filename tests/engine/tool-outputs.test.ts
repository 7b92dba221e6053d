import { describe, expect, it } from 'vitest';
import type { ToolOutput } from '../../src/engine';
import { avroSteps, withCatalogueInvestigations } from '../support/avro-steps';
import { Sim, scenarioRun } from '../support/sim-harness';

// The reveal renderers, through catalogue investigations (a scenario file may still list them).
const s = withCatalogueInvestigations(scenarioRun('avro-schema-break'));

/** Runs an investigation to completion and returns what its tool printed (the first reveal unless `kind` says). */
function investigate(sim: Sim, action: string, kind?: ToolOutput['kind']): ToolOutput {
  const before = sim.state.outputs.length;
  sim.complete(action);
  const printed = sim.state.outputs.slice(before).filter((o) => o.action === action && (kind === undefined || o.kind === kind));
  const output = printed[0];
  if (!output) throw new Error(`${action} printed nothing`);
  return output;
}

function paged(): Sim {
  return new Sim(s, 1).start().waitForPage().ack();
}

/** The data rows of a CLI table (every non-empty line after the header), split on runs of spaces. */
function tableRows(body: string, header: string): string[][] {
  const lines = body.split('\n');
  const at = lines.findIndex((l) => l.split(/\s+/).join(' ') === header);
  if (at < 0) throw new Error(`no header "${header}" in:\n${body}`);
  return lines.slice(at + 1).filter((l) => l.trim() !== '').map((l) => l.trim().split(/\s+/));
}

const consumerHeader = 'GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID';

describe('what the investigation tools print', () => {
  it('describes a consumer group with no active members and growing lag while the job is down', () => {
    const sim = paged();
    const out = investigate(sim, 'describe-consumer-group');
    expect(out.command).toContain('kafka-consumer-groups');
    expect(out.body).toContain("Consumer group 'orders-enricher' has no active members.");
    const rows = tableRows(out.body, consumerHeader);
    expect(rows).toHaveLength(12);
    rows.forEach((row, i) => {
      const [group, topic, partition, current, logEnd, lag, consumer] = row;
      expect([group, topic, partition]).toEqual(['orders-enricher', 'orders', String(i)]);
      expect(Number(lag)).toBe(Number(logEnd) - Number(current));
      expect(Number(lag)).toBeGreaterThan(0);
      expect(consumer).toBe('-');
    });
  });

  it('lists consumer members again once the job is running', () => {
    const sim = paged().typeAll(avroSteps.enableDlq).advance(60);
    const out = investigate(sim, 'describe-consumer-group');
    expect(out.body).not.toContain('has no active members');
    const consumers = tableRows(out.body, consumerHeader).map((row) => row[6]);
    expect(consumers).toHaveLength(12);
    expect(consumers).not.toContain('-');
  });

  it('shows the deserialization failure in the job logs, naming the partition and the REFUNDED symbol', () => {
    const out = investigate(paged(), 'read-job-logs');
    expect(out.body).toMatch(/Error deserializing key\/value for partition orders-\d+ at offset \d+/);
    expect(out.body).toContain('Error deserializing Avro message for id 1042');
    expect(out.body).toContain('org.apache.avro.AvroTypeException: No match for REFUNDED');
    expect(out.body).toContain('switched from state RUNNING to FAILED');
  });

  it('stamps every log line with a well-formed log4j timestamp', () => {
    const out = investigate(paged(), 'read-job-logs');
    const stamped = out.body.split('\n').filter((l) => !l.startsWith('Caused by:') && !l.startsWith('org.apache.kafka'));
    expect(stamped.length).toBeGreaterThan(10);
    for (const line of stamped) expect(line).toMatch(/^2024-03-11 \d{2}:\d{2}:\d{2},\d{3} (INFO |WARN |ERROR) \S/);
  });

  it('diffs the schema versions to show the new REFUNDED symbol and the nested context record', () => {
    const out = investigate(paged(), 'schema-diff');
    expect(out.body).toMatch(/\+ enum OrderStatus \(status\): symbol REFUNDED/);
    expect(out.body).toContain('enum has no default');
    expect(out.body).toMatch(/\+ field context: .*OrderContext/);
    expect(out.body).toContain('Deprecated: read context.channel');
    expect(out.body).not.toMatch(/order_id|amount_usd/);
  });

  it('dumps the failing record with the v8 schema id 1042 in its header', () => {
    const sim = paged();
    const failure = sim.state.world.jobs['orders-enricher']?.lastFailure;
    const out = investigate(sim, 'dump-failing-record');
    expect(failure).not.toBeNull();
    expect(out.command).toContain(`-p ${failure?.partition} -o ${failure?.offset}`);
    expect(out.body).toMatch(/^00000000: 0000 0004 12/);
    expect(out.body).toContain('schema id 0x00000412 = 1042');
  });

  it('lists every registered version, 1 to 8, the latest being id 1042', () => {
    const out = investigate(paged(), 'registry-versions', 'registry-versions');
    const [versions, ...rest] = out.body.split('\n');
    expect(JSON.parse(versions ?? '')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rest.join('\n')).toMatch(/"version": 8,\s+"id": 1042/);
  });

  it('reports the job as FAILED after its restarts, reading with a pinned v7 schema', () => {
    const out = investigate(paged(), 'job-status');
    const status = JSON.parse(out.body) as { state: string; numRestarts: number; readerSchema: string };
    expect(status).toMatchObject({ state: 'FAILED', numRestarts: 10, readerSchema: 'pinned: orders-value v7' });
  });

  it('traces the blank dashboard upstream to the failed job, with payments healthy', () => {
    const sim = paged().advance(600);
    const out = investigate(sim, 'lineage');
    const [mine, others] = out.body.split('Other pipelines:');
    expect(mine).toMatch(/dashboard exec-revenue\s+\[BLANK\]/);
    expect(mine).toMatch(/job orders-enricher\s+\[FAILED\]/);
    expect(others).toMatch(/job payments-loader\s+\[RUNNING\]/);
  });
});
