import { describe, expect, it } from 'vitest';
import { prepareRun, type JobState } from '../../src/engine';
import { consumerGroupOutput } from '../../src/engine/reveal/kafka-output';
import { Sim, scenario } from '../support/sim-harness';
import { stormSteps } from '../support/kafka-steps';

const storm = prepareRun(scenario('consumer-lag-storm'), 1, 'normal');
const job = 'fraud-enricher';

function enricher(sim: Sim): JobState {
  const found = sim.state.world.jobs[job];
  if (!found) throw new Error(`${job} is missing from the world`);
  return found;
}

/** A session at the page, with the storm running. */
function paged(): Sim {
  return new Sim(storm, 1).start().waitForPage().ack();
}

function logText(sim: Sim): string {
  return enricher(sim)
    .logs.map((l) => l.text)
    .join('\n');
}

describe('poll loop and rebalance storm', () => {
  it('evicts members and rebalances again and again while hung calls make batches outlive max.poll.interval.ms', () => {
    const sim = paged();
    const before = sim.metric(`job.${job}.rebalances`);
    sim.advance(1200);
    expect(sim.metric(`job.${job}.rebalances`)).toBeGreaterThan(before + 1);
    expect(sim.metric(`job.${job}.commitFailures`)).toBeGreaterThanOrEqual(sim.metric(`job.${job}.rebalances`));
    expect(sim.metric(`job.${job}.pollLoopS`)).toBeGreaterThan(300);
    const logs = logText(sim);
    expect(logs).toContain('consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms');
    expect(logs).toContain('CommitFailedException: Commit cannot be completed since the group has already rebalanced');
  });

  it('lets the lag saw-tooth upward: it drops when revoked members commit, but grows overall', () => {
    const sim = paged();
    const lags: number[] = [];
    for (let i = 0; i < 120; i++) {
      sim.advance(storm.clock.tickS);
      lags.push(sim.metric(`job.${job}.lag`));
    }
    const drops = lags.slice(1).filter((lag, i) => lag < (lags[i] as number)).length;
    expect(drops).toBeGreaterThan(0);
    expect(lags[lags.length - 1]).toBeGreaterThan(lags[0] as number);
  });

  it('writes the batches of failed commits twice into an appending sink, and the accounting still balances', () => {
    const sim = paged().advance(900);
    expect(sim.metric(`table.payments_scored.duplicates`)).toBeGreaterThan(0);
    expect(sim.metric('records.lost')).toBe(0);
    sim.expectBalanced();
  });

  it('stops the storm once the sink call is bounded: batches fit the interval and the lag drains', () => {
    const sim = paged().typeAll(stormSteps.boundCall).advance(120);
    const failures = sim.metric(`job.${job}.commitFailures`);
    sim.advance(1200);
    expect(sim.metric(`job.${job}.commitFailures`)).toBe(failures);
    expect(sim.metric(`job.${job}.pollLoopS`)).toBeLessThan(60);
    expect(sim.metric(`job.${job}.lag`)).toBeLessThan(5000);
  });

  it('only band-aids the storm when max.poll.interval.ms is raised: evictions stop but the lag keeps growing', () => {
    const sim = paged().typeAll(stormSteps.raisePollInterval).advance(60);
    const failures = sim.metric(`job.${job}.commitFailures`);
    const lag = sim.metric(`job.${job}.lag`);
    sim.advance(1200);
    expect(sim.metric(`job.${job}.commitFailures`)).toBe(failures);
    expect(sim.metric(`job.${job}.lag`)).toBeGreaterThan(lag);
  });

  it('leaves members past the partition count without partitions', () => {
    const sim = paged().typeAll(stormSteps.boundCall).typeAll(stormSteps.scale(24)).advance(60);
    const body = consumerGroupOutput(storm, sim.state, job).body;
    const idle = body.split('\n').filter((line) => /^fraud-enricher\s+-\s+-\s+-/.test(line));
    expect(idle).toHaveLength(12);
    expect(sim.metric(`job.${job}.instances`)).toBe(24);
  });

  it('prints the rebalancing warning while the group is rebalancing', () => {
    const sim = paged();
    while (sim.state.t < storm.clock.endS && (enricher(sim).poll?.rebalanceUntil ?? null) === null) sim.advance(storm.clock.tickS);
    sim.advance(storm.clock.tickS);
    expect(consumerGroupOutput(storm, sim.state, job).body).toContain("Warning: Consumer group 'fraud-enricher' is rebalancing.");
    expect(sim.metric(`job.${job}.consumeRate`)).toBe(0);
  });

  it('adds no duplicates on re-delivery once the sink MERGEs on the event id', () => {
    const sim = paged().typeAll(stormSteps.merge);
    const duplicates = sim.metric('table.payments_scored.duplicates');
    sim.typeAll(stormSteps.restart).advance(900);
    expect(sim.metric(`job.${job}.rebalances`)).toBeGreaterThan(0);
    expect(sim.metric('table.payments_scored.duplicates')).toBeLessThanOrEqual(duplicates);
  });

  it('re-delivers in-flight batches as duplicates when an appending consumer restarts', () => {
    const sim = paged().advance(200);
    const duplicates = sim.metric('table.payments_scored.duplicates');
    sim.typeAll(stormSteps.restart).advance(200);
    expect(sim.metric('table.payments_scored.duplicates')).toBeGreaterThan(duplicates);
  });

  it('still fails on a record the reader cannot decode when the job has a poll loop and onError fail', () => {
    const avro = scenario('avro-schema-break');
    const withPoll = { ...avro, world: { ...avro.world, jobs: avro.world.jobs.map((j) => (j.id === 'orders-enricher' ? { ...j, poll: {} } : j)) } };
    const sim = new Sim(withPoll, 1).start().waitForPage();
    const enricherJob = sim.state.world.jobs['orders-enricher'];
    expect(enricherJob?.poll).toBeDefined();
    expect(enricherJob?.status).not.toBe('RUNNING');
    expect(enricherJob?.lastFailure?.error).toContain('No match for REFUNDED');
    expect(sim.metric('records.lost')).toBe(0);
    expect(sim.metric('records.dlq')).toBe(0);
  });

  it('keeps a job without a poll loop on the plain path, with no poll metrics', () => {
    const avro = new Sim(scenario('avro-schema-break'), 1).start().advance(600);
    expect(avro.state.world.jobs['orders-enricher']?.poll).toBeUndefined();
    expect(avro.state.metrics['job.orders-enricher.rebalances']).toBeUndefined();
  });
});
