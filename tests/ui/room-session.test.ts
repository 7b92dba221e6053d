import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createInitialState, facilitatorView, playerView, prepareRun } from '../../src/engine';
import type { ClockState, Seat } from '../../src/rooms';
import { openRoomSession, retryDelayMs, type RoomSession } from '../../src/ui/room/room-session';
import { loadSeat, saveSeat } from '../../src/ui/room/saved-seat';
import type { Scenario } from '../../src/scenarios/schema';
import { FakeDialer } from '../support/fake-room-dialer';
import { requireBuiltinScenario } from '../support/require-scenario';

let scenario: Scenario;
beforeAll(async () => {
  scenario = prepareRun(await requireBuiltinScenario('avro-schema-break'), 7, 'normal');
});

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear = () => this.items.clear();
  getItem = (k: string) => this.items.get(k) ?? null;
  key = (i: number) => [...this.items.keys()][i] ?? null;
  removeItem = (k: string) => void this.items.delete(k);
  setItem = (k: string, v: string) => void this.items.set(k, v);
}

const room = { code: 'K7MP4Q', mode: 'drill' as const, scenario: { id: 'avro-schema-break', title: 'Avro' }, level: 'normal' as const, seed: 7 };
const ops: Seat = { seat: 's-ops', name: 'Ana', role: 'operations' };
const clockAt = (t: number, over: Partial<ClockState> = {}): ClockState => ({ t, paused: false, speed: 10, stage: 'running', serverNow: 0, ...over });

let sessions: RoomSession[] = [];
afterEach(() => {
  for (const s of sessions) s.close();
  sessions = [];
  vi.useRealTimers();
});

