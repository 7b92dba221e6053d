import { describe, expect, it } from 'vitest';
import { completeLine, completeSqlLine, playerView, prepareRun, seedsForVariants } from '../../src/engine';
import { shellNames } from '../../src/engine/terminal/platform';
import { Sim, scenario, scenarioRun } from '../support/sim-harness';

const kcg = 'kafka-consumer-groups --bootstrap-server kafka:9092';

function pagedAvro(): Sim {
  return new Sim(scenarioRun('avro-schema-break'), 1).start().waitForPage().ack();
}

describe('kafka-consumer-groups', () => {
  it('describes the group with the live offsets and lag the world holds', () => {
    const sim = pagedAvro();
    const out = sim.type(`${kcg} --describe --group orders-enricher`);
    const job = sim.state.world.jobs['orders-enricher'];
    const rows = out.split('\n').filter((l) => l.startsWith('orders-enricher '));
    expect(rows).toHaveLength(12);
    const [, , partition, current, end, lag] = (rows[3] as string).split(/\s+/);
    expect(partition).toBe('3');
    expect(Number(current)).toBe(job?.committed[3]);
    expect(Number(lag)).toBe(Number(end) - Number(current));
  });

  it('refuses a reset while the group has members, as Kafka does', () => {
    const sim = new Sim(scenarioRun('consumer-lag-storm'), 1).start();
    const out = sim.type(`${kcg} --reset-offsets --group fraud-enricher --all-topics --to-latest --execute`);
    expect(out).toMatch(/Assignments can only be reset if the group 'fraud-enricher' is inactive, but the current state is (Stable|PreparingRebalance)\./);
  });

  it('prints the plan and changes nothing without --execute', () => {
    const sim = pagedAvro();
    const before = [...(sim.state.world.jobs['orders-enricher']?.committed ?? [])];
    const out = sim.type(`${kcg} --reset-offsets --group orders-enricher --topic orders --to-earliest`);
    expect(out).toContain('WARN: No action will be performed as the --execute option is missing');
    expect(out).toMatch(/GROUP +TOPIC +PARTITION +NEW-OFFSET/);
    expect(sim.state.world.jobs['orders-enricher']?.committed).toEqual(before);
  });

  it('loses the backlog when a stopped group is reset to latest', () => {
    const sim = pagedAvro();
    sim.type('kubectl scale deployment/orders-enricher-taskmanager --replicas=0');
    expect(sim.state.world.jobs['orders-enricher']?.status).toBe('STOPPED');
    const lostBefore = sim.metric('records.lost');
    const out = sim.type(`${kcg} --reset-offsets --group orders-enricher --topic orders --to-latest --execute`);
    expect(out).toMatch(/orders-enricher +orders +0 +\d+/);
    sim.advance(60);
    expect(sim.metric('records.lost')).toBeGreaterThan(lostBefore + 1000);
    expect(sim.state.timeline.some((e) => e.text.includes('reset (--to-latest)'))).toBe(true);
  });

  it('rewinds only the partitions named in --topic t:0,1 by --shift-by', () => {
    const sim = pagedAvro();
    sim.type('kubectl scale deployment/orders-enricher-taskmanager --replicas=0');
    const before = [...(sim.state.world.jobs['orders-enricher']?.committed ?? [])];
    sim.type(`${kcg} --reset-offsets --group orders-enricher --topic orders:0,1 --shift-by -500 --execute`);
    const after = sim.state.world.jobs['orders-enricher']?.committed ?? [];
    expect(after[0]).toBe((before[0] as number) - 500);
    expect(after[1]).toBe((before[1] as number) - 500);
    expect(after.slice(2)).toEqual(before.slice(2));
  });

  it.each([
    [`${kcg} --describe --group nope`, "Consumer group 'nope' does not exist."],
    [`${kcg} --descibe`, 'descibe is not a recognized option'],
    ['kafka-consumer-groups --describe --group x', 'Missing required argument "[bootstrap-server]"'],
    [`${kcg} --reset-offsets --group orders-enricher --to-latest`, 'takes one of these options: [all-topics, topic]'],
    [`${kcg} --list --describe`, 'exactly one action'],
    ['kafka-consumer-groups --bootstrap-server localhost:9092 --list', 'Broker may not be available'],
  ])('answers %j with the tool’s own error', (line, error) => {
    expect(pagedAvro().type(line)).toContain(error);
  });
});

