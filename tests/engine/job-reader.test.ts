import { describe, expect, it } from 'vitest';
import { readerOutcome } from '../../src/engine/avro';
import { jobReader } from '../../src/engine/world/job-reader';
import type { Scenario } from '../../src/scenarios/schema';
import { scenarioRun } from '../support/sim-harness';

const decodesAll = { kind: 'decodes', defaulted: [] };

// What a job's reader makes of a writer version, worked out from the schemas each time it is asked.
function fresh(s: Scenario, jobId: string, mode: 'pinned' | 'registry', writerVersion: number): unknown {
  const spec = s.world.jobs.find((j) => j.id === jobId);
  const subject = s.world.subjects.find((x) => x.name === spec?.subject);
  const schemaOf = (v: number) => subject?.versions.find((x) => x.version === v)?.schema;
  const writer = schemaOf(writerVersion);
  const reader = schemaOf(mode === 'pinned' ? (spec?.pinnedVersion ?? -1) : writerVersion);
  return writer && reader ? readerOutcome(reader, writer) : decodesAll;
}

describe("a job's reader", () => {
  it('remembers for each mode and writer version what the schemas say, including versions the subject lacks', () => {
    const s = scenarioRun('avro-schema-break');
    for (const spec of s.world.jobs) {
      const reader = jobReader(s, spec);
      const versions = [...(s.world.subjects.find((x) => x.name === spec.subject)?.versions.map((v) => v.version) ?? []), 0, 99, 5000, -3, 2.5];
      for (const mode of ['pinned', 'registry'] as const) {
        for (const v of versions) {
          const first = reader.outcome(mode, v);
          expect(first, `${spec.id} ${mode} v${v}`).toEqual(fresh(s, spec.id, mode, v));
          expect(reader.outcome(mode, v)).toBe(first);
        }
      }
    }
    // The scenario's pinned reader fails on its newest writer's records, so the two modes differ somewhere.
    const enricher = s.world.jobs.find((j) => j.id === 'orders-enricher');
    expect(enricher).toBeDefined();
    const newest = Math.max(...(s.world.subjects.find((x) => x.name === enricher?.subject)?.versions.map((v) => v.version) ?? []));
    expect(jobReader(s, enricher as NonNullable<typeof enricher>).outcome('pinned', newest).kind).not.toBe('decodes');
    expect(jobReader(s, enricher as NonNullable<typeof enricher>).outcome('registry', newest).kind).toBe('decodes');
  });
});
