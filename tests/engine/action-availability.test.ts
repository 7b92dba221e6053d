import { describe, expect, it } from 'vitest';
import { playBot, playerView, scoreRun, facilitatorView } from '../../src/engine';
import { parTimes } from '../../src/engine/scoring/par';
import type { Scenario } from '../../src/scenarios/schema';
import { Sim, scenario } from '../support/sim-harness';

const avro = scenario('avro-schema-break');
const inject = 'curveball-launch-moved-forward';
const gated = avro.actions.filter((a) => a.availableAfter?.inject === inject).map((a) => a.id);
const keyGated = avro.actions.filter((a) => a.availableAfter && a.verdict.kind === 'key').map((a) => a.id);

function paged(s: Scenario = avro): Sim {
  return new Sim(s, 1).start().waitForPage().ack();
}

describe('actions offered only after an inject', () => {
  it('are refused before the inject fires and accepted after it', () => {
    const sim = paged().act('curveball-write-plan');
    expect(sim.state.rejected.at(-1)?.reason).toMatch(/not on offer yet/);
    expect(sim.state.decisions).toEqual([]);
    sim.send({ type: 'facilitator.inject', inject }).act('curveball-write-plan');
    expect(sim.state.decisions.map((d) => d.action)).toEqual(['curveball-write-plan']);
  });

  it('are missing from the player view until the inject fires', () => {
    const sim = paged();
    const offered = () => playerView(avro, sim.state).scenario.actions.map((a) => a.id);
    expect(gated.length).toBeGreaterThan(0);
    for (const id of gated) expect(offered()).not.toContain(id);
    sim.send({ type: 'facilitator.inject', inject });
    for (const id of gated) expect(offered()).toContain(id);
  });

  it('are never picked by a random player, who cannot fire injects', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const run = playBot(avro, 'random', seed);
      expect(run.state.decisions.filter((d) => gated.includes(d.action))).toEqual([]);
      expect(run.state.rejected.filter((r) => r.command.type === 'action.start' && gated.includes(r.command.action))).toEqual([]);
    }
  });

  it('count as missed key decisions only once their inject has fired', () => {
    const model = playBot(avro, 'model', 1);
    const par = parTimes(avro, 1);
    expect(scoreRun(avro, model.state, par).missedKeyActions.map((m) => m.action)).not.toEqual(expect.arrayContaining(keyGated));
    const withInject = new Sim(avro, 1);
    for (const entry of model.log) {
      withInject.advance(entry.at - withInject.state.t).send(entry.command);
      if (entry.command.type === 'alert.acknowledge') withInject.send({ type: 'facilitator.inject', inject });
    }
    withInject.advance(avro.clock.endS);
    const report = scoreRun(avro, withInject.state, par);
    expect(report.missedKeyActions.map((m) => m.action)).toEqual(expect.arrayContaining(keyGated));
    expect(report.parts.find((p) => p.id === 'decisions')?.points).toBeLessThan(15);
  });

  it('count a harmful choice against the decisions score like any action', () => {
    const sim = paged().send({ type: 'facilitator.inject', inject }).complete('curveball-reply-full-scope');
    const report = scoreRun(avro, sim.state, parTimes(avro, 1));
    expect(report.decisions.find((d) => d.action === 'curveball-reply-full-scope')?.verdict).toBe('harmful');
    expect(sim.state.messages.some((m) => m.from === 'curveball-em')).toBe(true);
  });

  it('are listed for the facilitator with the inject that brings them', () => {
    const sim = paged();
    const before = facilitatorView(avro, sim.state).hidden.injects.find((i) => i.id === inject);
    expect(before).toMatchObject({ id: inject, firedAt: null });
    sim.send({ type: 'facilitator.inject', inject });
    expect(facilitatorView(avro, sim.state).hidden.injects.find((i) => i.id === inject)?.firedAt).toBe(sim.state.t);
  });
});