describe('kubectl', () => {
  it('switches the job to a dead-letter queue through its environment, and the pods roll', () => {
    const sim = pagedAvro();
    expect(sim.type('kubectl set env deployment/orders-enricher-taskmanager --list')).toContain('ERRORS_TOLERANCE=none');
    const out = sim.type('kubectl set env deployment/orders-enricher-taskmanager ERRORS_TOLERANCE=all ERRORS_DEADLETTERQUEUE_TOPIC_NAME=orders-enricher-dlq');
    expect(out).toBe('deployment.apps/orders-enricher-taskmanager env updated\n');
    const job = sim.state.world.jobs['orders-enricher'];
    expect(job?.onError).toBe('dlq');
    expect(job?.status).toBe('RUNNING');
    expect(sim.type('kubectl set env deployment/orders-enricher --list')).toContain('ERRORS_DEADLETTERQUEUE_TOPIC_NAME=orders-enricher-dlq');
  });

  it('switches the reader to registry lookup', () => {
    const sim = pagedAvro();
    sim.type('kubectl set env deployment/orders-enricher-taskmanager READER_SCHEMA_MODE=registry');
    expect(sim.state.world.jobs['orders-enricher']?.readerMode).toBe('registry');
  });

  it('has the admission webhook refuse a value the job cannot run with, changing nothing', () => {
    const sim = pagedAvro();
    const out = sim.type('kubectl set env deployment/orders-enricher-taskmanager READER_SCHEMA_MODE=latest');
    expect(out).toContain('denied the request: READER_SCHEMA_MODE must be one of: pinned, registry');
    expect(sim.state.world.jobs['orders-enricher']?.readerMode).toBe('pinned');
    expect(sim.type('kubectl set env deployment/orders-enricher-taskmanager FOO=1')).toContain('unknown setting FOO');
  });

  it('prints the job log as log4j does, filtered by --since and --tail', () => {
    const sim = pagedAvro();
    const all = sim.type('kubectl logs deploy/orders-enricher-taskmanager').trimEnd().split('\n');
    const tail = sim.type('kubectl logs deploy/orders-enricher-taskmanager --tail=5').trimEnd().split('\n');
    expect(tail).toHaveLength(5);
    expect(all.slice(-5)).toEqual(tail);
    for (const line of all.filter((l) => /^\d{4}-/.test(l))) expect(line).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (INFO |WARN |ERROR) /);
    expect(sim.type('kubectl logs deploy/orders-enricher --since=banana')).toContain('invalid argument "banana" for "--since" flag');
  });

  it('stamps log lines the same in every view, never backwards within a second', () => {
    const sim = pagedAvro();
    const lines = sim.type('kubectl logs deploy/orders-enricher-taskmanager').split('\n').filter((l) => /^\d{4}-/.test(l));
    const stamps = lines.map((l) => l.slice(0, 23));
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! >= stamps[i - 1]!).toBe(true);
    const grepped = sim.type('kubectl logs deploy/orders-enricher-taskmanager | grep ERROR').split('\n').filter(Boolean);
    for (const line of grepped) expect(lines).toContain(line);
  });

  it.each([
    ['kubectl get pods -n checkout', 'cannot list resource "pods" in API group "" in the namespace "checkout"'],
    ['kubectl logs deploy/nope', 'deployments.apps "nope" not found'],
    ['kubectl scale deployment/orders-enricher-taskmanager', 'required flag(s) "replicas" not set'],
    ['kubectl frob', 'unknown command "frob" for "kubectl"'],
    ['kubectl get pods --watch', 'unknown flag: --watch'],
  ])('answers %j with kubectl’s own error', (line, error) => {
    expect(pagedAvro().type(line)).toContain(error);
  });
});

describe('curl against the platform’s REST APIs', () => {
  it('lists Flink jobs by id and returns a job’s state, with jq picking only what it asks for', () => {
    const sim = pagedAvro();
    const jobs = JSON.parse(sim.type('curl -s http://flink-jobmanager:8081/jobs')) as { jobs: { id: string; status: string }[] };
    expect(jobs.jobs).toHaveLength(1);
    const id = jobs.jobs[0]?.id as string;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const picked = JSON.parse(sim.type(`curl -s http://flink-jobmanager:8081/jobs/${id} | jq '{name, state}'`));
    expect(picked).toEqual({ name: 'orders-enricher', state: sim.state.world.jobs['orders-enricher']?.status });
    expect(sim.type(`curl -s http://flink-jobmanager:8081/jobs/${id}/exceptions | jq -r '."root-exception"'`)).toContain('No match for REFUNDED');
    expect(sim.type(`curl -s "http://flink-jobmanager:8081/jobs/${id}/metrics?get=numRestarts"`)).toBe(`[{"id":"numRestarts","value":"${sim.state.world.jobs['orders-enricher']?.numRestarts}"}]\n`);
  });

  it('answers unknown hosts and bad paths as curl and Flink do', () => {
    const sim = pagedAvro();
    expect(sim.type('curl http://nowhere:1234/')).toContain('curl: (6) Could not resolve host: nowhere');
    expect(sim.type('curl -s http://flink-jobmanager:8081/jobs/orders-enricher')).toContain('Cannot parse job id');
    expect(sim.type('curl -sf http://flink-jobmanager:8081/nope')).toBe('');
    expect(sim.type('curl --frob http://x')).toContain('curl: option --frob: is unknown');
  });
});

