import { describe, expect, it } from 'vitest';
import { playerView, prepareRun, summarizeRun } from '../../src/engine';
import { namesDate, namesTerm } from '../../src/engine/plan/read-plan';
import type { Command } from '../../src/scenarios/schema';
import { Sim, scenario } from '../support/sim-harness';

const launch = prepareRun(scenario('launch-moved-forward'), 1);
type Sections = Extract<Command, { type: 'plan.send' }>['sections'];

/** The model's plan, as its walkthrough sends it. */
const modelPlan: Sections = (() => {
  const step = launch.walkthrough.find((w) => w.command.type === 'plan.send');
  if (step?.command.type !== 'plan.send') throw new Error('the walkthrough sends no plan');
  return step.command.sections;
})();

/** The model's plan with one section's lines replaced. */
function edited(changes: Record<string, string[]>): Sections {
  const sections = modelPlan.map((x) => ({ section: x.section, lines: changes[x.section] ?? x.lines }));
  for (const [section, lines] of Object.entries(changes)) if (!sections.some((x) => x.section === section)) sections.push({ section, lines });
  return sections;
}

const lines = (section: string) => modelPlan.find((x) => x.section === section)?.lines ?? [];
const acked = () => new Sim(launch, 1).start().waitForPage().ack();
const send = (sim: Sim, sections: Sections) => sim.send({ type: 'plan.send', sections }).advance(60);

