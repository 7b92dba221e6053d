import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios.ts';
import { facilitatorView, prepareRun, stateAt, stateHash, type FacilitatorView } from '../../src/engine';
import { applyEntryInPlace } from '../../src/engine/session';
import { logUpTo, type CreateRoomOptions } from '../../src/rooms';
import type { ReplayFile } from '../../src/scenarios/schema';
import { serverPool } from './support/server-pool';
import { TestSeat } from './support/test-seat';

const pool = serverPool(10);
let url: string;
const seed = 4;
const base = builtinRegistry().byId('stale-revenue-table');
if (!base) throw new Error('the stale-revenue-table scenario is missing');
const s = prepareRun(base, seed, 'normal');
const options = { mode: 'interview', name: 'Ivy', scenario: { kind: 'builtin', id: base.id }, seed, level: 'normal' } as const;

beforeAll(async () => {
  url = (await pool.serverOn()).url;
}, 90_000);

afterAll(() => pool.cleanUp());

/** A finished round: the candidate types and decides, the host ends it; its replay, its attribution, and a moment in the middle. */
async function playedRound(): Promise<{ host: TestSeat; replay: ReplayFile; moment: number; from: NonNullable<CreateRoomOptions['from']> }> {
  const host = pool.track(await TestSeat.create(url, options));
  const code = host.last('welcome')?.room.code as string;
  const cy = pool.track(await TestSeat.join(url, code, { name: 'Cy', role: 'candidate' }));
  await host.request('host.start', {});
  await cy.until(() => cy.clock?.stage === 'running', 'the running clock');
  const commands = [
    { type: 'terminal.run', line: 'kubectl get pods' },
    { type: 'sql.run', query: '\\dt' },
    { type: 'incident.set-severity', severity: 'SEV2' },
    { type: 'terminal.run', line: 'kubectl logs deployment/airflow-scheduler --since=1h' },
    { type: 'note.add', text: 'the scheduler log stops at 08:05' },
  ] as const;
  for (const command of commands) {
    expect(await cy.command(command)).toMatchObject({ seq: expect.any(Number) });
    const t = cy.clock?.t ?? 0;
    await cy.until(() => (cy.clock?.t ?? 0) >= t + 30, 'half a minute of the clock');
  }
  expect(await host.request('host.end', {})).toMatchObject({ rejected: null });
  await host.until(() => host.last('host.outcome') !== undefined, "the host's outcome", 60_000);
  const replay = host.last('host.outcome')?.replay as ReplayFile;
  // The moment between the third and the fourth command: after the severity, before the scheduler's log.
  const moment = (replay.log[3]?.at as number) + 10;
  return { host, replay, moment, from: { scenarioVersion: replay.scenarioVersion, at: moment, log: logUpTo(replay, host.log, moment) } };
}

describe('start a drill from a moment of a room’s run', () => {
  it('creates a room at that moment whose state equals the original’s there, and leaves the original untouched', { timeout: 120_000 }, async () => {
    const { host, replay, moment, from } = await playedRound();
    expect(from.log.map((e) => e.command.type)).toEqual(['session.start', 'terminal.run', 'sql.run', 'incident.set-severity']);
    const originalLog = host.log.length;

    const branched = pool.track(await TestSeat.create(url, { ...options, from }));
    // It opens paused at the moment, its view the original run's view then.
    expect(branched.clock).toMatchObject({ t: moment, paused: true, stage: 'running' });
    const there = stateAt(s, seed, replay.log, moment);
    const view = branched.view as FacilitatorView;
    expect(view.t).toBe(moment);
    expect(view.log).toEqual(facilitatorView(s, there).log);
    expect(view.terminal).toEqual(there.terminal);
    expect(branched.log.map((a) => [a.by.name, a.type])).toEqual([
      ['Ivy', 'session.start'],
      ['Cy', 'terminal.run'],
      ['Cy', 'sql.run'],
      ['Cy', 'incident.set-severity'],
    ]);

    // Its live state there is the original's: ended at once, its replay's state hash is the original's state at the moment, ended alike.
    expect(await branched.request('host.end', {})).toMatchObject({ rejected: null, at: moment });
    await branched.until(() => branched.last('host.outcome') !== undefined, 'the branched outcome', 60_000);
    applyEntryInPlace(s, there, { at: moment, command: { type: 'session.end' }, by: 'host' });
    expect(branched.last('host.outcome')?.replay.stateHash).toBe(stateHash(there));

    // The original room is as it was.
    await host.sync();
    expect(host.log).toHaveLength(originalLog);
    expect(host.last('host.outcome')?.replay).toEqual(replay);
  });

  it('refuses a prefix that is garbage, hostile or from another version, saying what is wrong', { timeout: 60_000 }, async () => {
    const start = { at: s.clock.playerStartS, command: { type: 'session.start' }, seat: 'host', name: 'Ivy', role: 'host' } as const;
    const later = s.clock.playerStartS + 600;
    const create = (from: unknown) => TestSeat.create(url, { ...options, from } as CreateRoomOptions);
    await expect(create({ scenarioVersion: s.version, at: later, log: [start, { ...start, command: { type: 'rm -rf /' } }] })).rejects.toThrow(/create options: from\.log\.1\.command/);
    await expect(create({ scenarioVersion: s.version, at: later, log: 'everything' })).rejects.toThrow(/from\.log/);
    await expect(create({ scenarioVersion: s.version + 1, at: later, log: [start] })).rejects.toThrow(`the log is from version ${s.version + 1} of ${s.id}`);
    await expect(create({ scenarioVersion: s.version, at: later, log: [start, { ...start, at: later + 5, command: { type: 'note.add', text: 'x' } }] })).rejects.toThrow(`log entry 1 is stamped ${later + 5}s, after the moment ${later}s`);
    await expect(create({ scenarioVersion: s.version, at: later, log: [{ ...start, at: later - 10 }, { ...start, at: later - 20, command: { type: 'note.add', text: 'x' } }] })).rejects.toThrow('the log is out of order');
    await expect(create({ scenarioVersion: s.version, at: later, log: [{ ...start, command: { type: 'note.add', text: 'never started' } }] })).rejects.toThrow('it has not started');
    await expect(create({ scenarioVersion: s.version, at: later, log: [start, { ...start, at: later - 5, command: { type: 'session.end' } }] })).rejects.toThrow('it is over');
    await expect(create({ scenarioVersion: s.version, at: s.clock.endS + 1, log: [start] })).rejects.toThrow('outside the session');
    // The server is still there for everyone.
    const fine = pool.track(await create({ scenarioVersion: s.version, at: later, log: [start] }));
    expect(fine.clock).toMatchObject({ t: later, paused: true, stage: 'running' });
  });
});
