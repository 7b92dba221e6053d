import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadScenario } from '../../src/scenarios/load-scenario';

interface Doc {
  world: { jobs: Record<string, unknown>[]; tables: Record<string, unknown>[] };
  actions: Record<string, unknown>[];
}

function load(file: string, mutate: (doc: Doc) => void) {
  const doc = parse(readFileSync(`src/scenarios/${file}`, 'utf8')) as Doc;
  mutate(doc);
  return loadScenario(stringify(doc));
}

describe('late-data and layout references', () => {
  it('accepts the built-in scenarios that use them', () => {
    expect(load('late-mobile-events.yaml', () => {}).ok).toBe(true);
    expect(load('small-files-cost.yaml', () => {}).ok).toBe(true);
  });

  it('reports a reprocess or lateness change on a job without event-time windows', () => {
    const result = load('late-mobile-events.yaml', (doc) => {
      delete doc.world.jobs[0]?.allowedLatenessS;
      // The built-in incident is worked by typing; an authored procedure may still name these.
      doc.actions.push({
        id: 'reprocess-from-raw',
        label: 'Reprocess from raw',
        category: 'mitigate',
        durationS: 60,
        effects: [{ op: 'job.reprocess', job: 'activity-aggregator', atS: -3600, ratePerSec: 1000, overwrite: true }],
        verdict: { kind: 'neutral', why: 'fixture' },
      });
      doc.actions.push({ id: 'late-profile', label: 'Late profile', category: 'investigate', durationS: 60, reveals: [{ kind: 'late-events', job: 'activity-aggregator' }], verdict: { kind: 'neutral', why: 'fixture' } });
    });
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^actions\.\d+\.effects\.0\.job: needs job "activity-aggregator" to declare allowedLatenessS/));
    expect(messages).toContainEqual(expect.stringMatching(/^actions\.\d+\.reveals\.0\.job: needs job "activity-aggregator" to declare allowedLatenessS/));
  });

  it('reports a partition key column the table does not have', () => {
    const result = load('small-files-cost.yaml', (doc) => {
      (doc.world.tables[0]?.layout as Record<string, unknown>).keyColumn = 'tenant';
    });
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`)).toContain('world.tables.0.layout.keyColumn: "tenant" is not one of the table\'s columns (event_id, tenant_id, user_id, url)');
  });

  it('reports compaction, layout changes and file listings on a table without a layout', () => {
    const result = load('small-files-cost.yaml', (doc) => {
      delete doc.world.tables[0]?.layout;
      // The built-in incident is worked by typing; an authored procedure may still name these.
      doc.actions.push({ id: 'files', label: 'Files', category: 'investigate', durationS: 60, reveals: [{ kind: 'table-files', table: 'page_events' }], verdict: { kind: 'neutral', why: 'fixture' } });
    });
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain('faults.0.effects.0.table: needs table "page_events" to declare a layout');
    expect(messages).toContain('faults.0.effects.1.commitIntervalS: needs table "page_events" to declare a layout');
    expect(messages).toContainEqual(expect.stringMatching(/^actions\.\d+\.reveals\.0\.table: needs table "page_events" to declare a layout/));
  });
});
