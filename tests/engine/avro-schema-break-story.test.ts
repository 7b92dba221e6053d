import { describe, expect, it } from 'vitest';
import { readerOutcome } from '../../src/engine';
import { accountJob } from '../../src/engine/world/accounting';
import { jobReader } from '../../src/engine/world/job-reader';
import { Sim, scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const schemaOf = (version: number) => s.world.subjects.find((x) => x.name === 'orders-value')?.versions.find((v) => v.version === version)?.schema ?? {};

describe('the avro-schema-break story, as Avro decides it', () => {
  it('a v7 reader cannot read v8’s REFUNDED, and reads every other v8 record', () => {
    expect(readerOutcome(schemaOf(7), schemaOf(8))).toEqual({
      kind: 'fails-some',
      failures: [{ error: 'org.apache.avro.AvroTypeException: No match for REFUNDED', when: 'status = REFUNDED' }],
      defaulted: [],
    });
    expect(readerOutcome(schemaOf(8), schemaOf(8)).kind).toBe('decodes');
  });

  it('the job logs the resolver’s error for the first REFUNDED record it meets', () => {
    const sim = new Sim(s, 1).start().waitForPage();
    const job = sim.state.world.jobs['orders-enricher'];
    expect(job?.lastFailure?.error).toBe('org.apache.avro.AvroTypeException: No match for REFUNDED');
    expect(job?.logs.some((l) => l.text === 'Caused by: org.apache.avro.AvroTypeException: No match for REFUNDED')).toBe(true);
    expect(job?.logs.some((l) => l.text.includes('Error deserializing Avro message for id 1042'))).toBe(true);
  });

  it('the pinned reader loses channel, moved into context, while a registry-lookup reader keeps it', () => {
    const sim = new Sim(s, 1).start().waitForPage();
    const pinned = accountJob(s, sim.state, 'orders-enricher');
    // v8 records since the 06:58 deploy are most of what was delivered; 64% of them carry channel only in context.
    expect(pinned.nulls.channel ?? 0).toBeGreaterThan(0.4 * pinned.delivered);
    const spec = s.world.jobs.find((j) => j.id === 'orders-enricher');
    if (!spec) throw new Error('no orders-enricher');
    expect(jobReader(s, spec).keepsPath('pinned', 8, 'context.channel')).toBe(false);
    expect(jobReader(s, spec).keepsPath('registry', 8, 'context.channel')).toBe(true);
  });
});