describe('airflow, dbt, flagctl and lineage', () => {
  it('lists DAG runs as the Airflow 2 CLI table and pauses a DAG', () => {
    const sim = new Sim(scenarioRun('stale-revenue-table'), 1).start();
    const runs = sim.type('airflow dags list-runs -d revenue_mart');
    expect(runs.split('\n')[0]).toMatch(/^dag_id +\| run_id +\| state +\| execution_date +\| start_date +\| end_date$/);
    expect(runs.split('\n')[1]).toMatch(/^=+\+=+/);
    sim.type('airflow dags pause marketing_spend_daily');
    expect(sim.state.world.dags.marketing_spend_daily?.paused).toBe(true);
    expect(sim.type('airflow dags pause nope')).toContain('Dag id nope not found');
    expect(sim.type('airflow dags frob')).toContain("invalid choice: 'frob'");
  });

  it('reads dbt source freshness and tests from the live tables', () => {
    const sim = new Sim(scenarioRun('stale-revenue-table'), 1).start().advance(1800);
    expect(sim.type('dbt source freshness')).toMatch(/freshness of raw\.billing_invoices/);
    expect(sim.type('dbt test --select nope')).toContain("The selection criterion 'nope' does not match any enabled nodes");
  });

  it('switches a feature flag', () => {
    const sim = pagedAvro();
    expect(sim.type('flagctl get orders-enricher-registry-lookup')).toContain('orders-enricher-registry-lookup: off');
    sim.type('flagctl set orders-enricher-registry-lookup on');
    expect(sim.state.world.flags['orders-enricher-registry-lookup']).toBe(true);
    expect(sim.type('flagctl set nope on')).toContain('flag "nope" not found');
  });

  it('shows a dashboard’s lineage', () => {
    const sim = pagedAvro();
    const board = sim.scenario.world.dashboards[0]?.id as string;
    expect(sim.type(`lineage upstream dashboard:${board}`)).toContain(`Upstream of dashboard ${board}`);
  });
});

describe('every tool explains itself', () => {
  it.each(['kafka-consumer-groups --help', 'kafka-topics --help', 'kubectl --help', 'curl --help', 'airflow --help', 'dbt --help', 'flagctl --help', 'lineage --help'])('%s prints usage', (line) => {
    expect(pagedAvro().type(line)).toMatch(/usage|Usage|Option|Commands/);
  });
});

describe('completion offers the platform’s names, never the answer', () => {
  const names = shellNames(scenarioRun('avro-schema-break'));

  it('completes tools, subcommands, flags and entity names, sorted', () => {
    expect(completeLine(names, 'kafka-con')).toMatchObject({ candidates: ['kafka-consumer-groups'], common: 'kafka-consumer-groups' });
    expect(completeLine(names, 'kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group ').candidates).toEqual(['connect-payments-loader', 'orders-enricher']);
    expect(completeLine(names, 'kafka-consumer-groups --res').candidates).toEqual(['--reset-offsets']);
    expect(completeLine(names, 'kubectl logs deploy/orders').candidates).toEqual(['deploy/orders-enricher-jobmanager', 'deploy/orders-enricher-taskmanager']);
    expect(completeLine(names, 'nosuch --x').candidates).toEqual([]);
  });

  it('offers the same names for every root-cause variant and level of a scenario', () => {
    for (const id of ['stale-revenue-table', 'double-counted-revenue', 'cdc-column-rename']) {
      const base = scenario(id);
      const sets = seedsForVariants(base).flatMap(({ seed }) => (['easy', 'normal', 'hard'] as const).map((level) => JSON.stringify(shellNames(prepareRun(base, seed, level)))));
      expect(new Set(sets).size, id).toBe(1);
    }
  });

  it('reaches the browser through the player view', () => {
    const s = scenarioRun('avro-schema-break');
    expect(playerView(s, new Sim(s).state).scenario.shellNames).toEqual(names);
  });
});

describe('completion at the SQL prompt', () => {
  it('completes a table after FROM and keywords in the case the player types', () => {
    const names = playerView(scenarioRun('avro-schema-break'), new Sim(scenarioRun('avro-schema-break')).state).scenario.sqlNames;
    expect(completeSqlLine(names, 'SELECT count(*) FROM orders_f')).toEqual({ from: 'SELECT count(*) FROM '.length, candidates: ['orders_fact'], common: 'orders_fact' });
    expect(completeSqlLine(names, 'sel').candidates).toContain('select');
    expect(completeSqlLine(names, 'SELECT count(*) FROM nothing_').candidates).toEqual([]);
  });
});
