import { describe, expect, it } from 'vitest';
import { parTimes, playBot, playerView, prepareRun, replay, scoreRun, type ScoreReport } from '../../src/engine';
import { reviewCommunication } from '../../src/engine/scoring/communication';
import { commsPoints } from '../../src/engine/scoring/score-run';
import type { Command, LogEntry } from '../../src/scenarios/schema';
import { Sim, scenario, scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const par = parTimes(s, 1);
const model = playBot(s, 'model', 1);
const modelLog = model.log;

const review = (log: readonly LogEntry[]) => reviewCommunication(s, replay(s, 1, log, s.clock.endS));
const score = (log: readonly LogEntry[]): ScoreReport => scoreRun(s, replay(s, 1, log, s.clock.endS), par);
const communication = (r: ScoreReport) => r.parts.find((p) => p.id === 'communication')?.points ?? 0;

type Post = Extract<Command, { type: 'comms.post' }>;
/** The model log with its `nth` status update replaced. */
function withUpdate(nth: number, change: (c: Post) => Post): LogEntry[] {
  let seen = -1;
  return modelLog.map((e) => {
    if (e.command.type !== 'comms.post') return e;
    seen += 1;
    return seen === nth ? { ...e, command: change(e.command) } : e;
  });
}
/** The model log with one more command at `at` (before whatever the model does at that second). */
function withExtra(at: number, command: Command): LogEntry[] {
  const i = modelLog.findIndex((e) => e.at >= at);
  return [...modelLog.slice(0, i), { at, command }, ...modelLog.slice(i)];
}
const updateAt = (n: number) => modelLog.filter((e) => e.command.type === 'comms.post')[n]?.at as number;

describe('communication judged on content', () => {
  it('passes every rule for the model’s updates, and gives the whole part', () => {
    const r = review(modelLog);
    expect(r.updates).toHaveLength(3);
    for (const u of r.updates) {
      expect(u.impact.ok, u.impact.why).toBe(true);
      expect(u.status.ok, u.status.why).toBe(true);
      expect(u.nextUpdate.ok, u.nextUpdate.why).toBe(true);
    }
    expect(r.content).toBe(1);
    expect(r.promisesKept).toBe(r.promisesDue);
    expect(r.promisesDue).toBeGreaterThanOrEqual(3);
    expect(r.severity).toMatchObject({ declared: 'SEV2', ok: true });
    expect(r.questions.length).toBeGreaterThan(0);
    expect(r.questions.every((q) => q.answeredAt !== null)).toBe(true);
    expect(communication(score(modelLog))).toBe(10);
  });

  it('says when an ETA held, with the promised and the actual time', () => {
    const eta = review(modelLog).updates[1]?.promises.find((p) => p.kind === 'eta');
    expect(eta?.kept).toBe(true);
    expect(eta?.why).toMatch(/^promised \d\d:\d\d, resolved \d\d:\d\d: held$/);
  });

  it('gives no content points to updates that say "x", and lets them answer nobody', () => {
    const log = modelLog.map((e) => (e.command.type === 'comms.post' ? { ...e, command: { type: 'comms.post', text: 'x' } as Command } : e));
    const r = review(log);
    expect(r.content).toBe(0);
    for (const u of r.updates) expect([u.impact.ok, u.status.ok, u.nextUpdate.ok]).toEqual([false, false, u.nextUpdate.ok]);
    expect(r.updates.slice(0, -1).every((u) => !u.nextUpdate.ok)).toBe(true);
    expect(r.promisesDue).toBe(0);
    expect(r.questions.every((q) => q.answeredAt === null)).toBe(true);
    const points = communication(score(log));
    // Only the timing points remain (first update on time, no long silence): a severity no update carried reached nobody.
    expect(points).toBeLessThanOrEqual(commsPoints.first + commsPoints.cadence);
    expect(points).toBeLessThan(communication(score(modelLog)) - commsPoints.content);
  });

  it('gives a model that posts no update no communication points, though it declared the right severity', () => {
    const silent = score(modelLog.filter((e) => e.command.type !== 'comms.post'));
    expect(silent.communication.review.severity?.ok).toBe(true);
    expect(communication(silent)).toBe(0);
    expect(silent.parts.find((p) => p.id === 'communication')?.detail).toContain('SEV2 fits this impact, but no update said anything, so it reached nobody');
  });

  it('gives an idle player no communication points at all', () => {
    const idle = scoreRun(s, playBot(s, 'idle', 1).state, par);
    expect(communication(idle)).toBe(0);
    expect(idle.communication.review.updates).toEqual([]);
  });

  it('fails an update that does not name who is affected, and passes one that names the dashboard', () => {
    const vague = review(withUpdate(0, (c) => ({ type: 'comms.post', text: 'Investigating: the orders stream stopped. Next update by 09:20.', ...(c.nextUpdateS !== undefined && { nextUpdateS: c.nextUpdateS }) })));
    expect(vague.updates[0]?.impact.ok).toBe(false);
    expect(vague.updates[0]?.impact.why).toMatch(/does not name who is affected \(any of: Executive Revenue/);
    const named = review(withUpdate(0, (c) => ({ ...c, impact: undefined, text: 'Investigating: executive revenue is stale. Next update by 09:20.' })));
    expect(named.updates[0]?.impact).toEqual({ ok: true, why: 'names who is affected (Executive Revenue)' });
  });

  it('counts the scenario’s own names for the affected consumer when it lists them', () => {
    const listed = { ...s, communication: { ...s.communication, affected: ['the review deck'] } };
    const state = replay(s, 1, withUpdate(0, (c) => ({ ...c, impact: undefined, text: 'Investigating: the review deck has no numbers. Next update by 09:20.' })), s.clock.endS);
    expect(reviewCommunication(listed, state).updates[0]?.impact.ok).toBe(true);
    expect(reviewCommunication(s, state).updates[0]?.impact.ok).toBe(false);
  });

  it('fails an update that says where things stand with no status, and one that claims the impact is over too early', () => {
    const noStatus = review(withUpdate(0, (c) => ({ ...c, text: 'The Executive Revenue dashboard. Next update by 09:20.' })));
    expect(noStatus.updates[0]?.status.ok).toBe(false);
    const early = review(withUpdate(0, (c) => ({ ...c, text: 'Resolved: the Executive Revenue dashboard is fine. Next update by 09:20.' })));
    expect(early.updates[0]?.status.ok).toBe(false);
    expect(early.updates[0]?.status.why).toMatch(/^says the impact is over, but it went on until \d\d:\d\d$/);
    const notYet = review(withUpdate(0, (c) => ({ ...c, text: 'Investigating: the Executive Revenue dashboard is not yet fixed. Next update by 09:20.' })));
    expect(notYet.updates[0]?.status.ok).toBe(true);
  });

  it('needs a next-update time on every update but the closing one, and reads it from the text too', () => {
    const none = review(withUpdate(0, (c) => ({ type: 'comms.post', text: 'Investigating: the Executive Revenue dashboard is stale.', ...(c.impact !== undefined && { impact: c.impact }) })));
    expect(none.updates[0]?.nextUpdate).toEqual({ ok: false, why: 'gives no time for the next update' });
    expect(none.updates.at(-1)?.nextUpdate.ok).toBe(true);
    // "Next update by 09:20" in the words alone: the update at 09:03:30 promises 09:20, and the next one comes at 09:18.
    const fromText = review(withUpdate(0, (c) => ({ type: 'comms.post', text: c.text })));
    expect(fromText.updates[0]?.nextUpdate.why).toBe('promises the next update by 09:20');
    expect(fromText.updates[0]?.promises[0]?.kept).toBe(true);
  });

  it('says by how much a promised next update was late', () => {
    const late = review(withUpdate(0, (c) => ({ ...c, nextUpdateS: 300 })));
    const promise = late.updates[0]?.promises[0];
    expect(promise?.kept).toBe(false);
    const minutes = Math.round((updateAt(1) - (updateAt(0) + 300)) / 60);
    expect(promise?.why).toMatch(new RegExp(`late by ${minutes} minutes$`));
    expect(late.promisesKept).toBe(late.promisesDue - 1);
  });

  it('fails an ETA given before there is any basis for it', () => {
    const r = review(withExtra(updateAt(0) - 20, { type: 'comms.post', text: 'Investigating the Executive Revenue dashboard. ETA 09:15.', nextUpdateS: 600 }));
    expect(r.updates[0]?.eta).toEqual({ ok: false, why: 'gives an ETA (09:15) with no basis yet: no cause declared and no fix under way' });
    expect(r.updates[0]?.promises.find((p) => p.kind === 'eta')?.kept).toBe(false);
  });

  it('says by how many minutes an ETA was missed', () => {
    const r = review(withUpdate(1, (c) => ({ ...c, etaS: 60 })));
    const eta = r.updates[1]?.promises.find((p) => p.kind === 'eta');
    const resolved = replay(s, 1, modelLog, s.clock.endS).milestones.resolved as number;
    expect(eta?.kept).toBe(false);
    expect(eta?.why).toMatch(new RegExp(`^promised \\d\\d:\\d\\d: missed by ${Math.round((resolved - updateAt(1) - 60) / 60)} minutes$`));
  });

  it('judges the declared severity against the scenario’s impact', () => {
    const setAt = modelLog.find((e) => e.command.type === 'incident.set-severity')?.at as number;
    const wrong = modelLog.map((e) => (e.command.type === 'incident.set-severity' ? { at: setAt, command: { type: 'incident.set-severity', severity: 'SEV4' } as Command } : e));
    expect(review(wrong).severity).toMatchObject({ ok: false, why: 'SEV4 declared; this impact calls for SEV2' });
    const none = modelLog.filter((e) => e.command.type !== 'incident.set-severity');
    expect(review(none).severity).toMatchObject({ ok: false, why: 'no severity declared (this impact calls for SEV2)' });
    expect(communication(score(wrong))).toBe(communication(score(modelLog)) - commsPoints.severity);
  });

  it('gives the same result for the same words, whoever sends them', () => {
    expect(review(modelLog)).toEqual(review([...modelLog]));
  });

  it('keeps the affected names and the right severity out of the player’s view', () => {
    const listed = { ...s, communication: { ...s.communication, affected: ['the review deck'], severity: ['SEV2' as const] } };
    expect(Object.keys(playerView(listed, model.state).scenario.communication).sort()).toEqual(['cadenceS', 'firstUpdateWithinS']);
  });
});

describe('a stakeholder who chases silence', () => {
  it('asks once the last status update is older than the silence, counted from the page while none was posted', () => {
    const s = prepareRun(scenario('avro-schema-break'), 1);
    const chase = s.messages.find((m) => 'silenceS' in m.trigger);
    const silence = chase && 'silenceS' in chase.trigger ? chase.trigger.silenceS : 0;
    expect(silence).toBeGreaterThan(0);
    const asked = (sim: Sim) => sim.state.messages.find((m) => m.kind === 'stakeholder' && m.text === chase?.text)?.at ?? null;
    const quiet = new Sim(s, 1).start().waitForPage().ack();
    const ackedAt = quiet.state.milestones.acknowledged as number;
    quiet.advance(silence + 60);
    expect(asked(quiet)).toBe(Math.ceil((ackedAt + silence) / s.clock.tickS) * s.clock.tickS);
    const updating = new Sim(s, 1).start().waitForPage().ack().advance(300);
    updating.send({ type: 'comms.post', text: 'Investigating: the revenue dashboard is stale; next update in 15 minutes.' });
    const postedAt = updating.state.t;
    updating.advance(silence - 60);
    expect(asked(updating)).toBeNull();
    updating.advance(120);
    expect(asked(updating)).toBe(Math.ceil((postedAt + silence) / s.clock.tickS) * s.clock.tickS);
  });
});