describe('the launch moved forward two weeks (a decision drill)', () => {
  it('pages the data lead when the date moves, with the product manager asking for a plan', () => {
    const sim = new Sim(launch, 1).start().waitForPage();
    expect(sim.state.alerts['launch-date-moved']?.status).toBe('firing');
    expect(sim.state.messages.some((m) => m.from === 'pm')).toBe(true);
  });

  it('has no severity or root cause to declare', () => {
    const sim = acked().send({ type: 'incident.set-severity', severity: 'SEV2' }).send({ type: 'incident.declare-cause', component: 'none', mechanism: 'plan-exceeds-capacity', evidence: ['Total: 47 engineer-days.'] });
    expect(sim.state.rejected.map((r) => r.reason)).toEqual([expect.stringMatching(/no severity/), expect.stringMatching(/no root cause/)]);
  });

  it('refuses an empty plan and says so', () => {
    const sim = acked().send({ type: 'plan.send', sections: [{ section: 'must-have', lines: ['  '] }] });
    expect(sim.state.rejected.at(-1)?.reason).toMatch(/plan is empty/);
  });

  it('agrees the model plan: it fits the capacity, dates what waits, writes the non-negotiables and reaches product', () => {
    const sim = send(acked(), modelPlan);
    expect(sim.state.milestones.mitigated).not.toBeNull();
    expect(sim.state.milestones.diagnosed).not.toBeNull();
    sim.send({ type: 'incident.resolve' });
    expect(sim.state.milestones.resolved).not.toBeNull();
  });

  it('holds a plan that promises more than fits, draws the manager’s objection, and counts it harmful; a revised plan undoes the promise', () => {
    const sim = send(acked(), edited({ 'must-have': [...lines('must-have'), 'EU entities (second payment processor) for the summit'], 'can-wait': ['Self-serve CSV export: 14 Oct'] }));
    expect(sim.state.milestones.mitigated).toBeNull();
    expect(sim.state.milestones.diagnosed).toBeNull();
    expect(sim.state.messages.at(-1)?.text).toMatch(/promise the full scope/);
    send(sim, modelPlan);
    expect(sim.state.milestones.mitigated).not.toBeNull();
    const report = summarizeRun(launch, sim.state, 'player').report;
    const plans = report.decisions.filter((d) => d.action.startsWith('plan.send'));
    expect(plans.map((d) => d.verdict)).toEqual(['harmful', 'key']);
    expect(plans[0]?.why).toMatch(/47 engineer-days against 25 of capacity/);
  });

  it('asks for the dates when what waits has none, and does not agree the plan until it has them', () => {
    const sim = send(acked(), edited({ 'can-wait': ['EU entities', 'Self-serve CSV export', 'API hardening for general availability'] }));
    expect(sim.state.milestones.mitigated).toBeNull();
    expect(sim.state.messages.at(-1)?.text).toMatch(/when do they come/);
  });

  it('will not resolve a plan that defers the tests and the reconciliation, until they are back in', () => {
    const cut = edited({
      'must-have': lines('must-have').filter((l) => !/smoke|reconcil/i.test(l)),
      'can-wait': [...lines('can-wait'), 'Smoke tests and the load test: 23 Sep', 'Daily reconciliation check: 23 Sep'],
      'non-negotiable': lines('non-negotiable').filter((l) => !/reconcil/i.test(l)),
      checkpoints: lines('checkpoints'),
    });
    const sim = send(acked(), cut).send({ type: 'incident.resolve' });
    expect(sim.state.resolveAttempts.at(-1)?.failures).toEqual(expect.arrayContaining([expect.stringMatching(/smoke tests/), expect.stringMatching(/tests and the reconciliation check are cut/)]));
    send(sim, modelPlan).send({ type: 'incident.resolve' });
    expect(sim.state.milestones.resolved).not.toBeNull();
  });

  it('calls a plan with nothing on the date a flat refusal and takes weekend work as a crunch', () => {
    const refusal = send(acked(), [{ section: 'can-wait', lines: ['Everything: 30 Sep, as planned'] }]);
    expect(refusal.state.messages.at(-1)?.text).toMatch(/decide the scope without us/);
    const crunch = send(acked(), edited({ checkpoints: [...lines('checkpoints'), 'Both weekends: backfill and API work'] }));
    expect(crunch.state.messages.some((m) => /weekend shifts/.test(m.text))).toBe(true);
    expect(crunch.state.milestones.mitigated).not.toBeNull();
    crunch.send({ type: 'incident.resolve' });
    expect(crunch.state.resolveAttempts.at(-1)?.failures).toEqual([expect.stringMatching(/weekend work/)]);
  });

  it('keeps the plan’s hidden state out of the player’s view and out of reach of the flag tool', () => {
    const sim = send(acked(), modelPlan);
    const view = playerView(launch, sim.state);
    const json = JSON.stringify(view);
    for (const hidden of ['mvp-scope-agreed', 'full-scope-promised', 'tradeoffs-sent', 'estimateDays', 'cutting quality in secret']) expect(json).not.toContain(hidden);
    expect(view.scenario.planSections?.map((x) => x.id)).toEqual(['must-have', 'can-wait', 'non-negotiable', 'risks', 'checkpoints', 'tell']);
    expect(view.plans).toHaveLength(1);
    expect(sim.type('flagctl set tradeoffs-sent on')).toMatch(/flag "tradeoffs-sent" not found/);
    expect(sim.type('flagctl list')).not.toMatch(/mvp-scope-agreed/);
  });
});

describe('reading a plan', () => {
  it('finds a term at the start of a word, in any case, and both halves of a joined term in one line', () => {
    expect(namesTerm('Reconciles with the ledger', 'reconcil')).toBe(true);
    expect(namesTerm('review queue', 'eu')).toBe(false);
    expect(namesTerm('EU entities', 'eu')).toBe(true);
    expect(namesTerm('Reviews booked in parallel', 'review&parallel')).toBe(true);
    expect(namesTerm('Reviews booked; parallel runs later', 'review&parallel')).toBe(true);
    expect(namesTerm('Security review on Wednesday', 'review&parallel')).toBe(false);
  });

  it('recognises the ways people write a date or a day', () => {
    for (const dated of ['EU entities: 7 Oct', 'CSV export October 14', 'on 2024-10-07', 'by 7/10', 'Thursday', 'the week of the 23rd', '21st of September']) expect(namesDate(dated), dated).toBe(true);
    for (const undated of ['EU entities later', 'after launch', 'when we can', 'Q4 maybe']) expect(namesDate(undated), undated).toBe(false);
  });
});
