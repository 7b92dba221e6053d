import { describe, expect, it } from 'vitest';
import { applyEntry, playerView, replay } from '../../src/engine';
import { actionHoldCapS, heldAt } from '../../src/engine/hands';
import type { Command, LogEntry } from '../../src/scenarios/schema';
import { Sim, scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const describeGroup = 'kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group orders-enricher';
const label = (id: string) => s.actions.find((a) => a.id === id)?.label ?? id;
const lastRefusal = (sim: Sim) => sim.state.rejected.at(-1)?.reason ?? '';

/** A session on call and paged, its log kept so the same commands can be replayed. */
function onCall(): Sim {
  return new Sim(s, 1).start().waitForPage();
}

describe('a responder has two hands', () => {
  it('refuses a third command while two are held, naming both and when a hand frees', () => {
    const sim = onCall();
    const t = sim.state.t;
    sim.act('read-deploy-log').send({ type: 'terminal.run', line: describeGroup });
    const decisions = sim.state.decisions.length;
    sim.act('read-runbook');
    const reason = lastRefusal(sim);
    // The one that frees first comes first: the typed line prints in a second or two.
    expect(reason.startsWith(`You are busy with "kafka-consumer-groups --bootstrap-server kafka:9092 --descr…" and "${label('read-deploy-log')}"`), reason).toBe(true);
    expect(reason).toContain('at most 2 things at once');
    const typed = sim.state.terminal?.at(-1);
    expect(typed?.endsAt).toBeLessThan(t + 30);
    expect(reason).toMatch(/A hand frees at \d\d:\d\d:\d\d \(in \d+s\)$/);
    expect(sim.state.decisions.length).toBe(decisions);
  });

  it('takes the third command once a hand is free again', () => {
    const sim = onCall();
    sim.act('read-deploy-log').send({ type: 'terminal.run', line: describeGroup });
    const frees = Math.min(...heldAt(sim.state.hands, undefined, sim.state.t).map((h) => h.until));
    sim.advance(frees - sim.state.t);
    const refused = sim.state.rejected.length;
    sim.act('read-runbook');
    expect(sim.state.rejected.length).toBe(refused);
    expect(sim.state.running.map((r) => r.action)).toContain('read-runbook');
  });

  it('lets a long job run on the platform after holding its sender a couple of minutes', () => {
    const sim = onCall();
    sim.act('ask-upstream-rollback');
    const started = sim.state.t;
    expect(heldAt(sim.state.hands, undefined, started)).toEqual([expect.objectContaining({ what: expect.stringMatching(/./), until: started + actionHoldCapS })]);
    sim.act('read-deploy-log');
    sim.advance(actionHoldCapS);
    // Two minutes in, the request is still being worked on by the other team, and the responder's hands are free.
    expect(sim.state.running.some((r) => r.action === 'ask-upstream-rollback')).toBe(true);
    expect(heldAt(sim.state.hands, undefined, sim.state.t)).toEqual([]);
    const refused = sim.state.rejected.length;
    sim.act('read-runbook').send({ type: 'terminal.run', line: describeGroup });
    expect(sim.state.rejected.length).toBe(refused);
  });

  it('holds a hand for a typed line and one for a query, so an action must wait for one of them', () => {
    const sim = onCall();
    sim.send({ type: 'terminal.run', line: describeGroup }).send({ type: 'sql.run', query: `SELECT count(*) FROM ${s.world.tables[0]?.id ?? 'orders'}` });
    expect(sim.state.sql?.at(-1)?.output).toBeNull();
    sim.act('read-runbook');
    expect(lastRefusal(sim)).toMatch(/^You are busy with "(SELECT count\(\*\)[^"]*" and "kafka-consumer-groups|kafka-consumer-groups[^"]*" and "SELECT count\(\*\))/);
    expect(sim.state.running).toEqual([]);
  });

  it('leaves declarations, updates and acknowledgements free while both hands are full', () => {
    const sim = onCall();
    sim.act('read-deploy-log').act('read-runbook');
    const refused = sim.state.rejected.length;
    sim.send({ type: 'comms.post', text: 'Investigating the stale dashboard.' }).send({ type: 'incident.set-severity', severity: 'SEV2' }).send({ type: 'note.add', text: 'lag on one partition' });
    expect(sim.state.rejected.length).toBe(refused);
  });

  it('gives each participant of a room their own hands', () => {
    const sim = onCall();
    const at = sim.state.t;
    const entries: LogEntry[] = [
      { at, command: { type: 'action.start', action: 'read-deploy-log' }, by: 's-ann' },
      { at, command: { type: 'action.start', action: 'ask-upstream-rollback' }, by: 's-ann' },
      { at, command: { type: 'action.start', action: 'read-runbook' }, by: 's-bob' },
      { at, command: { type: 'terminal.run', line: describeGroup }, by: 's-ann' },
    ];
    let state = sim.state;
    for (const entry of entries) state = applyEntry(s, state, entry);
    expect(state.running.map((r) => r.action).sort()).toEqual(['ask-upstream-rollback', 'read-deploy-log', 'read-runbook']);
    expect(state.rejected).toEqual([expect.objectContaining({ by: 's-ann', reason: expect.stringContaining(`You are busy with "${label('read-deploy-log')}" and "${label('ask-upstream-rollback')}"`) })]);
    expect(heldAt(state.hands, 's-bob', at).map((h) => h.what)).toEqual([label('read-runbook')]);
    // The console shows what is in hand, and whose.
    expect(playerView(s, state).hands.filter((h) => h.by === 's-ann')).toHaveLength(2);
  });

  it('refuses the same commands at the same moments when the log is replayed', () => {
    const sim = onCall();
    const t = sim.state.t;
    const commands: Command[] = [{ type: 'action.start', action: 'read-deploy-log' }, { type: 'action.start', action: 'ask-upstream-rollback' }, { type: 'action.start', action: 'read-runbook' }];
    for (const command of commands) sim.send(command);
    const again = replay(s, 1, sim.log);
    expect(again.rejected).toEqual(sim.state.rejected);
    expect(again.hands).toEqual(sim.state.hands);
    expect(again.rejected.map((r) => r.at)).toEqual([t]);
  });
});
