import { describe, expect, it } from 'vitest';
import { prepareRun } from '../../src/engine';
import { Sim, scenario } from '../support/sim-harness';

const launch = prepareRun(scenario('launch-moved-forward'), 1);
const planned = () => new Sim(launch, 1).start().waitForPage().ack().complete('cut-to-mvp').complete('write-non-negotiables');

describe('the launch moved forward two weeks', () => {
  it('pages the data lead when the date moves, with the product manager asking for a plan', () => {
    const sim = new Sim(launch, 1).start().waitForPage();
    expect(sim.state.alerts['launch-date-moved']?.status).toBe('firing');
    expect(sim.state.messages.some((m) => m.from === 'pm')).toBe(true);
  });

  it('refuses to send trade-offs before the plan and the non-negotiables exist', () => {
    const sim = new Sim(launch, 1).start().waitForPage().ack().act('send-tradeoffs');
    expect(sim.state.rejected.at(-1)?.reason).toMatch(/one-page plan and the non-negotiables first/);
  });

  it('counts the plan as agreed once the MVP, the non-negotiables and the written trade-offs are in', () => {
    const sim = planned().complete('send-tradeoffs');
    expect(sim.state.milestones.mitigated).not.toBeNull();
  });

  it('holds the plan back while the team is promised the full scope, until the promise is walked back', () => {
    const sim = planned().complete('say-yes-everything').complete('send-tradeoffs');
    expect(sim.state.milestones.mitigated).toBeNull();
    sim.complete('walk-back-commitment');
    expect(sim.state.milestones.mitigated).not.toBeNull();
  });

  it('will not resolve a plan that cut testing, until smoke tests and reconciliation are back in', () => {
    const sim = planned().complete('cut-testing').complete('send-tradeoffs').complete('book-parallel-reviews').complete('plan-backfill').complete('plan-flagged-rollout').complete('set-daily-checkins');
    sim.send({ type: 'incident.resolve' });
    expect(sim.state.resolveAttempts.at(-1)?.failures).toEqual(expect.arrayContaining([expect.stringMatching(/smoke tests/), expect.stringMatching(/tests and the reconciliation check are cut/)]));
    sim.complete('plan-smoke-tests').send({ type: 'incident.resolve' });
    expect(sim.state.milestones.resolved).not.toBeNull();
  });
});
