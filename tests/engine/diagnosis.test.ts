import { describe, expect, it } from 'vitest';
import { playerView, prepareRun, seedsForVariants } from '../../src/engine';
import { mechanisms } from '../../src/scenarios/schema';
import { avroSteps } from '../support/avro-steps';
import { Sim, modelDeclaration, scenario, scenarioRun, wrongDeclaration } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');

function afterLogs(): Sim {
  return new Sim(s, 1).start().waitForPage().ack().typeAll(avroSteps.readLogs);
}

describe('declaring a root cause from evidence', () => {
  it('diagnoses on the right component, the right mechanism and a line that shows it', () => {
    const sim = afterLogs().send(modelDeclaration(s));
    expect(sim.state.causeDeclarations.at(-1)).toMatchObject({ parts: { component: true, mechanism: true, evidence: true }, correct: true });
    expect(sim.state.milestones.diagnosed).toBe(sim.state.t);
  });

  it('refuses evidence the responder has not been shown, and changes nothing', () => {
    const sim = new Sim(s, 1).start().waitForPage().ack().send(modelDeclaration(s));
    expect(sim.state.rejected.at(-1)?.reason).toBe('the evidence “AvroTypeException: No match for REFUNDED” is not in any output you have seen');
    expect(sim.state.causeDeclarations).toEqual([]);
  });

  it('accepts a line the responder typed a command to see', () => {
    const sim = new Sim(s, 1).start().waitForPage().ack();
    const out = sim.type('kubectl logs deploy/orders-enricher | grep -m 1 AvroTypeException');
    sim.send({ ...modelDeclaration(s), evidence: [out.trim()] });
    expect(sim.state.causeDeclarations.at(-1)?.correct).toBe(true);
  });

  it('does not count evidence that shows something else', () => {
    const sim = afterLogs();
    const describeLine = sim.type('kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group orders-enricher').split('\n').find((l) => l.startsWith('orders-enricher')) as string;
    sim.send({ ...modelDeclaration(s), evidence: [describeLine] });
    expect(sim.state.causeDeclarations.at(-1)).toMatchObject({ parts: { component: true, mechanism: true, evidence: false }, correct: false });
    expect(sim.state.milestones.diagnosed).toBeNull();
  });

  it('judges the component and the mechanism on their own', () => {
    const sim = afterLogs().send(wrongDeclaration(s, 'component')).send(wrongDeclaration(s, 'mechanism'));
    expect(sim.state.causeDeclarations.map((d) => d.parts)).toEqual([
      { component: false, mechanism: true, evidence: true },
      { component: true, mechanism: false, evidence: true },
    ]);
  });

  it('refuses a component the platform does not have', () => {
    const sim = afterLogs().send({ ...modelDeclaration(s), component: 'job:nope' });
    expect(sim.state.rejected.at(-1)?.reason).toBe('there is no component "job:nope" on this platform');
  });

  it('tells a seed’s root cause apart by mechanism and evidence, not by what the player is offered', () => {
    for (const id of ['stale-revenue-table', 'double-counted-revenue', 'cdc-column-rename']) {
      const base = scenario(id);
      const offered = new Set(
        seedsForVariants(base).map(({ seed }) => {
          const run = prepareRun(base, seed, 'normal');
          const view = playerView(run, new Sim(run, seed).state);
          return JSON.stringify([view.scenario.components, view.scenario.mechanisms]);
        }),
      );
      expect(offered.size, id).toBe(1);
    }
  });

  it('lists the same mechanisms, in the same order, for every scenario', () => {
    expect(playerView(s, new Sim(s).state).scenario.mechanisms).toEqual(mechanisms);
    expect(playerView(scenarioRun('small-files-cost'), new Sim(scenarioRun('small-files-cost')).state).scenario.mechanisms).toEqual(mechanisms);
  });
});

describe('evidence from the SQL prompt', () => {
  it('accepts a line of a query result the responder saw', () => {
    const sim = new Sim(s, 1).start().waitForPage().ack();
    sim.send({ type: 'sql.run', query: 'SELECT count(*) FROM orders_fact' });
    while (sim.state.sql?.at(-1)?.output === null) sim.advance(s.clock.tickS);
    const row = (sim.state.sql?.at(-1)?.output ?? '').split('\n').find((l) => /^\s*\d+\s*$/.test(l)) as string;
    sim.send({ ...wrongDeclaration(s, 'component'), evidence: [row.trim()] });
    expect(sim.state.rejected).toEqual([]);
    expect(sim.state.causeDeclarations.at(-1)?.parts.evidence).toBe(false);
  });
});
