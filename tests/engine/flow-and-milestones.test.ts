import { describe, expect, it } from 'vitest';
import { applyEntry, createInitialState, currentPhase, playBot, type PhaseOrStage } from '../../src/engine';
import { avroSteps } from '../support/avro-steps';
import { Sim, modelDeclaration, scenarioRun, wrongDeclaration } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');

function failTextFor(metric: string): string {
  const check = s.resolvedWhen.find((c) => 'metric' in c.when && c.when.metric === metric);
  if (!check) throw new Error(`no resolution check on ${metric}`);
  return check.failText;
}

describe('incident flow and milestones', () => {
  it('moves the phase tracker from briefing to debrief along the model walkthrough', () => {
    const { log } = playBot(s, 'model', 1);
    let state = createInitialState(s, 1);
    const phases: PhaseOrStage[] = [currentPhase(state)];
    for (const entry of log) {
      state = applyEntry(s, state, entry);
      if (phases.at(-1) !== currentPhase(state)) phases.push(currentPhase(state));
    }
    expect(phases).toEqual(['briefing', 'detect', 'triage', 'mitigate', 'verify', 'prevent', 'debrief']);
    expect(state.ended?.reason).toBe('completed');
  });

  it('records detection at the first page after impact and acknowledgement when a person acks it', () => {
    const sim = new Sim(s, 1).start().waitForPage();
    const impactStart = sim.state.milestones.impactStart as number;
    const detected = sim.state.milestones.detected as number;
    expect(detected).toBeGreaterThanOrEqual(impactStart);
    expect(detected).toBe(sim.state.alerts['orders-fact-freshness']?.firedAt);
    sim.expectPhase('detect').advance(30);
    expect(sim.state.milestones.acknowledged).toBeNull();
    sim.ack().expectPhase('triage');
    expect(sim.state.milestones.acknowledged).toBe(detected + 30);
  });

  it('rejects commands sent before the session starts, with a reason, instead of throwing', () => {
    const sim = new Sim(s, 1);
    expect(() => sim.act('read-runbook').send({ type: 'incident.resolve' }).send(modelDeclaration(s))).not.toThrow();
    expect(sim.state.rejected.map((r) => r.reason)).toEqual(Array(3).fill('the session has not started yet'));
    expect(sim.state.rejected.map((r) => r.command.type)).toEqual(['action.start', 'incident.resolve', 'incident.declare-cause']);
    expect(sim.state.decisions).toEqual([]);
    expect(sim.state.milestones.diagnosed).toBeNull();
    sim.expectPhase('briefing').start().expectPhase('detect');
    expect(sim.state.rejected).toHaveLength(3);
  });

  it('rejects acknowledging an alert that is not firing', () => {
    const sim = new Sim(s, 1).start();
    expect(sim.state.alerts['orders-fact-freshness']?.status).not.toBe('firing');
    sim.send({ type: 'alert.acknowledge', alert: 'orders-fact-freshness' });
    expect(sim.state.rejected.at(-1)?.reason).toBe('alert "orders-fact-freshness" is not firing');
    expect(sim.state.alerts['orders-fact-freshness']?.ackedAt).toBeNull();
    expect(sim.state.milestones.acknowledged).toBeNull();
    sim.send({ type: 'alert.acknowledge', alert: 'no-such-alert' });
    expect(sim.state.rejected.at(-1)?.reason).toMatch(/there is no alert/);
    sim.expectPhase('detect');
  });

  it('does not count a wrong root cause as a diagnosis', () => {
    const sim = new Sim(s, 1).start().waitForPage().ack().typeAll(avroSteps.readLogs);
    const wrong = wrongDeclaration(s, 'component');
    sim.send(wrong);
    expect(sim.state.causeDeclarations).toEqual([{ at: sim.state.t, component: wrong.component, mechanism: wrong.mechanism, evidence: wrong.evidence, parts: { component: false, mechanism: true, evidence: true }, correct: false }]);
    expect(sim.state.milestones.diagnosed).toBeNull();
    // The phase moves on with any declaration, so the tracker does not tell the player whether it was right.
    sim.expectPhase('mitigate').advance(30).send(modelDeclaration(s));
    const diagnosedAt = sim.state.t;
    expect(sim.state.milestones.diagnosed).toBe(diagnosedAt);
    sim.advance(30).send(wrongDeclaration(s, 'mechanism'));
    expect(sim.state.milestones.diagnosed).toBe(diagnosedAt);
    expect(sim.state.causeDeclarations.map((d) => d.correct)).toEqual([false, true, false]);
    expect(sim.state.rejected).toEqual([]);
  });

  it('keeps the incident open and records why when resolved before the data is complete', () => {
    const sim = new Sim(s, 1).start().waitForPage().ack().typeAll(avroSteps.enableDlq).advance(600);
    sim.send({ type: 'incident.resolve' });
    const attempt = sim.state.resolveAttempts.at(-1);
    expect(attempt?.at).toBe(sim.state.t);
    expect(attempt?.failures).toContain(failTextFor('job.orders-enricher.readerRegistry'));
    expect(attempt?.failures).toContain(failTextFor('records.dlq'));
    expect(attempt?.failures).not.toContain(failTextFor('job.orders-enricher.running'));
    expect(sim.state.milestones.resolved).toBeNull();
    expect(currentPhase(sim.state)).not.toBe('prevent');
    expect(sim.state.ended).toBeNull();
  });

  it('allows mitigating before the cause is known, going straight from triage to verify', () => {
    const sim = new Sim(s, 1).start().waitForPage().ack().typeAll(avroSteps.enableDlq);
    sim.expectPhase('triage');
    while (sim.state.milestones.mitigated === null && sim.state.t < 3600) sim.advance(s.clock.tickS);
    expect(sim.state.milestones.mitigated).not.toBeNull();
    expect(sim.state.milestones.diagnosed).toBeNull();
    sim.expectPhase('verify');
    expect(sim.metric('dashboard.exec-revenue.freshnessS')).toBeLessThanOrEqual(600);
  });

  it('refuses the postmortem until the incident is resolved', () => {
    const sim = new Sim(s, 1).start().waitForPage().ack();
    sim.send({ type: 'postmortem.submit', rootCause: 'pinned reader', followUps: ['contract-tests'] });
    expect(sim.state.rejected.at(-1)?.reason).toBe('the postmortem comes after the incident is resolved');
    expect(sim.state.postmortem).toBeNull();
    expect(sim.state.ended).toBeNull();
  });

  it('ends the session as timed out when the clock runs out, and accepts no more actions', () => {
    const sim = new Sim(s, 1).start().advance(s.clock.endS * 10);
    expect(sim.state.t).toBe(s.clock.endS);
    expect(sim.state.ended).toEqual({ at: s.clock.endS, reason: 'timed-out' });
    sim.expectPhase('debrief').act('read-runbook');
    expect(sim.state.rejected.at(-1)?.reason).toBe('the session is over');
    expect(sim.state.decisions).toEqual([]);
  });

  it('rejects a command stamped earlier than the current time without moving the clock', () => {
    const state = new Sim(s, 1).start().advance(300).state;
    const next = applyEntry(s, state, { at: state.t - 100, command: { type: 'action.start', action: 'read-job-logs' } });
    expect(next.t).toBe(state.t);
    expect(next.rejected.at(-1)?.reason).toMatch(/before the current time/);
    expect(next.decisions).toEqual([]);
  });
});
