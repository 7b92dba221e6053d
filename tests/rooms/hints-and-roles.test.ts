import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios.ts';
import { facilitatorView, prepareRun, type FacilitatorView } from '../../src/engine';
import { rubricCriteria } from '../../src/engine/interview/rubric';
import { roundReportMarkdown } from '../../src/engine/interview/round-report';
import { commandFeed, makeRoundFile, readRoundFile } from '../../src/rooms';
import { removeDataDir, startServerProcess, type ServerProcess } from '../../scripts/lib/room-server-process.ts';
import { colyseusDialer } from '../../src/ui/room/colyseus-dialer';
import { openRoomSession, type RoomSession } from '../../src/ui/room/room-session';
import { TestSeat } from './support/test-seat';

let server: ServerProcess;
const seats: TestSeat[] = [];
const sessions: RoomSession[] = [];
const track = (s: TestSeat) => (seats.push(s), s);

beforeAll(async () => {
  server = await startServerProcess({ timeScale: 10 });
}, 90_000);

afterAll(async () => {
  for (const s of sessions) s.leave();
  await Promise.allSettled(seats.map((s) => s.leave()));
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

const seed = 3;
const base = builtinRegistry().byId('stale-revenue-table');
if (!base) throw new Error('the stale-revenue-table scenario is missing');
const s = prepareRun(base, seed, 'normal');
const drill = { mode: 'drill', name: 'Fran', scenario: { kind: 'builtin', id: base.id }, seed, level: 'normal' } as const;

/** Whether a seat's connection ever carried a text, in its raw frames or as decoded. */
function carried(seat: TestSeat, text: string): boolean {
  return Buffer.concat(seat.frames().map((f) => Buffer.from(f))).includes(Buffer.from(text, 'utf8')) || JSON.stringify(seat.received).includes(text);
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A participant's browser session (the app's own client code) seated in operations. */
async function consoleOf(code: string, name: string): Promise<RoomSession> {
  const session = openRoomSession(colyseusDialer(server.url), { how: 'join', code, options: { name, role: 'operations' } }, { storage: null, now: () => Date.now(), newId: () => crypto.randomUUID() });
  sessions.push(session);
  await until(() => session.room.getState().you !== null, 'the seat');
  return session;
}

describe('a hint the facilitator releases', () => {
  it('reaches only the participant it is for, and costs the score like any other', { timeout: 90_000 }, async () => {
    const [first, second] = s.hints;
    if (!first || !second) throw new Error('the scenario needs two hints');
    const host = track(await TestSeat.create(server.url, drill));
    const code = host.last('welcome')?.room.code as string;
    const ic = track(await TestSeat.join(server.url, code, { name: 'Ines', role: 'incident-commander' }));
    const ops = track(await TestSeat.join(server.url, code, { name: 'Omar', role: 'operations' }));
    const opsSeat = ops.last('welcome')?.you.seat as string;
    await host.request('host.start', {});
    await ops.until(() => ops.clock?.stage === 'running', 'the running clock');

    // Only the host addresses a hint, and only to someone in the room.
    expect(await ic.command({ type: 'hint.reveal', to: opsSeat })).toMatchObject({ code: 'forbidden' });
    expect(await host.command({ type: 'hint.reveal', to: 's-nobody' })).toMatchObject({ code: 'not-found' });
    expect(await host.command({ type: 'hint.reveal', to: 'host' })).toMatchObject({ code: 'not-found' });

    expect(await host.command({ type: 'hint.reveal', to: opsSeat })).toMatchObject({ rejected: null });
    await ops.until(() => ops.last('hint.private')?.hints.length === 1, 'the hint for operations');
    expect(ops.last('hint.private')?.hints[0]?.text).toBe(first.text);
    // Everyone sees that a hint was used (what the next one costs), nobody else sees what it said.
    await ic.until(() => ic.view?.hintsUsed === 1, 'the hint counted');
    expect(ic.view?.hintsShown).toEqual([]);
    await ic.sync();
    expect(carried(ic, first.text)).toBe(false);
    expect(ic.all('hint.private')).toEqual([]);
    // The host sees it, and whom it went to.
    await host.until(() => host.view?.hintsShown.length === 1, "the host's copy");
    expect(host.view?.timeline.find((e) => e.kind === 'hint')).toMatchObject({ text: first.text, to: opsSeat });

    // A hint to everyone reaches both; operations keeps its own after a sync.
    expect(await host.command({ type: 'hint.reveal' })).toMatchObject({ rejected: null });
    await ic.until(() => ic.view?.hintsShown.length === 1, 'the shared hint');
    expect(ic.view?.hintsShown).toEqual([second.text]);
    await ops.sync();
    expect(ops.last('hint.private')?.hints.map((h) => h.text)).toEqual([first.text]);
    expect(ops.view?.hintsShown).toEqual([second.text]);

    // Both are counted in the score.
    expect(await host.request('host.end', {})).toMatchObject({ rejected: null });
    await host.until(() => host.last('host.outcome') !== undefined, "the host's outcome", 60_000);
    const hints = host.last('host.outcome')?.outcome.report.parts.find((p) => p.id === 'hints');
    expect(hints?.points).toBe(-(first.cost + second.cost));
    expect(carried(ic, first.text)).toBe(false);

    // The host's feed, report and round file say whom each hint went to; no player learns it.
    const toOps = `Hint to Omar (Operations): ${first.text}`;
    const toAll = `Hint to everyone: ${second.text}`;
    const feed = commandFeed(host.view as FacilitatorView, host.log, 'drill').filter((f) => f.type === 'hint.reveal');
    expect(feed.map((f) => [f.by?.name, f.text])).toEqual([
      ['Fran', toOps],
      ['Fran', toAll],
    ]);
    const report = roundReportMarkdown({ title: s.title, scenarioId: s.id, mode: 'drill', level: 'normal', seed, code, host: 'Fran', participants: ['Ines', 'Omar'], anchor: s.clock, outcome: null, criteria: rubricCriteria(s.rubric), marks: [], notes: [], commands: feed.map((f) => ({ seq: f.seq, at: f.at, by: f.by?.name ?? null, text: f.text })) });
    expect(report).toContain(toOps);
    expect(report).toContain(toAll);
    const replay = host.last('host.outcome')?.replay;
    if (!replay) throw new Error('no replay');
    const file = JSON.stringify(makeRoundFile({ title: s.title, code, mode: 'drill', host: 'Fran', participants: ['Ines', 'Omar'], attribution: host.log, replay, marks: [], notes: [] }));
    expect(file).toContain('"to":{"seat":"' + opsSeat + '","name":"Omar","role":"operations"}');
    const read = readRoundFile(file, (id) => (id === s.id ? base : undefined));
    if (!read.ok) throw new Error(read.error);
    expect(commandFeed(facilitatorView(read.scenario, read.state), read.attribution, read.round.mode).filter((f) => f.type === 'hint.reveal').map((f) => f.text)).toEqual([toOps, toAll]);
    for (const player of [ic, ops]) expect(player.log.some((l) => l.to !== undefined || l.type === 'hint.reveal')).toBe(false);
  });

  it("shows the participant's console the hint among the room's own, in time order", { timeout: 60_000 }, async () => {
    const host = track(await TestSeat.create(server.url, drill));
    const code = host.last('welcome')?.room.code as string;
    const session = await consoleOf(code, 'Omar');
    await host.request('host.start', {});
    await until(() => session.room.getState().stage === 'running', 'the running clock');
    expect(await host.command({ type: 'hint.reveal', to: session.room.getState().you?.seat as string })).toMatchObject({ rejected: null });
    await until(() => (session.store.getState().view?.hintsShown.length ?? 0) === 1, 'the hint on the console');
    const view = session.store.getState().view;
    expect(view?.hintsShown).toEqual([s.hints[0]?.text]);
    const times = view?.timeline.map((e) => e.at) ?? [];
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Patches keep arriving on the shared view; the hint stays.
    const t = view?.t ?? 0;
    await until(() => (session.store.getState().view?.t ?? 0) > t + 60, 'the clock to move on');
    expect(session.store.getState().view?.hintsShown).toEqual([s.hints[0]?.text]);
  });
});

describe('a role the facilitator reassigns mid-drill', () => {
  it("moves the participant's console to the new role's: what it may send, and what it says", { timeout: 60_000 }, async () => {
    const host = track(await TestSeat.create(server.url, drill));
    const code = host.last('welcome')?.room.code as string;
    const session = await consoleOf(code, 'Omar');
    const seat = session.room.getState().you?.seat as string;
    await host.request('host.start', {});
    await until(() => session.room.getState().stage === 'running', 'the running clock');
    expect(session.store.getState().controls.commands).toBe(true);

    host.send('host.assign', { seat, role: 'observer' });
    await until(() => session.room.getState().you?.role === 'observer', 'the observer role');
    expect(session.room.getState().movedTo).toBe('observer');
    expect(session.store.getState().controls).toEqual({ clock: false, commands: false, end: false });

    host.send('host.assign', { seat, role: 'incident-commander' });
    await until(() => session.room.getState().you?.role === 'incident-commander', 'the commander role');
    expect(session.store.getState().controls.commands).toBe(true);
    // The server holds the seat to its new role: the commander sets the severity.
    session.send({ type: 'incident.set-severity', severity: 'SEV2' });
    await until(() => session.store.getState().view?.severity === 'SEV2', 'the severity set');
    expect(session.room.getState().problem).toBeNull();
  });
});
