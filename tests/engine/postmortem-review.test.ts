import { describe, expect, it } from 'vitest';
import { debriefView, parTimes, playBot, postmortemMarkdown, replay, scoreRun, type ScoreReport } from '../../src/engine';
import { countTolerance, durationTolerance, reviewPostmortem, runFacts } from '../../src/engine/scoring/postmortem-review';
import { partMax } from '../../src/engine/scoring/score-run';
import type { Command, LogEntry } from '../../src/scenarios/schema';
import { scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const par = parTimes(s, 1);
const model = playBot(s, 'model', 1);
type Submit = Extract<Command, { type: 'postmortem.submit' }>;
const submitted = model.log.find((e) => e.command.type === 'postmortem.submit')?.command as Submit;

function withPostmortem(change: (c: Submit) => Submit): LogEntry[] {
  return model.log.map((e) => (e.command.type === 'postmortem.submit' ? { ...e, command: change(e.command) } : e));
}
const run = (log: readonly LogEntry[]) => replay(s, 1, log, s.clock.endS);
const review = (log: readonly LogEntry[]) => reviewPostmortem(s, run(log));
const check = (log: readonly LogEntry[], id: string) => review(log).checks.find((c) => c.id === id);
const part = (r: ScoreReport) => r.parts.find((p) => p.id === 'postmortem');

describe('postmortem judged on facts', () => {
  it('agrees with the model’s postmortem on every checkable part', () => {
    const r = reviewPostmortem(s, model.state);
    expect(r.checks.map((c) => c.id)).toEqual(['duration', 'detection', 'data', 'cause', 'owners', 'contributing']);
    for (const c of r.checks) expect(c.ok, `${c.id}: ${c.why}`).toBe(true);
    expect(part(scoreRun(s, model.state, par))?.points).toBe(partMax.postmortem);
  });

  it('gives "It broke and then we fixed it, ok." no facts points, and keeps the words as written', () => {
    const log = withPostmortem((c) => ({ type: 'postmortem.submit', rootCause: 'It broke and then we fixed it, ok.', followUps: c.followUps }));
    const state = run(log);
    const report = scoreRun(s, state, par);
    expect(part(report)?.points).toBe(0);
    expect(reviewPostmortem(s, state).passed).toBe(0);
    expect(state.postmortem?.rootCause).toBe('It broke and then we fixed it, ok.');
    // Everything else is the model's, the right follow-ups included: a postmortem that says nothing still costs a grade.
    expect(report.parts.find((p) => p.id === 'prevention')?.points).toBe(partMax.prevention);
    expect(report.total).toBe(100 - partMax.postmortem);
    expect(report.grade).toBe('B');
    expect(part(report)?.detail).toMatch(/^Nothing checkable was stated, so a postmortem that says nothing scores none of these points; 0 of 6 checkable parts agree with the run, 2 points each/);
  });

  it('leaves the model at 100 and an A with its full postmortem', () => {
    const report = scoreRun(s, model.state, par);
    expect(report.total).toBe(100);
    expect(report.grade).toBe('A');
  });

  it('accepts an impact duration within the stated tolerance and refuses one outside it', () => {
    const facts = runFacts(s, model.state);
    const actual = facts.durationMin as number;
    const allowed = Math.max(durationTolerance.minutes, actual * durationTolerance.share);
    const near = withPostmortem((c) => ({ ...c, impact: { ...c.impact, durationMin: Math.round(actual + allowed - 1) } }));
    expect(check(near, 'duration')?.ok).toBe(true);
    const far = withPostmortem((c) => ({ ...c, impact: { ...c.impact, durationMin: Math.round(actual + allowed + 2) } }));
    expect(check(far, 'duration')).toMatchObject({ ok: false, why: expect.stringMatching(new RegExp(`the run's ${actual} min: off by \\d+ min \\(allowed ${Math.round(allowed)}\\)`)) });
    const missing = withPostmortem((c) => ({ ...c, impact: { ...c.impact, durationMin: undefined } }));
    expect(check(missing, 'duration')?.why).toBe(`not stated (the run's: ${actual} min)`);
  });

  it('checks the detection time against the run', () => {
    const detected = runFacts(s, model.state).detectedAfterMin as number;
    const wrong = withPostmortem((c) => ({ ...c, impact: { ...c.impact, detectedAfterMin: detected + 30 } }));
    expect(check(wrong, 'detection')?.ok).toBe(false);
  });

  it('checks the records lost and duplicated against the run’s accounting', () => {
    const wrong = withPostmortem((c) => ({ ...c, impact: { ...c.impact, lost: 5000 } }));
    expect(check(wrong, 'data')).toMatchObject({ ok: false, why: expect.stringContaining(`lost: stated 5,000, the run's 0 (allowed ±${countTolerance.absolute})`) });
    const close = withPostmortem((c) => ({ ...c, impact: { ...c.impact, lost: countTolerance.absolute } }));
    expect(check(close, 'data')?.ok).toBe(true);
  });

  it('checks the root cause against the taxonomy and this run’s cause', () => {
    const wrong = withPostmortem((c) => ({ ...c, cause: { component: submitted.cause?.component as string, mechanism: 'bad-deploy-config' } }));
    expect(check(wrong, 'cause')).toMatchObject({ ok: false, why: 'mechanism "Bad deploy or configuration change in the pipeline" do not match the run\'s cause' });
    const none = withPostmortem((c) => ({ ...c, cause: undefined }));
    expect(check(none, 'cause')?.ok).toBe(false);
  });

  it('wants an owner for every follow-up chosen, and a contributing factor in words', () => {
    const owners = { ...submitted.owners };
    delete owners[submitted.followUps[0] as string];
    const unowned = withPostmortem((c) => ({ ...c, owners }));
    expect(check(unowned, 'owners')).toEqual({ id: 'owners', label: 'Action items with owners', ok: false, why: `1 of ${submitted.followUps.length} follow-ups have no owner` });
    const terse = withPostmortem((c) => ({ ...c, contributing: ['x', 'no tests'] }));
    expect(check(terse, 'contributing')?.ok).toBe(false);
  });

  it('exports what the responder wrote as written: stated numbers, timeline, cause, contributing factors and owners', () => {
    const log = withPostmortem((c) => ({ ...c, impact: { ...c.impact, summary: 'Exec dashboard blank\nfor the review' }, timeline: '08:50 orders stop\n09:03 first update' }));
    const state = run(log);
    const debrief = debriefView(s, state);
    if (!debrief) throw new Error('no debrief');
    const md = postmortemMarkdown(s, state, debrief);
    expect(md).toMatch(/- \*\*As the responder stated it:\*\* \d+ min of impact, detected after \d+ min, 0 lost, 0 duplicated\. “Exec dashboard blank for the review”/);
    expect(md).toContain('As the responder wrote it in the postmortem:\n\n> 08:50 orders stop\n> 09:03 first update');
    expect(md).toContain(`Contributing factors, as the responder wrote them:\n\n- ${submitted.contributing?.[0]}`);
    expect(md).toContain(`(owner: ${submitted.owners?.[submitted.followUps[0] as string]})`);
    expect(md).toMatch(/In the taxonomy, the postmortem names /);
  });

  it('never writes "0 of 0" records in the export of a scenario that can lose no data', () => {
    const stale = scenarioRun('stale-revenue-table');
    const state = playBot(stale, 'model', 1).state;
    const debrief = debriefView(stale, state);
    if (!debrief) throw new Error('no debrief');
    const md = postmortemMarkdown(stale, state, debrief);
    expect(md).toContain('- **Data:** nothing in this incident could lose or duplicate records or rows.');
    expect(md).not.toMatch(/\b0 of 0\b/);
  });

  it('offers no check the run cannot answer, and fails every check when nothing was submitted', () => {
    const idle = playBot(s, 'idle', 1).state;
    const r = reviewPostmortem(s, idle);
    expect(r.submitted).toBe(false);
    expect(r.passed).toBe(0);
    expect(r.checks.some((c) => c.id === 'detection')).toBe(true);
  });
});
