import { describe, expect, it } from 'vitest';
import { parTimes, playBot, scoreRun } from '../../src/engine';
import { judgeInterventions } from '../../src/engine/scoring/consequences';
import { Sim, scenarioRun } from '../support/sim-harness';

const kcg = 'kafka-consumer-groups --bootstrap-server kafka:9092 --group orders-enricher --reset-offsets --all-topics';
const dlq = 'kubectl set env deployment/orders-enricher-taskmanager ERRORS_TOLERANCE=all ERRORS_DEADLETTERQUEUE_TOPIC_NAME=orders-enricher-dlq';

function paged(seed = 2): Sim {
  return new Sim(scenarioRun('avro-schema-break', seed), seed).start().waitForPage().ack();
}

function judged(sim: Sim, line: string) {
  return judgeInterventions(sim.scenario, sim.state).filter((j) => j.line === line);
}

describe('typed interventions judged by their consequences', () => {
  it('finds nothing harmful in the model walkthrough, and gives the decisions part in full', () => {
    for (const seed of [1, 2, 3]) {
      const s = scenarioRun('avro-schema-break', seed);
      const run = playBot(s, 'model', seed);
      const verdicts = judgeInterventions(s, run.state);
      expect(verdicts.length).toBeGreaterThanOrEqual(3);
      expect(verdicts.filter((v) => v.verdict === 'harmful')).toEqual([]);
      expect(verdicts.find((v) => v.line.startsWith('flink run'))?.verdict).toBe('helpful');
      const report = scoreRun(s, run.state, parTimes(s, seed));
      const decisions = report.parts.find((p) => p.id === 'decisions');
      expect(decisions?.points).toBe(decisions?.max);
      expect(decisions?.max).toBe(14);
    }
  });

  it('counts the records a reset to the wrong time skipped, against the same run without it', () => {
    const sim = paged();
    const reset = `${kcg} --to-datetime 2024-03-11T08:58:00.000 --execute`;
    sim.type(reset);
    sim.type(dlq);
    sim.advance(900);
    const [verdict] = judged(sim, reset);
    expect(verdict?.verdict).toBe('harmful');
    expect(verdict?.atMoment.lost).toBeGreaterThan(1000);
    expect(verdict?.atEnd.lost).toBe(verdict?.atMoment.lost);
    expect(verdict?.why).toContain(`lost ${verdict?.atMoment.lost.toLocaleString('en-US')} records`);
    // The run with the reset lost exactly what it skipped: nothing else lost anything.
    expect(sim.state.metrics['records.lost']).toBe(verdict?.atEnd.lost);
  });

  it('still calls a skip harmful when a later re-read recovers it, and says so', () => {
    const sim = paged();
    const reset = `${kcg} --to-latest --execute`;
    sim.type(reset);
    sim.type(dlq);
    sim.type('flagctl set orders-enricher-registry-lookup on');
    sim.type('flink run -d -p 12 /opt/flink/usrlib/orders-enricher.jar --backfill-from 2024-03-11T06:55:00 --sink-mode overwrite');
    sim.advance(1800);
    const [verdict] = judged(sim, reset);
    expect(verdict?.verdict).toBe('harmful');
    expect(verdict?.atMoment.lost).toBeGreaterThan(0);
    expect(verdict?.atEnd.lost).toBe(0);
    expect(verdict?.why).toContain('by the end a later step had evened it out');
  });

  it('judges every repetition of a harmful line, and each costs the decisions part', () => {
    const sim = paged();
    const skip = 'kubectl set env deployment/orders-enricher-taskmanager ERRORS_TOLERANCE=all';
    sim.type(skip);
    sim.advance(300);
    sim.type('kubectl set env deployment/orders-enricher-taskmanager ERRORS_TOLERANCE=none');
    sim.advance(120);
    sim.type(skip);
    sim.advance(900);
    const verdicts = judged(sim, skip);
    expect(verdicts).toHaveLength(2);
    expect(verdicts.every((v) => v.verdict === 'harmful' && v.atMoment.lost > 0)).toBe(true);
    const report = scoreRun(sim.scenario, sim.state, parTimes(sim.scenario, 2));
    expect(report.decisions.filter((d) => d.typed && d.verdict === 'harmful')).toHaveLength(2);
  });

  it('calls a restart of a job that fails on the same record again no effect, and does not penalise it', () => {
    const sim = paged();
    const restart = 'kubectl rollout restart deployment/orders-enricher-taskmanager';
    sim.type(restart);
    sim.advance(600);
    const [verdict] = judged(sim, restart);
    expect(verdict?.verdict).toBe('no-effect');
    const report = scoreRun(sim.scenario, sim.state, parTimes(sim.scenario, 2));
    expect(report.parts.find((p) => p.id === 'decisions')?.detail).toContain('1 change(s) with no effect');
  });

  it('calls an append re-read of rows already loaded harmful for the duplicates it writes', () => {
    const sim = paged();
    sim.type(dlq);
    sim.type('flagctl set orders-enricher-registry-lookup on');
    const append = 'flink run -d -p 12 /opt/flink/usrlib/orders-enricher.jar --backfill-from 2024-03-11T06:55:00';
    sim.type(append);
    sim.advance(1500);
    const [verdict] = judged(sim, append);
    expect(verdict?.verdict).toBe('harmful');
    expect(verdict?.atEnd.duplicates).toBeGreaterThan(1000);
  });
});
