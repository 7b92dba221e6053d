import { describe, expect, it } from 'vitest';
import { Sim, scenarioRun } from '../support/sim-harness';

function paged(): Sim {
  return new Sim(scenarioRun('avro-schema-break', 1), 1).start().waitForPage().ack();
}

describe('flink', () => {
  it('lists the jobs as the Flink CLI does, with their JobIDs and states', () => {
    const out = paged().type('flink list');
    expect(out).toMatch(/^Waiting for response\.\.\.\n-{18} Running\/Restarting Jobs -{19}\n/);
    expect(out).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d : [0-9a-f]{32} : orders-enricher \((RESTARTING|FAILED|RUNNING)\)$/m);
    expect(out).toContain('No scheduled jobs.');
  });

  it('submits a bounded backfill beside the live job, which the world then runs', () => {
    const sim = paged();
    const out = sim.type('flink run -d -p 12 /opt/flink/usrlib/orders-enricher.jar --backfill-from 06:55 --sink-mode overwrite');
    expect(out).toMatch(/^Job has been submitted with JobID [0-9a-f]{32}\n$/);
    expect(sim.state.world.jobs['orders-enricher']?.backfill?.overwrite).toBe(true);
    expect(sim.metric('job.orders-enricher.backfillRemaining')).toBeGreaterThan(0);
    expect(sim.type('flink list')).toMatch(/: orders-enricher-backfill \(RUNNING\)$/m);
    const id = /JobID ([0-9a-f]{32})/.exec(out)?.[1] as string;
    expect(sim.type(`flink cancel ${id}`)).toBe(`Cancelling job ${id}.\nCancelled job ${id}.\n`);
    expect(sim.state.world.jobs['orders-enricher']?.backfill).toBeNull();
  });

  it('refuses what the CLI refuses, and changes nothing', () => {
    const sim = paged();
    const before = JSON.stringify(sim.state.world.jobs['orders-enricher']);
    expect(sim.type('flink run /opt/flink/usrlib/orders-enricher.jar --backfill-from 06:55')).toContain('submit it detached with -d');
    expect(sim.type('flink run -d /opt/flink/usrlib/payments.jar')).toContain('JAR file does not exist');
    expect(sim.type('flink run -d /opt/flink/usrlib/orders-enricher.jar --from 06:55')).toContain('unknown program argument --from');
    expect(sim.type('flink run -d /opt/flink/usrlib/orders-enricher.jar --backfill-from 23:59')).toContain('is in the future');
    expect(sim.type('flink run -d -p 99 /opt/flink/usrlib/orders-enricher.jar --backfill-from 06:55')).toContain('from 1 to 64');
    expect(sim.type('flink cancel abc')).toContain('is not a 32-character hexadecimal string');
    expect(sim.type('flink frobnicate')).toContain('"frobnicate" is not a valid action.');
    expect(JSON.stringify(sim.state.world.jobs['orders-enricher'])).toBe(before);
  });

  it('has --help and completes its actions, jars and program arguments', () => {
    const sim = paged();
    expect(sim.type('flink --help')).toContain('--backfill-from <datetime>');
  });
});

describe('airflow tasks clear --only-running', () => {
  it('frees the worker slots of a paused DAG’s running tasks, ending its runs failed', () => {
    const sim = paged();
    sim.type('airflow dags pause marketing_attribution');
    const running = () => sim.state.world.dags.marketing_attribution?.runs.filter((r) => r.state === 'running' || r.state === 'queued').length ?? 0;
    const before = running();
    const out = sim.type('airflow tasks clear marketing_attribution --only-running -y');
    if (before === 0) expect(out).toContain('No task instances to clear');
    else {
      expect(out).toContain('the DAG is paused: the runs end failed');
      expect(running()).toBe(0);
    }
  });
});
