import { describe, expect, it } from 'vitest';
import type { ToolOutput } from '../../src/engine';
import { formatJson, parseJsonSegments } from '../../src/ui/console/tools/json-text';
import { countByLevel, filterLogLines, highlight, parseLogLines } from '../../src/ui/console/tools/log-lines';
import { airflowStateTone, diffSign, healthTone, parseCliTable, parseLineage, splitNotes } from '../../src/ui/console/tools/output-text';
import { fillersByTab, resultsByTab } from '../../src/ui/console/tools/tool-tabs';
import { withCatalogueInvestigations } from '../support/avro-steps';
import { Sim, scenarioRun } from '../support/sim-harness';

const avro = withCatalogueInvestigations(scenarioRun('avro-schema-break'));

/** Runs investigations on a paged session and returns what each printed, by kind. */
function outputsAfter(...actions: string[]): Map<string, ToolOutput> {
  const sim = new Sim(avro, 1).start().waitForPage();
  for (const a of actions) sim.complete(a);
  return new Map(sim.state.outputs.map((o) => [o.kind, o]));
}

describe('reading tool output back into structure', () => {
  const out = outputsAfter('describe-consumer-group', 'read-job-logs', 'exec-dag-runs', 'registry-versions', 'lineage', 'schema-diff');

  it('finds the consumer-groups table under the no-active-members line', () => {
    const { lines } = splitNotes(out.get('consumer-groups')?.body ?? '');
    const table = parseCliTable(lines, 'GROUP');
    expect(table?.before).toEqual(["Consumer group 'orders-enricher' has no active members."]);
    expect(table?.header).toEqual(['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID']);
    expect(table?.rows).toHaveLength(12);
    expect(table?.rows.every((r) => r.length === 9 && Number(r[5]) === Number(r[4]) - Number(r[3]))).toBe(true);
  });

  it('gives stack-trace lines the level of the log entry they belong to', () => {
    const lines = parseLogLines(out.get('job-logs')?.body ?? '');
    const cause = lines.find((l) => l.cause);
    expect(cause?.continuation).toBe(true);
    const entry = [...lines.slice(0, cause?.index)].reverse().find((l) => !l.continuation);
    expect(cause?.level).toBe(entry?.level);
    const counts = countByLevel(lines);
    expect(counts.INFO + counts.WARN + counts.ERROR).toBe(lines.length);
    expect(filterLogLines(lines, 'ERROR', '').every((l) => l.level === 'ERROR')).toBe(true);
  });

  it('highlights every case-insensitive occurrence and keeps the rest of the text', () => {
    const segs = highlight('No match for REFUNDED; refunded again', 'refunded');
    expect(segs.filter((s) => s.match).map((s) => s.text)).toEqual(['REFUNDED', 'refunded']);
    expect(segs.map((s) => s.text).join('')).toBe('No match for REFUNDED; refunded again');
  });

  it('reads the DAG grid and its notes, and colours Airflow states by family', () => {
    const { lines, notes } = splitNotes(out.get('dag-runs')?.body ?? '');
    const table = parseCliTable(lines, /^RUN\b/);
    expect(table?.header[0]).toBe('RUN (LOGICAL DATE)');
    expect(table?.rows.length).toBeGreaterThan(0);
    expect(notes.some((n) => n.includes('poking'))).toBe(true);
    expect(['success', 'failed', 'upstream_failed', 'running', 'queued'].map(airflowStateTone)).toEqual(['ok', 'danger', 'warn', 'info', 'neutral']);
  });

  it('splits a REST answer into JSON documents and notes', () => {
    const segs = parseJsonSegments(out.get('registry-versions')?.body ?? '');
    expect(segs.filter((s) => s.type === 'json').map((s) => (s.type === 'json' ? s.value : null))).toEqual([[1, 2, 3, 4, 5, 6, 7, 8], { subject: 'orders-value', version: 8, id: 1042 }]);
    expect(segs.some((s) => s.type === 'note' && /registered \d+ minutes ago/.test(s.text))).toBe(true);
    const printed = formatJson({ compatibilityLevel: 'BACKWARD', versions: [7, 8] }).map((line) => line.map((t) => t.text).join(''));
    expect(printed).toEqual(['{', '  "compatibilityLevel": "BACKWARD",', '  "versions": [7, 8]', '}']);
  });

  it('rebuilds the lineage tree with each node’s health', () => {
    const lines = parseLineage(out.get('lineage')?.body ?? '');
    const nodes = lines.flatMap((l) => (l.type === 'node' ? [l] : []));
    expect(nodes[0]).toMatchObject({ depth: 0, label: 'dashboard exec-revenue' });
    expect(nodes.find((n) => n.label === 'job orders-enricher')?.health).toBe('FAILED');
    expect(nodes.find((n) => n.label === 'job payments-loader')?.health).toBe('RUNNING');
    expect(lines.some((l) => l.type === 'heading' && l.text === 'Other pipelines')).toBe(true);
    expect(['STALE 13m 00s', 'FAILED', 'RUNNING', 'ok', 'lag 0', 'lag 120', '45 rec/s'].map(healthTone)).toEqual(['danger', 'danger', 'ok', 'ok', 'ok', 'warn', 'neutral']);
  });

  it('keeps the diff sign of each schema change', () => {
    const lines = (out.get('schema-diff')?.body ?? '').split('\n');
    expect(lines.map(diffSign)).toContain('add');
    expect(diffSign('- field coupon')).toBe('remove');
    expect(diffSign('~ field amount: string → double')).toBe('change');
  });
});

describe('tool tabs', () => {
  it('groups the outputs of one investigation into one result in its tab', () => {
    const sim = new Sim(avro, 1).start().waitForPage().complete('registry-versions').complete('registry-config');
    const results = resultsByTab(sim.state.outputs).registry;
    expect(results).toHaveLength(2);
    expect(results[0]?.outputs.map((o) => o.kind)).toEqual(['registry-subjects', 'registry-versions']);
  });

  it('lists the actions that fill each tab from their reveal kinds', () => {
    const fillers = fillersByTab(avro.actions);
    expect(fillers.consumers.map((a) => a.id)).toEqual(['describe-consumer-group']);
    expect(fillers.jobs.map((a) => a.id)).toEqual(['read-job-logs', 'job-status', 'dump-failing-record']);
    expect(fillers.runbook.map((a) => a.id)).toContain('read-runbook');
  });
});
