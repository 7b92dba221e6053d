import { describe, expect, it } from 'vitest';
import { facilitatorView, playBot, playerView } from '../../src/engine';
import { roundOutcome } from '../../src/engine/facilitator/round-outcome';
import { onParToleranceS, walkthroughProgress } from '../../src/engine/facilitator/walkthrough-progress';
import { avroSteps } from '../support/avro-steps';
import { Sim, scenarioRun, wrongDeclaration } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');

describe('the room against the model walkthrough', () => {
  it('finds every step of the model run, on par', () => {
    const { state } = playBot(s, 'model', 1);
    const progress = walkthroughProgress(s, state);
    expect(progress.steps).toHaveLength(s.walkthrough.length);
    expect(progress.steps.filter((x) => x.standing !== 'on-par').map((x) => `${x.index} ${x.label}: ${x.standing}`)).toEqual([]);
    expect(progress.overall).toBe('on-par');
    // Each step points at the log entry that did it.
    for (const step of progress.steps) expect(state.log[step.seq ?? -1]?.at).toBe(step.roomAt);
  });

  it('says nothing is due before the first page', () => {
    const sim = new Sim(s, 1).start();
    const progress = walkthroughProgress(s, sim.state);
    expect(progress.overall).toBe('not-started');
    expect(progress.steps.every((x) => x.standing === 'upcoming' && x.modelAt === null)).toBe(true);
  });

  it('marks the room behind when a step is overdue, and a step skipped when a later one was done', () => {
    const sim = new Sim(s, 1).start().waitForPage();
    const pagedAt = sim.state.milestones.detected as number;
    sim.advance(s.walkthrough[0]!.atS + onParToleranceS + 60);
    expect(walkthroughProgress(s, sim.state).steps[0]?.standing).toBe('behind');
    expect(walkthroughProgress(s, sim.state).overall).toBe('behind');
    // The logs, typed with another pipe after them, count as the logs step; the steps before it never happened.
    sim.type(avroSteps.readLogs[0].replace('grep -m 2 -A 3 SerializationException', 'grep -i exception'));
    const progress = walkthroughProgress(s, sim.state);
    const logsStep = progress.steps.find((x) => x.label.includes('kubectl logs'));
    expect(logsStep?.roomAt).toBe(sim.state.log.at(-1)?.at);
    expect(logsStep?.modelAt).toBe(pagedAt + (s.walkthrough[logsStep?.index ?? 0]?.atS ?? 0));
    expect(progress.steps[0]?.standing).toBe('skipped');
  });

  it('skips no step the room could still take: a later step done before the page or early leaves the ones before it upcoming', () => {
    const sim = new Sim(s, 1).start().typeAll(avroSteps.describeGroup);
    const early = walkthroughProgress(s, sim.state);
    const describe = early.steps.find((x) => x.roomAt !== null);
    expect(describe?.label).toContain('kafka-consumer-groups');
    expect(early.steps.filter((x) => x.index < (describe?.index ?? 0)).map((x) => x.standing)).toEqual(early.steps.filter((x) => x.index < (describe?.index ?? 0)).map(() => 'upcoming'));
    // Once the page has fired and the first step's time has passed with it not done, it was skipped.
    sim.waitForPage().advance(s.walkthrough[0]!.atS + onParToleranceS + 60);
    expect(walkthroughProgress(s, sim.state).steps[0]?.standing).toBe('skipped');
  });

  it('counts a declared cause only when it is the right one', () => {
    const sim = new Sim(s, 1).start().waitForPage().ack().send(wrongDeclaration(s, 'component'));
    const step = walkthroughProgress(s, sim.state).steps.find((x) => s.walkthrough[x.index]?.command.type === 'incident.declare-cause');
    expect(step?.roomAt).toBeNull();
  });

  it('gives the facilitator the variant, the progress and the typed log, and the player none of them', () => {
    const sim = new Sim(s, 1).start().waitForPage().ack().typeAll(avroSteps.describeGroup);
    const f = facilitatorView(s, sim.state);
    expect(f.log.map((e) => e.text)).toContain(avroSteps.describeGroup[0]);
    expect(f.hidden.progress.steps.length).toBe(s.walkthrough.length);
    // The outcome is worked out apart, once the session is over, and sent to the host alone.
    expect('outcome' in f.hidden).toBe(false);
    expect(roundOutcome(s, sim.state)).toBeNull();
    const p = playerView(s, sim.state) as Record<string, unknown>;
    expect(p.log).toBeUndefined();
    expect(p.hidden).toBeUndefined();
  });

  it('works out the outcome against par once the session is over', () => {
    const { state } = playBot(s, 'model', 1);
    const outcome = roundOutcome(s, state);
    expect(outcome?.report.total).toBe(outcome?.report.maxScore);
    expect(outcome?.keySteps.length).toBeGreaterThan(0);
  });
});
