import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenarios/schema';
import { accountJob } from '../../src/engine/world/accounting';
import { Sim, scenarioRun } from '../support/sim-harness';

/** avro-schema-break with one more upstream change at -300: orders-value v9 built from v8 by `change`, written from then on. */
function withV9(change: (fields: Record<string, unknown>[]) => Record<string, unknown>[]): Scenario {
  const s = structuredClone(scenarioRun('avro-schema-break'));
  const subject = s.world.subjects.find((x) => x.name === 'orders-value');
  const v8 = subject?.versions.find((v) => v.version === 8);
  if (!subject || !v8) throw new Error('no orders-value v8');
  subject.versions.push({ version: 9, id: 1043, schema: { ...v8.schema, fields: change(v8.schema.fields as Record<string, unknown>[]) } });
  s.faults = s.faults.filter((f) => f.id !== 'refunds-enabled');
  s.faults.push({
    id: 'v9-deploy',
    atS: -300,
    jitterS: 0,
    startsImpact: false,
    description: 'orders-api ships v9.',
    effects: [
      { op: 'registry.register', subject: 'orders-value', version: 9 },
      { op: 'producer.set', producer: 'orders-api', writerVersion: 9 },
    ],
  } as Scenario['faults'][number]);
  return s;
}

function firstFailure(s: Scenario): string | undefined {
  const sim = new Sim(s, 1).start().advance(300);
  return sim.state.world.jobs['orders-enricher']?.lastFailure?.error;
}

describe('the engine follows the resolver for a pinned reader', () => {
  it('fails on the first record of a writer whose field changed type, with no poison knob set', () => {
    const s = withV9((fields) => fields.map((f) => (f.name === 'amount_usd' ? { ...f, type: 'string' } : f)));
    expect(firstFailure(s)).toBe('org.apache.avro.AvroTypeException: Found string, expecting double');
  });

  it('fails every record of a writer that dropped a field the reader requires', () => {
    const s = withV9((fields) => fields.filter((f) => f.name !== 'order_id'));
    expect(firstFailure(s)).toBe('org.apache.avro.AvroTypeException: Found com.acme.Order, expecting com.acme.Order, missing required field order_id');
  });

  it('keeps decoding a writer that only added an optional field', () => {
    const s = withV9((fields) => [...fields, { name: 'coupon_code', type: ['null', 'string'], default: null }]);
    expect(firstFailure(s)).toBeUndefined();
  });

  it('sends every undecodable record to the DLQ when the job routes failures there', () => {
    const s = withV9((fields) => fields.map((f) => (f.name === 'amount_usd' ? { ...f, type: 'string' } : f)));
    const job = s.world.jobs.find((j) => j.id === 'orders-enricher');
    if (!job) throw new Error('no orders-enricher');
    job.onError = 'dlq';
    const sim = new Sim(s, 1).start().advance(300);
    const totals = accountJob(s, sim.state, 'orders-enricher');
    // Everything written since the v9 deploy (about 45 records a second) is dead-lettered.
    expect(totals.dlq).toBeGreaterThan(45 * 300);
    expect(totals.produced).toBe(totals.pending + totals.delivered + totals.dlq + totals.lost);
  });
});
