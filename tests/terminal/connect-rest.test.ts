import { describe, expect, it } from 'vitest';
import type { JobState } from '../../src/engine/state';
import { Sim, scenarioRun } from '../support/sim-harness';

const connect = 'http://kafka-connect:8083/connectors';

function paged(): Sim {
  return new Sim(scenarioRun('cdc-column-rename', 1), 1).start().waitForPage().ack();
}

const sink = (sim: Sim) => sim.state.world.jobs['customers-lake-sink'] as JobState;

// What a connector's configuration can change: the jobs' settings and what the producers write (time moves the rest).
const settings = (sim: Sim) =>
  JSON.stringify([
    Object.values(sim.state.world.jobs).map((j) => [j.status, j.instances, j.onError, j.readerMode, j.numRestarts]),
    Object.values(sim.state.world.producers).map((p) => [p.writerVersion, p.nullColumns, p.poisonEvery]),
  ]);

describe('curl against the Kafka Connect REST API', () => {
  it('lists the Debezium source connectors beside the sink connectors, sorted', () => {
    expect(paged().type(`curl -s ${connect}`)).toBe('["customers-lake-sink","pg-customers","pg-orders"]\n');
  });

  it('reports a source connector as RUNNING with one task, and its declared configuration', () => {
    const sim = paged();
    expect(JSON.parse(sim.type(`curl -s ${connect}/pg-orders/status`))).toEqual({
      name: 'pg-orders',
      connector: { state: 'RUNNING', worker_id: 'kafka-connect-0:8083' },
      tasks: [{ id: 0, state: 'RUNNING', worker_id: 'kafka-connect-1:8083' }],
      type: 'source',
    });
    const config = JSON.parse(sim.type(`curl -s ${connect}/pg-orders/config`)) as Record<string, string>;
    expect(config['connector.class']).toBe('io.debezium.connector.postgresql.PostgresConnector');
    expect(config['table.include.list']).toBe('public.orders');
    expect(config.name).toBe('pg-orders');
    expect(sim.type(`curl -s ${connect}/pg-orders | jq -r .type`)).toBe('source\n');
  });

  it('answers a sink connector from its job: tasks per instance, error handling as the job runs it', () => {
    const sim = paged();
    const status = JSON.parse(sim.type(`curl -s ${connect}/customers-lake-sink/status`)) as { tasks: { state: string }[]; type: string };
    expect(status.type).toBe('sink');
    expect(status.tasks).toHaveLength(sink(sim).instances);
    expect(status.tasks.every((t) => t.state === 'RUNNING')).toBe(true);
    expect(JSON.parse(sim.type(`curl -s ${connect}/customers-lake-sink/config`))['errors.tolerance']).toBe('none');
  });

  it('restarts only the failed tasks of a sink when asked to, which starts its job again', () => {
    const sim = paged();
    sink(sim).status = 'FAILED';
    const failed = JSON.parse(sim.type(`curl -s ${connect}/customers-lake-sink/status`)) as { tasks: { state: string }[] };
    expect(failed.tasks.every((t) => t.state === 'FAILED')).toBe(true);
    expect(sim.type(`curl -s -X POST ${connect}/customers-lake-sink/restart`)).toBe('');
    expect(sink(sim).status).toBe('FAILED');
    const answer = sim.type(`curl -s -i -X POST '${connect}/customers-lake-sink/restart?includeTasks=true&onlyFailed=true'`);
    expect(answer).toMatch(/^HTTP\/1\.1 202 Accepted\r\n/);
    expect(answer).toContain('"state":"RESTARTING"');
    expect(sink(sim).status).toBe('RUNNING');
    expect(sim.state.terminal?.at(-1)?.changed).toEqual([`Kafka Connect: POST /connectors/customers-lake-sink/restart?includeTasks=true&onlyFailed=true`]);
    // Running tasks are left alone when only failed ones are asked for.
    expect(sim.type(`curl -s -X POST '${connect}/customers-lake-sink/restart?includeTasks=true&onlyFailed=true'`)).not.toContain('RESTARTING');
    expect(sim.state.terminal?.at(-1)?.changed).toBeUndefined();
  });

  it('restarts a source connector without touching the records it streams', () => {
    const sim = paged();
    const before = settings(sim);
    expect(sim.type(`curl -s -X POST '${connect}/pg-orders/restart?includeTasks=true'`)).toContain('"state":"RESTARTING"');
    expect(sim.state.terminal?.at(-1)?.changed).toBeUndefined();
    expect(settings(sim)).toBe(before);
  });

  it('changes a sink connector’s error handling and task count with PUT /config, and restarts its tasks', () => {
    const sim = paged();
    const config = JSON.parse(sim.type(`curl -s ${connect}/customers-lake-sink/config`)) as Record<string, string>;
    const next = { ...config, 'tasks.max': '2', 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': 'customers-lake-sink-dlq' };
    const out = sim.type(`curl -s -X PUT -H 'Content-Type: application/json' ${connect}/customers-lake-sink/config -d '${JSON.stringify(next)}'`);
    expect(JSON.parse(out)).toMatchObject({ name: 'customers-lake-sink', type: 'sink' });
    expect(sink(sim).instances).toBe(2);
    expect(sink(sim).onError).toBe('dlq');
    expect(JSON.parse(sim.type(`curl -s ${connect}/customers-lake-sink/config`))['errors.deadletterqueue.topic.name']).toBe('customers-lake-sink-dlq');
  });

  it('refuses a configuration it cannot take, as Connect does, and changes nothing', () => {
    const sim = paged();
    const before = settings(sim);
    const config = JSON.parse(sim.type(`curl -s ${connect}/pg-orders/config`)) as Record<string, string>;
    const renamed = sim.type(`curl -s -X PUT ${connect}/pg-orders/config -d '${JSON.stringify({ ...config, 'table.include.list': 'public.orders,public.refunds' })}'`);
    expect(JSON.parse(renamed)).toMatchObject({ error_code: 400 });
    expect(renamed).toContain('Connector configuration is invalid and contains the following 1 error(s)');
    expect(sim.type(`curl -s -X PUT ${connect}/pg-orders/config -d '{"name":"other","connector.class":"x"}'`)).toContain("doesn't match connector name in the URL");
    expect(sim.type(`curl -s -X PUT ${connect}/customers-lake-sink/config -d '{"tasks.max":"2"}'`)).toContain('Missing required configuration \\"connector.class\\"');
    expect(sim.type(`curl -s -X PUT ${connect}/customers-lake-sink/config -d 'not json'`)).toContain('"error_code":500');
    expect(sim.type(`curl -s ${connect}/pg-payments/status`)).toBe('{"error_code":404,"message":"Connector pg-payments not found"}\n');
    expect(sim.type(`curl -s -X DELETE ${connect}/pg-orders`)).toContain('"error_code":405');
    expect(sim.type(`curl -sf ${connect}/pg-orders/offsets/x`)).toBe('');
    expect(settings(sim)).toBe(before);
    expect(sim.state.terminal?.flatMap((e) => e.changed ?? [])).toEqual([]);
  });
});
