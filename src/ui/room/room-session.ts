import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FacilitatorView, PlayerView } from '../../engine';
import type { RoundOutcome } from '../../engine/facilitator/round-outcome';
import { applyViewPatch, roleLabel, type ParticipantRole, type Role, withPrivateHints, type PrivateHint, roomLimits, type Attribution, type ClientMessage, type ClientMessageType, type ClockState, type CreateRoomOptions, type HostNote, type RubricMark, type ListAppend, type JoinRoomOptions, type Participant, type RoomInfo, type ScheduledInject, type Seat, type ServerMessages } from '../../rooms';
import type { Command, ReplayFile } from '../../scenarios/schema';
import { allControls, noControls, type HostControls, type HostSnapshot, type SessionHost } from '../host/session-host';
import type { RoomChannel, RoomDialer } from './room-channel';
import { forgetSeat, loadSeat, saveSeat, type SavedSeat } from './saved-seat';

/** What a room's screens show beyond the console's view: the room, the seats, the host's schedule. */
export interface RoomPicture {
  info: RoomInfo | null;
  you: Seat | null;
  /** The host's secret, on the host's own connection only. */
  hostToken: string | null;
  participants: Participant[];
  stage: ClockState['stage'];
  /** Who did what, beside the engine's log. */
  log: Attribution[];
  /** The host's whole projection (hidden truth included); null for everyone else. */
  facilitator: FacilitatorView | null;
  /** Once the session is over, its score against par, key steps and decisions (host only). */
  outcome: RoundOutcome | null;
  /** The finished round's replay file, for a second interviewer's round file (host only). */
  replay: ReplayFile | null;
  /** Injects the host scheduled at a sim time (host only). */
  schedule: ScheduledInject[];
  /** The host's private notes and rubric marks (host only; the server sends them to nobody else). */
  notes: HostNote[];
  marks: RubricMark[];
  /** The role the host last moved this seat to, to tell its holder (null until then). */
  movedTo: Role | null;
  /** The last thing the server refused from this participant, to show them. */
  problem: string | null;
  /** Commands sent and not yet acknowledged (they are sent again after a reconnection). */
  pending: number;
  /** Why the room could not be opened at all; nothing is retried after it. */
  failure: string | null;
}

/** A connection to a room as the screens use it: a session host, plus the room's own picture and the host's controls. */
export interface RoomSession extends SessionHost {
  readonly kind: 'room';
  readonly room: StoreApi<RoomPicture>;
  /** Host: starts the incident's clock for everyone. */
  start: () => void;
  /** Host: ends the session for everyone. */
  end: () => void;
  /** Host: fires an inject now, or at a sim time. */
  fireInject: (inject: string, atS?: number) => void;
  /** Host: cancels a scheduled inject. */
  unschedule: (id: string) => void;
  /** Host: moves a participant to another of the room's roles (the lobby tells everyone, the participant's console follows). */
  assign: (seat: string, role: ParticipantRole) => void;
  /** Host: writes a private note pinned to the room's time now, optionally about a log entry. */
  note: (text: string, seq?: number) => void;
  /** Host: scores a rubric criterion (null clears it) with the log entries and notes that justify it. */
  mark: (criterion: string, score: RubricMark['score'], evidence: number[], notes: string[]) => void;
  /** Tries to reconnect now instead of waiting for the next attempt. */
  retryNow: () => void;
  /** Stops this window's connection; the seat stays held for a reconnection. */
  close: () => void;
  /** Gives the seat up and forgets it in this browser. */
  leave: () => void;
}

/** How a room session is opened: creating a room as its host, or joining one. */
export type RoomEntry = { how: 'create'; options: CreateRoomOptions } | { how: 'join'; code: string; options: JoinRoomOptions };

/** What a room session needs from its surroundings; tests pass fakes. */
export interface RoomSessionDeps {
  storage: Storage | null;
  now: () => number;
  newId: () => string;
}

const defaultDeps = (): RoomSessionDeps => ({
  storage: typeof localStorage === 'undefined' ? null : localStorage,
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
});

