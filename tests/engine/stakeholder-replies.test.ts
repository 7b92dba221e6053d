import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { playBot, replay, stateHash } from '../../src/engine';
import { loadScenario } from '../../src/scenarios/load-scenario';
import type { Command, LogEntry, Scenario } from '../../src/scenarios/schema';
import { scenario, scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const model = playBot(s, 'model', 1);
const post = (at: number, text: string): LogEntry => ({ at, command: { type: 'comms.post', text } satisfies Command });
const start = model.log[0] as LogEntry;
const ack: LogEntry = { at: 120, command: { type: 'alert.acknowledge', alert: 'orders-fact-freshness' } };

/** The VP's messages after `from`, as [sim second, text]. */
function vpSays(log: readonly LogEntry[], until: number, from = 0): [number, string][] {
  const state = replay(s, 1, [start, ...log], until);
  return state.messages.filter((m) => m.from === 'vp' && m.at >= from).map((m) => [m.at, m.text]);
}
// Answers take the stakeholder's 45 s and arrive with the world's next 10 s tick.
const rule = (when: string) => s.communication.replies.find((r) => r.when === when)?.text ?? '';

describe('stakeholders answer what the player posts', () => {
  it('asks for an ETA when an update names the impact but gives none while the dashboard is still blank', () => {
    const says = vpSays([ack, post(300, 'Investigating: the Executive Revenue dashboard is stale since 08:50. Next update by 09:20.')], 400, 300);
    expect(says).toEqual([[350, rule('update-without-eta')]]);
    expect(rule('update-without-eta')).toMatch(/when will it be back\?/);
  });

  it('says it does not follow an update that names nobody affected and says nothing of where things stand', () => {
    expect(vpSays([ack, post(300, 'x')], 400, 300)).toEqual([[350, rule('vague-update')]]);
  });

  it('acknowledges a clear update, and answers each way once', () => {
    const clear = 'Investigating: the Executive Revenue dashboard is stale; a fix is under way. ETA 09:25. Next update by 09:15.';
    const log = [ack, post(300, clear), post(400, clear)];
    expect(vpSays(log, 600, 300)).toEqual([[350, rule('clear-update')]]);
  });

  it('falls back to the next fitting answer once the first is used up', () => {
    const noEta = 'Investigating: the Executive Revenue dashboard is stale. Next update by 09:20.';
    const says = vpSays([ack, post(300, noEta), post(400, noEta)], 500, 300);
    expect(says.map(([, text]) => text)).toEqual([rule('update-without-eta'), rule('clear-update')]);
  });

  it('chases a missed ETA once, naming the time promised', () => {
    // Posted at 09:05 (t=300) with an ETA of 09:10; nothing is fixed by then.
    const log = [ack, post(300, 'Investigating: the Executive Revenue dashboard is stale; fix under way. ETA 09:10. Next update by 09:30.')];
    const says = vpSays(log, 1200, 300).map(([at, text]) => [at, text] as const);
    const escalation = says.filter(([, text]) => text.startsWith("It's past"));
    // 09:10 is t=600; a minute's grace, 45 s to write, the next tick.
    expect(escalation).toEqual([[710, rule('eta-missed').replace('{time}', '09:10')]]);
  });

  it('writes nothing after the incident is resolved, and the model run answers as the rules say', () => {
    const resolved = model.state.milestones.resolved as number;
    const answers = model.state.messages.filter((m) => s.communication.replies.some((r) => r.text === m.text));
    expect(answers.length).toBeGreaterThan(0);
    for (const m of answers) expect(m.at).toBeLessThan(resolved);
    const after = replay(s, 1, [...model.log, post(resolved + 10, 'x')], s.clock.endS);
    expect(after.messages.filter((m) => m.at > resolved && m.kind === 'stakeholder')).toEqual([]);
  });

  it('is deterministic: any set of posts replays to the same state', () => {
    const texts = ['x', 'Investigating the Executive Revenue dashboard. Next update by 09:20.', 'ETA 09:12: fix under way for Executive Revenue.', 'Resolved.'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 130, max: 1500 }), fc.constantFrom(...texts)), { maxLength: 6 }), (posts) => {
        const log = [start, ack, ...posts.sort((a, b) => a[0] - b[0]).map(([at, text]) => post(at, text))];
        expect(stateHash(replay(s, 1, log, 1800))).toBe(stateHash(replay(s, 1, log, 1800)));
        // At most one answer per rule that doesn't repeat.
        const state = replay(s, 1, log, 1800);
        for (const r of s.communication.replies) expect(state.messages.filter((m) => m.text.startsWith(r.text.slice(0, 20))).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 40 },
    );
  });
});

describe('reply rules in a scenario file', () => {
  const yaml = (from: string) => {
    const text = JSON.stringify(scenario('avro-schema-break'));
    const copy = JSON.parse(text) as Scenario;
    copy.communication.replies = [{ when: 'vague-update', from, text: 'Sorry?', delayS: 30, repeat: false }];
    return JSON.stringify(copy);
  };
  it('must come from one of the scenario’s stakeholders', () => {
    const bad = loadScenario(yaml('nobody'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toMatch(/communication\.replies\.0\.from/);
    expect(loadScenario(yaml('vp')).ok).toBe(true);
  });
});
