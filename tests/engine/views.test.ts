import { describe, expect, it } from 'vitest';
import { facilitatorView, playBot, playerView, privateHints, type SimState } from '../../src/engine';
import { avroSteps } from '../support/avro-steps';
import { Sim, modelDeclaration, scenarioRun, wrongDeclaration } from '../support/sim-harness';
import { mechanismIds } from '../../src/scenarios/schema';

const s = scenarioRun('avro-schema-break');

/** Whether `text` appears anywhere in the serialized view (as it would be sent over the wire). */
function leaks(view: unknown, text: string): boolean {
  return JSON.stringify(view).includes(JSON.stringify(text).slice(1, -1));
}

/** Hidden truth, by where it lives in the scenario. */
const hidden: [string, string][] = [
  ['root cause statement', s.rootCause.statement],
  ...s.walkthrough.map((step, i): [string, string] => [`walkthrough step ${i} why`, step.why]),
  ...s.rubric.flatMap((r): [string, string][] => [
    [`rubric ${r.criterion} (strong)`, r.strong],
    [`rubric ${r.criterion} (weak)`, r.weak],
  ]),
  ...s.actions.map((a): [string, string] => [`verdict on ${a.id}`, a.verdict.why]),
  ...s.prevention.map((p): [string, string] => [`prevention ${p.id} why`, p.why]),
  ...s.faults.map((f): [string, string] => [`fault ${f.id}`, f.description]),
];

const finished = playBot(s, 'model', 1).state;
const midRun = new Sim(s, 1)
  .start()
  .waitForPage()
  .ack()
  .typeAll(avroSteps.readLogs)
  .send(wrongDeclaration(s, 'component'))
  .send({ type: 'hint.reveal' })
  .typeAll(avroSteps.diffSchemas)
  .complete('read-runbook')
  .typeAll(avroSteps.enableDlq).state;
const states: [string, SimState][] = [
  ['mid-run', midRun],
  ['finished', finished],
];

describe('player and facilitator views', () => {
  it.each(states)('keeps every piece of hidden truth out of the player view (%s)', (_label, state) => {
    const player = playerView(s, state);
    const facilitator = facilitatorView(s, state);
    for (const [what, text] of hidden) {
      expect(leaks(facilitator, text), `facilitator view holds the ${what}`).toBe(true);
      expect(leaks(player, text), `player view leaks the ${what}`).toBe(false);
    }
  });

  it('offers every component and the shared mechanism list, and does not tell the player whether a declaration was right', () => {
    const player = playerView(s, midRun);
    expect(player.scenario.components.map((c) => c.id)).toEqual(expect.arrayContaining(s.rootCause.components));
    expect(player.scenario.mechanisms.map((m) => m.id)).toEqual(mechanismIds);
    expect(JSON.stringify(player)).not.toMatch(/"correct"\s*:/);
    expect(JSON.stringify(player)).not.toMatch(/"parts"\s*:/);
    const wrong = wrongDeclaration(s, 'component');
    const declaredAt = midRun.causeDeclarations[0]?.at;
    expect(player.causeDeclarations).toStrictEqual([{ at: declaredAt, component: wrong.component, mechanism: wrong.mechanism, evidence: wrong.evidence }]);
    const facilitator = facilitatorView(s, midRun);
    expect(facilitator.hidden.rootCause.components).toEqual(['job:orders-enricher']);
    expect(facilitator.hidden.causeDeclarations[0]).toMatchObject({ at: declaredAt, correct: false, parts: { component: false, mechanism: true, evidence: true } });
  });

  it('hides when the impact started from the player but not from the facilitator', () => {
    const player = playerView(s, finished);
    expect(Object.keys(player.milestones)).not.toContain('impactStart');
    expect(player.milestones.resolved).toBe(finished.milestones.resolved);
    expect(finished.milestones.impactStart).not.toBeNull();
    expect(facilitatorView(s, finished).hidden.impactStart).toBe(finished.milestones.impactStart);
    expect(JSON.stringify(player)).not.toContain('faultTimes');
  });

  it('shows only the hints the player has revealed', () => {
    const [first, second] = s.hints;
    const player = playerView(s, midRun);
    expect(player.hintsShown).toEqual([first?.text]);
    expect(leaks(player, second?.text ?? '')).toBe(false);
    expect(player.scenario.hintCount).toBe(s.hints.length);
  });

  it('keeps a hint released to one person out of the shared view, and gives it to that person and the facilitator', () => {
    const [first, second] = s.hints;
    const sim = new Sim(s, 1).start().waitForPage().send({ type: 'hint.reveal' }).send({ type: 'hint.reveal', to: 's-ops' });
    const player = playerView(s, sim.state);
    expect(player.hintsShown).toEqual([first?.text]);
    expect(player.hintsUsed).toBe(2);
    expect(leaks(player, second?.text ?? '')).toBe(false);
    expect(privateHints(sim.state, 's-ops')).toEqual([{ at: sim.state.t, text: second?.text }]);
    expect(privateHints(sim.state, 's-ic')).toEqual([]);
    const facilitator = facilitatorView(s, sim.state);
    expect(facilitator.hintsShown).toEqual([first?.text, second?.text]);
    expect(facilitator.timeline.find((e) => e.text === second?.text)?.to).toBe('s-ops');
  });

  it("shows the player the tools' output and their own record of the incident", () => {
    const player = playerView(s, midRun);
    expect(player.outputs.map((o) => o.action)).toEqual(['read-runbook']);
    expect(player.actionsTaken.map((a) => a.action)).toEqual(['read-runbook']);
    expect(player.terminal.map((e) => e.line)).toEqual([...avroSteps.readLogs, ...avroSteps.diffSchemas, ...avroSteps.enableDlq]);
    expect(player.terminal.every((e) => e.output !== null)).toBe(true);
    expect(player.actionsTaken[0]).not.toHaveProperty('verdict');
    expect(player.metrics['job.orders-enricher.running']).toBe(1);
    // A declared cause moves the tracker on whether or not it is right.
    expect(player.phase).toBe('mitigate');
  });

  it('does not tell the player mid-incident whether their declared cause was right', () => {
    const right = new Sim(s, 1).start().waitForPage().ack().typeAll(avroSteps.readLogs).send(modelDeclaration(s)).state;
    const wrong = new Sim(s, 1).start().waitForPage().ack().typeAll(avroSteps.readLogs).send(wrongDeclaration(s, 'mechanism')).state;
    expect(right.milestones.diagnosed).not.toBeNull();
    const strip = (state: SimState) => {
      const v = playerView(s, state);
      return { phase: v.phase, milestones: v.milestones, declarations: v.causeDeclarations.map((d) => d.at) };
    };
    expect(strip(right)).toEqual(strip(wrong));
    expect(playerView(s, finished).milestones.diagnosed).toBe(finished.milestones.diagnosed);
  });
});