function setup(storage = new MemoryStorage()) {
  let now = 1_000_000;
  let ids = 0;
  const dialer = new FakeDialer();
  const session = openRoomSession(dialer, { how: 'join', code: 'K7MP4Q', options: { name: 'Ana', role: 'operations' } }, { storage, now: () => now, newId: () => `cmd-${(ids += 1)}` });
  sessions.push(session);
  return { dialer, session, storage, advance: (ms: number) => (now += ms) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('a room session', () => {
  it('asks for the whole picture once its listeners are in place, and shows the player view it receives', async () => {
    const { dialer, session } = setup();
    await flush();
    expect(dialer.last.sent[0]).toEqual({ type: 'sync', payload: {} });
    dialer.last.say('welcome', { you: ops, seatToken: 'seat-token', room });
    const view = playerView(scenario, createInitialState(scenario, 7));
    dialer.last.say('view.player', { clock: clockAt(-120), view, log: [] });
    expect(session.store.getState()).toMatchObject({ view, clock: -120, paused: false, speed: 10, connection: 'connected', controls: { clock: false, commands: true, end: false } });
    expect(session.room.getState().you).toEqual(ops);
  });

  it('applies patches to the last whole view, and ignores them before one arrives', async () => {
    const { dialer, session } = setup();
    await flush();
    dialer.last.say('patch.player', { clock: clockAt(5), patch: { set: { severity: 'SEV1' } }, log: { from: 0, items: [] } });
    expect(session.store.getState().view).toBeNull();
    const view = playerView(scenario, createInitialState(scenario, 7));
    const first = { seq: 0, at: 0, type: 'session.start' as const, by: { seat: 's-host', name: 'Fay', role: 'host' as const } };
    const second = { seq: 1, at: 6, type: 'incident.set-severity' as const, by: { seat: 's-ic', name: 'Ian', role: 'incident-commander' as const } };
    dialer.last.say('view.player', { clock: clockAt(5), view, log: [first] });
    dialer.last.say('patch.player', { clock: clockAt(6), patch: { set: { severity: 'SEV2' } }, log: { from: 1, items: [second] } });
    expect(session.store.getState().view).toEqual({ ...view, severity: 'SEV2' });
    expect(session.store.getState().clock).toBe(6);
    expect(session.room.getState().log).toEqual([first, second]);
  });

  it('runs the clock display from the last view at the room speed, and freezes it while paused', async () => {
    const { dialer, session, advance } = setup();
    await flush();
    const view = playerView(scenario, createInitialState(scenario, 7));
    dialer.last.say('welcome', { you: ops, seatToken: 'seat-token', room });
    dialer.last.say('view.player', { clock: clockAt(100), view, log: [] });
    vi.useFakeTimers();
    const stop = session.drive();
    advance(1500);
    vi.advanceTimersByTime(100);
    expect(session.store.getState().clock).toBe(115);
    dialer.last.say('view.player', { clock: clockAt(118, { paused: true }), view, log: [] });
    advance(5000);
    vi.advanceTimersByTime(100);
    expect(session.store.getState()).toMatchObject({ clock: 118, paused: true, pausedBy: 'the facilitator' });
    stop();
  });

  it('sends commands with an id and the sim time shown, and settles them when acknowledged', async () => {
    const { dialer, session } = setup();
    await flush();
    dialer.last.say('view.player', { clock: clockAt(42.6), view: playerView(scenario, createInitialState(scenario, 7)), log: [] });
    session.send({ type: 'note.add', text: 'lag rising' });
    expect(dialer.last.sentOf('command')).toEqual([{ id: 'cmd-1', command: { type: 'note.add', text: 'lag rising' }, at: 42 }]);
    expect(session.room.getState().pending).toBe(1);
    dialer.last.say('ack', { id: 'cmd-1', seq: 3, at: 42, rejected: null, duplicate: false });
    expect(session.room.getState().pending).toBe(0);
  });

  it('shows what the server refused, to this participant', async () => {
    const { dialer, session } = setup();
    await flush();
    session.send({ type: 'incident.declare-cause', component: 'job:x', mechanism: 'under-provisioned', evidence: ['x line'] });
    dialer.last.say('error', { code: 'forbidden', message: 'Only the incident commander declares the cause.', type: 'command', id: 'cmd-1' });
    expect(session.room.getState()).toMatchObject({ problem: 'Only the incident commander declares the cause.', pending: 0 });
  });

  it('reconnects into the same seat after a drop and sends again what was never acknowledged', async () => {
    vi.useFakeTimers();
    const { dialer, session } = setup();
    await vi.advanceTimersByTimeAsync(0);
    const first = dialer.last;
    first.say('welcome', { you: ops, seatToken: 'seat-token', room });
    session.send({ type: 'note.add', text: 'before the drop' });
    first.drop();
    expect(session.store.getState().connection).toBe('reconnecting');
    session.send({ type: 'note.add', text: 'while away' });
    await vi.advanceTimersByTimeAsync(retryDelayMs(0));
    const second = dialer.last;
    expect(second).not.toBe(first);
    expect(second.how.via).toBe('reconnect');
    expect(second.sent.map((m) => m.type)).toEqual(['sync', 'command', 'command']);
    expect(second.sentOf('command').map((c) => (c as { id: string }).id)).toEqual(['cmd-1', 'cmd-2']);
    expect(session.store.getState().connection).toBe('connected');
  });

  it('takes the seat back with its seat token when the server restarted and the reconnection token is gone', async () => {
    vi.useFakeTimers();
    const { dialer, session } = setup();
    await vi.advanceTimersByTimeAsync(0);
    dialer.last.say('welcome', { you: ops, seatToken: 'seat-token', room });
    dialer.refuseReconnect = true;
    dialer.last.drop();
    await vi.advanceTimersByTimeAsync(retryDelayMs(0));
    expect(dialer.last.how).toEqual({ via: 'join', options: { name: 'Ana', role: 'operations', seatToken: 'seat-token' } });
    expect(session.store.getState().connection).toBe('connected');
  });

  it('says the connection is lost once the reconnection grace has passed, and keeps trying', async () => {
    vi.useFakeTimers();
    const { dialer, session, advance } = setup();
    await vi.advanceTimersByTimeAsync(0);
    dialer.last.say('welcome', { you: ops, seatToken: 'seat-token', room });
    dialer.refuseReconnect = true;
    dialer.refuseJoin = 'server unreachable';
    dialer.last.drop();
    advance(121_000);
    await vi.advanceTimersByTimeAsync(retryDelayMs(0));
    expect(session.store.getState().connection).toBe('lost');
    dialer.refuseReconnect = false;
    dialer.refuseJoin = null;
    await vi.advanceTimersByTimeAsync(retryDelayMs(5));
    expect(session.store.getState().connection).toBe('connected');
  });

  it('remembers the seat so a reopened tab joins with its seat token', async () => {
    const storage = new MemoryStorage();
    const first = setup(storage);
    await flush();
    first.dialer.last.say('welcome', { you: ops, seatToken: 'seat-token', room });
    expect(loadSeat(storage, 'K7MP4Q')).toEqual({ name: 'Ana', role: 'operations', seatToken: 'seat-token' });
    first.session.close();
    const second = setup(storage);
    await flush();
    expect(second.dialer.last.how).toEqual({ via: 'join', options: { name: 'Ana', role: 'operations', seatToken: 'seat-token' } });
  });

  it('does not offer a saved seat of another role to a different role', async () => {
    const storage = new MemoryStorage();
    saveSeat(storage, 'K7MP4Q', { name: 'Ana', role: 'scribe', seatToken: 'old-seat' });
    const { dialer } = setup(storage);
    await flush();
    expect(dialer.last.how).toEqual({ via: 'join', options: { name: 'Ana', role: 'operations' } });
  });

  it('reports a room that cannot be opened and does not retry', async () => {
    const storage = new MemoryStorage();
    const dialer = new FakeDialer('OTHER2');
    const session = openRoomSession(dialer, { how: 'join', code: 'K7MP4Q', options: { name: 'Ana', role: 'operations' } }, { storage, now: Date.now, newId: () => 'x' });
    sessions.push(session);
    await flush();
    expect(session.room.getState().failure).toMatch(/not found/);
    expect(session.store.getState().connection).toBe('lost');
  });

  it('gives the host the clock, the start, the injects and the end through the host messages', async () => {
    const storage = new MemoryStorage();
    let ids = 0;
    const dialer = new FakeDialer();
    const host = openRoomSession(dialer, { how: 'create', options: { mode: 'drill', name: 'Fay', scenario: { kind: 'builtin', id: 'avro-schema-break' }, seed: 7, level: 'normal' } }, { storage, now: Date.now, newId: () => `h-${(ids += 1)}` });
    sessions.push(host);
    await flush();
    dialer.last.say('welcome', { you: { seat: 's-host', name: 'Fay', role: 'host' }, seatToken: 'host-seat', room, hostToken: 'host-token' });
    dialer.last.say('view.facilitator', { clock: clockAt(0, { stage: 'briefing' }), view: facilitatorView(scenario, createInitialState(scenario, 7)), log: [], schedule: [] });
    expect(host.store.getState().controls).toEqual({ clock: true, commands: true, end: true });
    expect(host.room.getState()).toMatchObject({ hostToken: 'host-token', stage: 'briefing' });
    host.start();
    host.setPaused(true);
    host.setSpeed(20);
    host.fireInject('exec-escalation');
    host.fireInject('exec-escalation', 1500);
    host.end();
    expect(dialer.last.sent.slice(1)).toEqual([
      { type: 'host.start', payload: { id: 'h-1' } },
      { type: 'host.pause', payload: { paused: true } },
      { type: 'host.speed', payload: { speed: 20 } },
      { type: 'host.inject', payload: { id: 'h-2', inject: 'exec-escalation' } },
      { type: 'host.inject', payload: { id: 'h-3', inject: 'exec-escalation', atS: 1500 } },
      { type: 'host.end', payload: { id: 'h-4' } },
    ]);
    expect(loadSeat(storage, 'K7MP4Q')).toEqual({ name: 'Fay', role: 'host', seatToken: 'host-seat', hostToken: 'host-token' });
  });

  it('gives an observer nothing to send', async () => {
    const { dialer, session } = setup();
    await flush();
    dialer.last.say('welcome', { you: { seat: 's-obs', name: 'Ana', role: 'observer' }, seatToken: 'seat-token', room });
    expect(session.store.getState().controls).toEqual({ clock: false, commands: false, end: false });
  });
});
