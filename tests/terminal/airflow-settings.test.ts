import { describe, expect, it } from 'vitest';
import { completeLine, prepareRun, seedsForVariants } from '../../src/engine';
import { shellNames } from '../../src/engine/terminal/platform';
import { Sim, scenario, scenarioRun } from '../support/sim-harness';

const stale = scenario('stale-revenue-table');

function variantSim(id: string): Sim {
  const seed = seedsForVariants(stale).find((v) => v.variant === id)?.seed ?? 1;
  return new Sim(prepareRun(stale, seed), seed).start().waitForPage();
}

describe('airflow variables', () => {
  it('lists the settings every DAG reads and reads each from the live DAG', () => {
    const sim = new Sim(scenarioRun('dst-repeated-hour'), 1).start();
    const keys = sim.type('airflow variables list').trimEnd().split('\n');
    expect(keys.slice(0, 2)).toEqual(['key', '='.repeat('events_hourly_rollup.schedule_timezone'.length)]);
    expect(keys.slice(2)).toEqual(['dbt_test_events.schedule_timezone', 'dbt_test_events.sensor_mode', 'dbt_test_events.write_mode', 'events_hourly_rollup.schedule_timezone', 'events_hourly_rollup.sensor_mode', 'events_hourly_rollup.write_mode']);
    expect(sim.type('airflow variables get events_hourly_rollup.schedule_timezone')).toBe('local\n');
    expect(sim.type('airflow variables get events_hourly_rollup.write_mode')).toBe('append\n');
    expect(sim.type('airflow variables get events_hourly_rollup.sensor_mode')).toBe('reschedule\n');
    expect(sim.type('airflow variables get nope')).toBe('Variable nope does not exist\n');
  });

  it('switches a DAG to UTC and overwrite, and says so in the DAG run grid', () => {
    const sim = new Sim(scenarioRun('dst-repeated-hour'), 1).start();
    expect(sim.type('airflow variables set events_hourly_rollup.schedule_timezone UTC')).toBe('Variable events_hourly_rollup.schedule_timezone created\n');
    expect(sim.type('airflow variables set events_hourly_rollup.write_mode overwrite')).toBe('Variable events_hourly_rollup.write_mode created\n');
    expect(sim.state.world.dags.events_hourly_rollup).toMatchObject({ timezone: 'UTC', mode: 'overwrite' });
    expect(sim.type('airflow variables get events_hourly_rollup.schedule_timezone')).toBe('UTC\n');
    expect(sim.state.terminal?.at(-2)?.changed).toEqual(['events_hourly_rollup.write_mode = overwrite']);
  });

  it('frees the worker slots that waiting poke sensors hold once they reschedule', () => {
    const sim = variantSim('late-extract').advance(300);
    expect(sim.metric('dag.revenue_mart.pokeSensors')).toBeGreaterThan(0);
    sim.type('airflow variables set revenue_mart.sensor_mode reschedule');
    sim.advance(120);
    expect(sim.metric('dag.revenue_mart.pokeSensors')).toBe(0);
    // Only the DAG whose variable changed: the other finance DAGs' sensors still poke.
    expect(sim.metric('dag.finance_ar_aging.pokeSensors') + sim.metric('dag.invoice_reconciliation.pokeSensors')).toBeGreaterThan(0);
  });

  it('refuses a value the DAG cannot read, and a key no DAG reads, changing nothing', () => {
    const sim = new Sim(scenarioRun('stale-revenue-table'), 1).start();
    const bad = sim.type('airflow variables set revenue_mart.sensor_mode sometimes');
    expect(bad).toContain('revenue_mart accepts poke or reschedule there, not "sometimes"');
    expect(sim.type('airflow variables set revenue_mart.retries 3')).toContain('Variable revenue_mart.retries was not set: no DAG reads it');
    expect(sim.type('airflow variables set revenue_mart.sensor_mode')).toContain('the following arguments are required: key, VALUE');
    expect(sim.type('airflow variables frob')).toContain("invalid choice: 'frob'");
    expect(sim.state.world.dags.revenue_mart?.sensorMode).toBeUndefined();
    expect(sim.state.terminal?.some((e) => e.changed)).toBe(false);
  });

  it('completes the variable keys from the platform’s DAGs', () => {
    const names = shellNames(scenarioRun('dst-repeated-hour'));
    expect(completeLine(names, 'airflow variables set events_hourly_rollup.w').candidates).toEqual(['events_hourly_rollup.write_mode']);
    expect(completeLine(names, 'airflow var').candidates).toEqual(['variables']);
  });
});

