import { describe, expect, it } from 'vitest';
import { lateSteps, windowMetricsLine } from '../support/late-steps';
import { Sim, scenarioRun } from '../support/sim-harness';

function paged(): Sim {
  return new Sim(scenarioRun('late-mobile-events', 1), 1).start().waitForPage().ack();
}

// The window operator's vertex id, read from `GET /jobs/<jid>` as a responder would.
function windowVertex(sim: Sim): string {
  const job = JSON.parse(sim.type(lateSteps.readJob[0])) as { vertices: { id: string; name: string }[] };
  const vertex = job.vertices.find((v) => v.name.startsWith('GroupWindowAggregate'));
  if (!vertex) throw new Error(`no window vertex among ${job.vertices.map((v) => v.name).join(', ')}`);
  return vertex.id;
}

describe('late data at the terminal', () => {
  it('reads the watermark and allowed lateness from the Flink job configuration, as the world holds them', () => {
    const sim = paged();
    const config = JSON.parse(sim.type(lateSteps.readConfig[0])) as { 'execution-config': { 'user-config': Record<string, string> } };
    expect(config['execution-config']['user-config']).toEqual({ 'pipeline.watermark-strategy': 'bounded-out-of-orderness(event_ts, 1 min)', 'table.exec.emit.allow-lateness': '10 min', 'late-data.side-output': 'none' });
    sim.typeAll(lateSteps.raiseLateness12h);
    expect(JSON.parse(sim.type(lateSteps.readConfig[0]))['execution-config']['user-config']['table.exec.emit.allow-lateness']).toBe('12 h');
  });

  it('reports the window operator’s dropped late records, summed over subtasks, equal to the world’s count', () => {
    const sim = paged();
    const vertex = windowVertex(sim);
    const listed = JSON.parse(sim.type(windowMetricsLine(vertex, ''))) as { id: string }[];
    expect(listed.map((m) => m.id)).toEqual(['numLateRecordsDropped', 'numRecordsIn', 'numRecordsInPerSecond']);
    const [dropped] = JSON.parse(sim.type(windowMetricsLine(vertex, 'numLateRecordsDropped'))) as { id: string; sum: number; min: number; max: number }[];
    // Printed when the command finished; the world has ticked at most once since.
    const now = sim.state.world.jobs['activity-aggregator']?.lateWindows?.droppedTotal ?? 0;
    expect(dropped?.sum).toBeLessThanOrEqual(now);
    expect(dropped?.sum).toBeGreaterThan(now * 0.99);
    expect(dropped?.sum).toBeGreaterThan(100_000);
    expect(dropped!.min).toBeLessThanOrEqual(dropped!.max);
    expect(sim.type(windowMetricsLine('0'.repeat(32), 'numLateRecordsDropped'))).toContain('not found');
  });

  it('changes allowed lateness through the job environment, and refuses a value the job cannot run with', () => {
    const sim = paged();
    expect(sim.type('kubectl set env deployment/activity-aggregator-taskmanager --list')).toContain('ALLOWED_LATENESS=10min');
    expect(sim.type('kubectl set env deployment/activity-aggregator-taskmanager ALLOWED_LATENESS=soon')).toContain('ALLOWED_LATENESS must be a duration');
    expect(sim.type('kubectl set env deployment/activity-aggregator-taskmanager ALLOWED_LATENESS=30d')).toContain('above 7d');
    expect(sim.type('kubectl set env deployment/raw-events-archiver ALLOWED_LATENESS=1h')).toContain('applies to jobs with event-time windows');
    expect(sim.type('kubectl set env deployment/raw-events-archiver --list')).not.toContain('ALLOWED_LATENESS');
    expect(sim.metric('job.activity-aggregator.allowedLatenessS')).toBe(600);
    sim.typeAll(['kubectl set env deployment/activity-aggregator-taskmanager ALLOWED_LATENESS=90min']);
    expect(sim.metric('job.activity-aggregator.allowedLatenessS')).toBe(5400);
  });

  it('re-aggregates a windowed job’s hours as a bounded backfill that flink lists and can cancel', () => {
    const sim = paged();
    const out = sim.type(lateSteps.reprocessOverwrite[0]);
    const id = /JobID ([0-9a-f]{32})/.exec(out)?.[1] as string;
    expect(sim.metric('job.activity-aggregator.reprocessRemaining')).toBeGreaterThan(1_000_000);
    expect(sim.type('flink list')).toMatch(/: activity-aggregator-backfill \(RUNNING\)$/m);
    expect(sim.type(lateSteps.reprocessAppend[0])).toContain('a backfill is already running');
    expect(sim.type(`flink cancel ${id}`)).toBe(`Cancelling job ${id}.\nCancelled job ${id}.\n`);
    expect(sim.metric('job.activity-aggregator.reprocessRemaining')).toBe(0);
    expect(sim.state.world.jobs['activity-aggregator']?.lateWindows?.reprocess).toBeNull();
  });

  it('labels a model provisional through the project’s dbt operation, and refuses bad arguments plainly', () => {
    const sim = paged();
    expect(sim.metric('table.retention_metrics.provisional')).toBe(0);
    expect(sim.type("dbt run-operation mark_provisional --args '{model: retention_metrics, hours: soon}'")).toContain('hours must be a whole number of hours from 0 to 168');
    expect(sim.type("dbt run-operation mark_provisional --args '{model: nope, hours: 12}'")).toContain("Model 'nope' was not found");
    expect(sim.type("dbt run-operation mark_provisional --args '{hours: 12'")).toContain('must be a YAML dictionary');
    expect(sim.type('dbt run-operation drop_everything')).toContain("dbt could not find a macro with the name 'drop_everything'");
    expect(sim.metric('table.retention_metrics.provisional')).toBe(0);
    expect(sim.type(lateSteps.markProvisional[0])).toContain('the last 12 h of retention_metrics are provisional');
    expect(sim.metric('table.retention_metrics.provisional')).toBe(1);
    sim.type("dbt run-operation mark_provisional --args '{model: retention_metrics, hours: 0}'");
    expect(sim.metric('table.retention_metrics.provisional')).toBe(0);
  });
});
