import { describe, expect, it } from 'vitest';
import type { JobState } from '../../src/engine';
import { avroSteps } from '../support/avro-steps';
import { Sim, scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const tickS = s.clock.tickS;
const channelBaseline = s.world.tables.find((t) => t.id === 'orders_fact')?.nullBaseline.channel ?? Number.NaN;

/** A session where the player has just acknowledged the freshness page. */
function paged(): Sim {
  return new Sim(s, 1).start().waitForPage().ack();
}

function enricher(sim: Sim): JobState {
  const job = sim.state.world.jobs['orders-enricher'];
  if (!job) throw new Error('orders-enricher is missing from the world');
  return job;
}

/** Advances tick by tick for `seconds`, returning the value of `key` at every tick. */
function watch(sim: Sim, key: string, seconds: number): number[] {
  const values: number[] = [];
  for (let t = 0; t < seconds; t += tickS) values.push(sim.advance(tickS).metric(key));
  return values;
}

describe('mitigations typed at the blank-dashboard incident', () => {
  it('keeps crash-looping when the job is merely restarted', () => {
    const sim = paged();
    const restartsBefore = sim.metric('job.orders-enricher.restarts');
    sim.typeAll(avroSteps.restart);
    expect(watch(sim, 'job.orders-enricher.running', 120)).not.toContain(1);
    expect(sim.metric('job.orders-enricher.restarts')).toBeGreaterThan(restartsBefore);
    sim.advance(600);
    expect(sim.metric('job.orders-enricher.restarts')).toBe(restartsBefore + 10);
    expect(enricher(sim).status).toBe('FAILED');
    expect(enricher(sim).lastFailure?.error).toContain('No match for REFUNDED');
  });

  it('loses the backlog when offsets are reset to latest', () => {
    const sim = paged();
    const backlog = sim.metric('job.orders-enricher.lag');
    expect(sim.metric('records.lost')).toBe(0);
    sim.typeAll(avroSteps.resetToLatest);
    sim.advance(2 * tickS);
    expect(sim.metric('records.lost')).toBeGreaterThan(0.9 * backlog);
    expect(sim.metric('job.orders-enricher.lag')).toBeLessThan(0.5 * backlog);
    // The pinned reader meets the next REFUNDED record and the crash loop resumes.
    const restarts = sim.metric('job.orders-enricher.restarts');
    sim.advance(300);
    expect(sim.metric('job.orders-enricher.restarts')).toBeGreaterThan(restarts);
  });

  it('drops undecodable records for good when told to skip them', () => {
    const sim = paged().typeAll(avroSteps.skipBadRecords);
    expect(sim.metric('job.orders-enricher.running')).toBe(1);
    const lostEarly = sim.metric('records.lost');
    sim.advance(600);
    expect(sim.metric('job.orders-enricher.running')).toBe(1);
    expect(sim.metric('records.lost')).toBeGreaterThan(lostEarly);
    expect(sim.metric('records.lost')).toBeGreaterThan(0);
    expect(sim.metric('records.dlq')).toBe(0);
    expect(sim.metric('job.orders-enricher.lag')).toBeLessThan(5000);
  });

  it('parks undecodable records in the dead-letter queue without losing any', () => {
    const sim = paged().typeAll(avroSteps.enableDlq).advance(600);
    expect(sim.metric('job.orders-enricher.running')).toBe(1);
    expect(sim.metric('records.dlq')).toBeGreaterThan(0);
    expect(sim.metric('job.orders-enricher.dlqDepth')).toBe(sim.metric('records.dlq'));
    expect(sim.metric('records.lost')).toBe(0);
    expect(sim.metric('job.orders-enricher.lag')).toBeLessThan(5000);
  });

  it('decodes REFUNDED records once the reader resolves writer schemas from the registry', () => {
    const sim = paged().typeAll(avroSteps.registryLookup);
    expect(sim.metric('flag.orders-enricher-registry-lookup.on')).toBe(1);
    expect(sim.metric('job.orders-enricher.readerRegistry')).toBe(1);
    const dlq = watch(sim, 'records.dlq', 600);
    expect(dlq.every((n) => n === 0)).toBe(true);
    expect(sim.metric('job.orders-enricher.running')).toBe(1);
    expect(sim.metric('records.lost')).toBe(0);
    expect(sim.metric('job.orders-enricher.lag')).toBeLessThan(5000);
    expect(enricher(sim).readerMode).toBe('registry');
  });

  it('repairs the gap without duplicates when replaying from before the deploy with overwrite', () => {
    const sim = paged().typeAll(avroSteps.enableDlq).typeAll(avroSteps.registryLookup).typeAll(avroSteps.replayFromDeploy);
    expect(sim.metric('records.dlq')).toBeGreaterThan(0);
    const remaining = watch(sim, 'job.orders-enricher.backfillRemaining', 1500);
    expect(remaining[0]).toBeGreaterThan(0);
    expect(remaining.at(-1)).toBe(0);
    expect(sim.metric('records.duplicates')).toBe(0);
    expect(sim.metric('records.dlq')).toBe(0);
    expect(sim.metric('records.lost')).toBe(0);
    expect(Math.abs(sim.metric('table.orders_fact.nullRatio:channel') - channelBaseline)).toBeLessThan(0.002);
  });

  it('double-counts orders when replaying two hours in append mode', () => {
    const sim = paged().typeAll(avroSteps.enableDlq).typeAll(avroSteps.rewindTwoHoursAppend);
    const early = sim.metric('records.duplicates');
    sim.advance(300);
    expect(early).toBeGreaterThan(0);
    expect(sim.metric('records.duplicates')).toBeGreaterThan(early);
    expect(sim.metric('table.orders_fact.duplicates')).toBe(sim.metric('records.duplicates'));
  });

  it('removes the duplicates of an append replay when the range is later backfilled with overwrite', () => {
    const sim = paged().typeAll(avroSteps.registryLookup).typeAll(avroSteps.rewindTwoHoursAppend);
    // Let the append replay catch up, so every re-read record has been appended a second time.
    while (sim.metric('job.orders-enricher.lag') > 2000 && !sim.state.ended) sim.advance(60);
    expect(sim.metric('records.duplicates')).toBeGreaterThan(0);
    sim.typeAll(avroSteps.replayFromDeploy);
    watch(sim, 'job.orders-enricher.backfillRemaining', 1500);
    expect(sim.metric('job.orders-enricher.backfillRemaining')).toBe(0);
    expect(sim.metric('records.duplicates')).toBe(0);
    sim.expectBalanced();
  });

  it('does not revive a crash-looping job by adding consumers', () => {
    const sim = paged().typeAll(avroSteps.restart).advance(40);
    expect(enricher(sim).status).toBe('RESTARTING');
    sim.typeAll(avroSteps.scaleTo12);
    expect(sim.metric('job.orders-enricher.instances')).toBe(12);
    expect(watch(sim, 'job.orders-enricher.running', 300)).not.toContain(1);
    sim.advance(600);
    expect(enricher(sim).status).toBe('FAILED');
  });

  it('frees the worker slots held by the marketing and ML sensors when their DAGs are paused', () => {
    const sim = paged();
    const held = sim.metric('dag.marketing_attribution.runningTasks') + sim.metric('dag.ml_feature_export.runningTasks');
    expect(held).toBeGreaterThan(0);
    sim.typeAll(avroSteps.pauseNoncriticalDags);
    for (const dag of ['marketing_attribution', 'ml_feature_export']) {
      expect(sim.metric(`dag.${dag}.paused`)).toBe(1);
      expect(sim.metric(`dag.${dag}.runningTasks`)).toBe(0);
    }
    expect(sim.metric('dag.exec_revenue_refresh.paused')).toBe(0);
    sim.advance(1800);
    expect(sim.metric('dag.marketing_attribution.runningTasks') + sim.metric('dag.ml_feature_export.runningTasks')).toBe(0);
  });

  it('waits forty minutes for an upstream rollback, after which old REFUNDED records still stop the job', () => {
    const sim = paged().act('ask-upstream-rollback');
    const startedAt = sim.state.t;
    sim.advance(2400 - tickS);
    expect(sim.state.running.map((r) => r.action)).toContain('ask-upstream-rollback');
    expect(sim.state.sentMessages).not.toContain('upstream-reply');
    sim.advance(2 * tickS);
    expect(sim.state.decisions.find((d) => d.action === 'ask-upstream-rollback')?.completedAt).toBe(startedAt + 2400);
    expect(sim.state.sentMessages).toContain('upstream-reply');
    expect(sim.state.world.producers['orders-api']).toMatchObject({ writerVersion: 7, poisonEvery: 0 });
    const restarts = sim.metric('job.orders-enricher.restarts');
    sim.typeAll(avroSteps.restart).advance(120);
    expect(sim.metric('job.orders-enricher.running')).toBe(0);
    expect(sim.metric('job.orders-enricher.restarts')).toBeGreaterThan(restarts);
  });

  it('re-delivers the dead-letter queue once the reader can decode it', () => {
    const sim = paged().typeAll(avroSteps.enableDlq).advance(300).typeAll(avroSteps.registryLookup);
    expect(sim.metric('records.dlq')).toBeGreaterThan(0);
    sim.typeAll(avroSteps.replayDlq);
    expect(sim.metric('records.dlq')).toBe(0);
    expect(sim.metric('records.lost')).toBe(0);
    expect(sim.metric('records.duplicates')).toBe(0);
  });

  it('shows a typed mitigation in the metrics and the resolution checks the second it finishes', () => {
    const sim = paged().advance(3);
    sim.send({ type: 'terminal.run', line: 'flagctl set orders-enricher-registry-lookup on' });
    const entry = sim.state.terminal?.at(-1);
    sim.advance((entry?.endsAt ?? 0) - sim.state.t);
    expect((entry?.endsAt ?? 0) % tickS).not.toBe(0);
    expect(enricher(sim).readerMode).toBe('registry');
    expect(sim.metric('job.orders-enricher.readerRegistry')).toBe(1);
    sim.send({ type: 'incident.resolve' });
    const readerCheck = s.resolvedWhen.find((c) => 'metric' in c.when && c.when.metric === 'job.orders-enricher.readerRegistry');
    expect(readerCheck).toBeDefined();
    expect(sim.state.resolveAttempts.at(-1)?.failures).not.toContain(readerCheck?.failText);
  });

  it('runs one command at a time at the prompt, as a shell does', () => {
    const sim = paged();
    sim.send({ type: 'terminal.run', line: avroSteps.enableDlq[0] });
    sim.send({ type: 'terminal.run', line: avroSteps.enableDlq[0] });
    expect(sim.state.rejected.at(-1)?.reason).toMatch(/is still running/);
    expect(sim.state.terminal?.filter((e) => e.line === avroSteps.enableDlq[0])).toHaveLength(1);
  });
});