describe('airflow pools set', () => {
  it('resizes default_pool, and the new slots go to the tasks that queued first', () => {
    const sim = variantSim('backfill-hogs-slots');
    expect(sim.type('airflow pools set default_pool 12 "Default pool"')).toBe('Pool default_pool created\n');
    sim.advance(60);
    expect(sim.type('airflow pools list')).toMatch(/^default_pool \| 12 +\| Default pool$/m);
    expect(sim.metric('dag.ledger_backfill.runningTasks')).toBe(12);
  });

  it('refuses another pool, a slot count that is not a number, and one past the workers’ capacity', () => {
    const sim = new Sim(scenarioRun('stale-revenue-table'), 1).start();
    expect(sim.type('airflow pools set backfills 4 "Backfills"')).toContain('Pool backfills was not created: every DAG on this platform runs in default_pool');
    expect(sim.type('airflow pools set default_pool many "Default pool"')).toContain("argument slots: invalid int value: 'many'");
    expect(sim.type('airflow pools set default_pool 999 "Default pool"')).toContain('slots must be between 1 and 256');
    expect(sim.type('airflow pools set default_pool 8')).toContain('the following arguments are required: NAME, slots, description');
    expect(sim.state.world.scheduler?.slots).toBe(6);
  });
});

describe('kubectl and the Airflow scheduler', () => {
  it('shows the hung scheduler’s pod Running while its loop has stopped logging, and a restart revives it', () => {
    const sim = variantSim('scheduler-stalled');
    const before = sim.type('kubectl get pods -l app=airflow-scheduler').split('\n')[1] ?? '';
    expect(before).toMatch(/^airflow-scheduler-\S+ +1\/1 +Running +0 +3d$/);
    const logs = sim.type('kubectl logs deployment/airflow-scheduler --since=1h').trimEnd().split('\n');
    expect(logs.at(-1)).toMatch(/^\[2024-10-01T08:(0\d|1[0-4]):00\.\d{3}\+0000\] \{scheduler_job_runner\.py:\d+\} INFO - Adopting or resetting orphaned tasks for active dag runs$/);
    expect(sim.type('airflow jobs check --job-type SchedulerJob')).toBe('No alive jobs found.\n');
    expect(sim.type('kubectl rollout restart deployment/airflow-scheduler')).toBe('deployment.apps/airflow-scheduler restarted\n');
    sim.advance(sim.scenario.clock.tickS);
    expect(sim.type('airflow jobs check --job-type SchedulerJob')).toBe('Found one alive job.\n');
    // The restart replaced the pod: a new name, a young age, and logs that begin at the restart.
    const pod = sim.type('kubectl get pods -l app=airflow-scheduler').split('\n')[1] ?? '';
    expect(pod.split(/\s+/)[0]).not.toBe(before.split(/\s+/)[0]);
    expect(pod.split(/\s+/)[4]).toMatch(/^\d+s$/);
    sim.advance(600);
    const fresh = sim.type('kubectl logs deployment/airflow-scheduler --since=1h').trimEnd().split('\n');
    expect(fresh.length).toBe(2);
    expect(fresh[0]).toMatch(/^\[2024-10-01T08:(3\d|4\d):00\.\d{3}\+0000\]/);
  });

  it('refuses to scale or re-configure the scheduler, pointing at what to do instead', () => {
    const sim = new Sim(scenarioRun('stale-revenue-table'), 1).start();
    expect(sim.type('kubectl scale deployment/airflow-scheduler --replicas=2')).toContain('runs a single replica; use kubectl rollout restart deployment/airflow-scheduler');
    expect(sim.type('kubectl set env deployment/airflow-scheduler FOO=bar')).toContain('pools and variables are set with the airflow CLI');
    expect(sim.type('kubectl set env deployment/airflow-scheduler --list')).toContain('AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC=5');
    expect(sim.type('kubectl get deployments')).toMatch(/^airflow-scheduler +1\/1 +1 +1 /m);
    expect(sim.state.terminal?.some((e) => e.changed)).toBe(false);
  });

  it('has no scheduler deployment on a platform without one', () => {
    const sim = new Sim(scenarioRun('avro-schema-break'), 1).start();
    expect(sim.type('kubectl rollout restart deployment/airflow-scheduler')).toContain('deployments.apps "airflow-scheduler" not found');
    expect(shellNames(scenarioRun('avro-schema-break')).deployments).not.toContain('airflow-scheduler');
  });
});