/** Delay before reconnection attempt `n` (from 0): quick at first, then every few seconds. */
export function retryDelayMs(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 5000);
}

function controlsOf(seat: Seat | null): HostControls {
  if (!seat || seat.role === 'observer') return noControls;
  if (seat.role === 'host') return allControls;
  return { clock: false, commands: true, end: false };
}

function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/fetch|network|ECONNREFUSED|Failed to/i.test(message)) return 'No room server answers at this address. Rooms need `npm run serve`; solo play works without it.';
  return message;
}

/**
 * Opens a room and keeps this window in its seat: it listens to the server's projections, runs
 * the clock's display between them, queues commands until they are acknowledged, and reconnects
 * into the same seat after a drop (Colyseus's token first, then the saved seat after a server restart).
 */
export function openRoomSession(dialer: RoomDialer, entry: RoomEntry, deps: RoomSessionDeps = defaultDeps()): RoomSession {
  const store = createStore<HostSnapshot>()(() => ({ view: null, clock: 0, paused: true, speed: 1, controls: noControls, connection: 'connecting', pausedBy: null }));
  const room = createStore<RoomPicture>()(() => ({ info: null, you: null, hostToken: null, participants: [], stage: 'briefing', log: [], facilitator: null, outcome: null, replay: null, schedule: [], notes: [], marks: [], movedTo: null, problem: null, pending: 0, failure: null }));
  const outbox = new Map<string, { type: ClientMessageType; payload: unknown }>();
  let channel: RoomChannel | null = null;
  let code: string | null = entry.how === 'join' ? entry.code : null;
  let seat: SavedSeat | null = code && deps.storage ? loadSeat(deps.storage, code) : null;
  let closed = false;
  let lastClock: { clock: ClockState; receivedAt: number } | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let droppedAt = 0;
  let lastToken: string | null = null;
  // The room's shared view as received (patches apply to it), and the hints released to this seat alone, shown with it.
  let shared: PlayerView | null = null;
  let hints: PrivateHint[] = [];

  const transmit = <T extends ClientMessageType>(type: T, payload: ClientMessage<T>) => channel?.send(type, payload);
  // The engine commands still waiting for an answer, for the prompts to show (and to be freed by the answer).
  const publishOutbox = () => {
    room.setState({ pending: outbox.size });
    store.setState({ sending: [...outbox.values()].flatMap((m) => (m.type === 'command' ? [(m.payload as ClientMessage<'command'>).command] : [])) });
  };
  const queue = <T extends ClientMessageType>(type: T, payload: ClientMessage<T> & { id: string }) => {
    outbox.set(payload.id, { type, payload });
    publishOutbox();
    transmit(type, payload);
  };
  let refusals = 0;
  // Every answer frees its command; a refusal of an engine command also says why, for the prompt it came from.
  const settle = (id: string | undefined, refusal: string | null) => {
    const sent = id === undefined ? undefined : outbox.get(id);
    if (!id || !sent) return;
    outbox.delete(id);
    publishOutbox();
    if (refusal !== null && sent.type === 'command') store.setState({ refused: { command: (sent.payload as ClientMessage<'command'>).command, reason: refusal, n: (refusals += 1) } });
  };

  const displayedClock = (): number => {
    if (!lastClock) return 0;
    const { clock, receivedAt } = lastClock;
    if (clock.paused || clock.stage !== 'running') return clock.t;
    const endS = store.getState().view?.scenario.clock.endS ?? Infinity;
    return Math.min(clock.t + ((deps.now() - receivedAt) / 1000) * clock.speed, endS);
  };

  const pausedByOf = (paused: boolean, you: Seat | null) => (paused && you && you.role !== 'host' ? `the ${roleLabel('host', room.getState().info?.mode ?? 'drill').toLowerCase()}` : null);

  const takeView = (clock: ClockState, view: PlayerView) => {
    lastClock = { clock, receivedAt: deps.now() };
    shared = view;
    const you = room.getState().you;
    store.setState({ view: withPrivateHints(view, hints), clock: clock.t, paused: clock.paused, speed: clock.speed, pausedBy: pausedByOf(clock.paused, you) });
  };

  // A patch's log carries only the entries added since: keep the first `from`, then append.
  const grownLog = (append: ListAppend<Attribution>): Attribution[] => [...room.getState().log.slice(0, append.from), ...append.items];

  const handle = (type: string, payload: unknown) => {
    if (type === 'welcome') {
      const m = payload as ServerMessages['welcome'];
      code = m.room.code;
      const hostToken = m.hostToken ?? seat?.hostToken;
      seat = { name: m.you.name, role: m.you.role, seatToken: m.seatToken, ...(hostToken ? { hostToken } : {}) };
      if (deps.storage) saveSeat(deps.storage, m.room.code, seat);
      room.setState({ info: m.room, you: m.you, hostToken: hostToken ?? null });
      store.setState({ controls: controlsOf(m.you), pausedBy: pausedByOf(store.getState().paused, m.you), actor: m.you.seat });
    } else if (type === 'lobby') {
      const participants = (payload as ServerMessages['lobby']).participants;
      room.setState({ participants });
      // The host may move this seat to another role mid-drill: take it on, and keep it for a rejoin.
      const you = room.getState().you;
      const now = you && participants.find((p) => p.seat === you.seat);
      if (you && now && now.role !== you.role) {
        const moved = { ...you, role: now.role };
        if (seat) seat = { ...seat, role: now.role };
        if (seat && code && deps.storage) saveSeat(deps.storage, code, seat);
        room.setState({ you: moved, movedTo: now.role });
        store.setState({ controls: controlsOf(moved), pausedBy: pausedByOf(store.getState().paused, moved) });
      }
    } else if (type === 'view.player') {
      const m = payload as ServerMessages['view.player'];
      room.setState({ stage: m.clock.stage, log: m.log });
      takeView(m.clock, m.view);
    } else if (type === 'view.facilitator') {
      const m = payload as ServerMessages['view.facilitator'];
      room.setState({ stage: m.clock.stage, log: m.log, facilitator: m.view, schedule: m.schedule });
      takeView(m.clock, m.view);
    } else if (type === 'patch.player') {
      // A patch applies to the last whole view; before one arrives there is nothing to patch.
      const m = payload as ServerMessages['patch.player'];
      const held = shared;
      if (!held) return;
      room.setState({ stage: m.clock.stage, log: grownLog(m.log) });
      takeView(m.clock, applyViewPatch(held, m.patch));
    } else if (type === 'patch.facilitator') {
      const m = payload as ServerMessages['patch.facilitator'];
      const held = room.getState().facilitator;
      if (!held) return;
      const view = applyViewPatch(held, m.patch);
      room.setState({ stage: m.clock.stage, log: grownLog(m.log), facilitator: view, schedule: m.schedule });
      takeView(m.clock, view);
    } else if (type === 'hint.private') {
      hints = (payload as ServerMessages['hint.private']).hints;
      if (shared) store.setState({ view: withPrivateHints(shared, hints) });
    } else if (type === 'host.outcome') {
      const m = payload as ServerMessages['host.outcome'];
      room.setState({ outcome: m.outcome, replay: m.replay });
    } else if (type === 'host.private') {
      const m = payload as ServerMessages['host.private'];
      room.setState({ notes: m.notes, marks: m.marks });
    } else if (type === 'ack') {
      const m = payload as ServerMessages['ack'];
      settle(m.id, m.rejected);
      // The engine's refusal stays on screen until a later command goes through.
      room.setState({ problem: m.rejected });
    } else if (type === 'error') {
      const m = payload as ServerMessages['error'];
      settle(m.id, m.message);
      room.setState({ problem: m.message });
    }
  };

  const attach = (next: RoomChannel) => {
    if (closed) {
      next.leave(false);
      return;
    }
    channel = next;
    code = next.code;
    lastToken = next.reconnectionToken;
    attempt = 0;
    next.onMessage(handle);
    next.onClose((consented) => {
      if (channel !== next) return;
      channel = null;
      if (!consented && !closed) dropped();
    });
    // Listeners are in place: ask for the whole picture, then send again what was never acknowledged (the server recognises resends by id).
    next.send('sync', {});
    for (const { type, payload } of outbox.values()) next.send(type as 'command', payload as ClientMessage<'command'>);
    store.setState({ connection: 'connected' });
  };

  const rejoinOptions = (): JoinRoomOptions | null => {
    if (!seat) return null;
    if (seat.role === 'host') return seat.hostToken ? { name: seat.name, role: 'host', hostToken: seat.hostToken, seatToken: seat.seatToken } : null;
    return { name: seat.name, role: seat.role, seatToken: seat.seatToken };
  };

  const reconnect = async (token: string | null) => {
    if (closed) return;
    try {
      if (token) return attach(await dialer.reconnect(token));
    } catch {
      // The token no longer works (the server restarted): take the seat back with the saved seat token.
    }
    const options = rejoinOptions();
    try {
      if (!code || !options) throw new Error('no seat to take back');
      attach(await dialer.join(code, options));
    } catch {
      if (closed) return;
      if (deps.now() - droppedAt > roomLimits.reconnectGraceS * 1000) store.setState({ connection: 'lost' });
      retry = setTimeout(() => void reconnect(token), retryDelayMs(attempt++));
    }
  };

  const dropped = () => {
    droppedAt = deps.now();
    store.setState({ connection: 'reconnecting' });
    retry = setTimeout(() => void reconnect(lastToken), retryDelayMs(attempt++));
  };

  const open = async () => {
    try {
      let first: RoomChannel;
      if (entry.how === 'create') first = await dialer.create(entry.options);
      else {
        // A seat this browser held in the room comes back (a reopened tab); the seat token proves it.
        const saved = rejoinOptions();
        const sameSeat = saved && (entry.options.role === 'host' || saved.role === entry.options.role);
        first = await dialer.join(entry.code, sameSeat ? { ...entry.options, seatToken: saved.seatToken } : entry.options);
      }
      attach(first);
    } catch (error) {
      store.setState({ connection: 'lost' });
      room.setState({ failure: describeFailure(error) });
    }
  };
  void open();

  const sendCommand = (command: Command) => {
    const id = deps.newId();
    if (command.type === 'session.start') return queue('host.start', { id });
    if (command.type === 'session.end') return queue('host.end', { id });
    if (command.type === 'facilitator.inject') return queue('host.inject', { id, inject: command.inject });
    queue('command', { id, command, at: Math.floor(displayedClock()) });
  };

  return {
    kind: 'room',
    store,
    room,
    send: sendCommand,
    setPaused: (paused) => transmit('host.pause', { paused }),
    setSpeed: (speed) => transmit('host.speed', { speed }),
    drive: () => {
      const id = setInterval(() => {
        const clock = displayedClock();
        if (clock !== store.getState().clock) store.setState({ clock });
      }, 100);
      return () => clearInterval(id);
    },
    start: () => sendCommand({ type: 'session.start' }),
    end: () => sendCommand({ type: 'session.end' }),
    fireInject: (inject, atS) => queue('host.inject', { id: deps.newId(), inject, ...(atS === undefined ? {} : { atS }) }),
    unschedule: (id) => queue('host.unschedule', { id }),
    assign: (seat, role) => transmit('host.assign', { seat, role }),
    note: (text, seq) => queue('host.note', { id: deps.newId(), text, ...(seq === undefined ? {} : { seq }) }),
    mark: (criterion, score, evidence, notes) => queue('host.mark', { id: deps.newId(), criterion, score, evidence, notes }),
    retryNow: () => {
      if (closed || channel || room.getState().failure) return;
      clearTimeout(retry);
      void reconnect(lastToken);
    },
    close: () => {
      closed = true;
      clearTimeout(retry);
      channel?.leave(false);
      channel = null;
    },
    leave: () => {
      closed = true;
      clearTimeout(retry);
      channel?.leave(true);
      channel = null;
      if (code && deps.storage) forgetSeat(deps.storage, code);
    },
  };
}
