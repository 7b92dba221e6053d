import { ClientState, matchMaker, Protocol, Room, ServerError, type Client, type ClientPrivate } from '@colyseus/core';
import { prepareRun, privateHints } from '../src/engine';
import { makeReplayFile } from '../src/engine/debrief/replay-file';
import type { ReplayFile } from '../src/scenarios/schema';
import { clientMessageSchemas, commandIdSchema, createRoomOptionsSchema, isClientMessageType, roomLimits, type ClientMessage, type ClientMessageType, type ErrorCode, type RoomInfo, type Seat, type ServerMessages, type ServerMessageType } from '../src/rooms';
import type { Command } from '../src/scenarios/schema';
import { branchFrom } from './branch';
import { decodeFrame } from './decode-frame';
import { MessageGuard } from './message-guard';
import type { RoomContext } from './room-context';
import { RoomSession, type Outcome, type Refusal } from './room-session';
import { hostSeat } from './seat-ids';
import { newRoomCode, newToken, tokenHash } from './secrets';
import { SeatDesk, type SeatClaim } from './seat-desk';
import { ViewBroadcaster } from './view-broadcaster';
import { HostNotebook } from './host-notebook';
import { rubricCriteria } from '../src/engine/interview/rubric';
import { roundOutcome, type RoundOutcome } from '../src/engine/facilitator/round-outcome';
import { RoomLostError, type RoomRecord } from './store/room-store';

/** The room type's name, as clients create and join it. */
export const roomName = 'firedrill';

/** How often the clock runs, in wall milliseconds. */
const tickMs = 100;
/** How often a running clock is saved, so a restart resumes close to where the room was. */
const saveClockMs = 1000;
/** How long an ended room with nobody in it stays open. */
const endedRoomTtlMs = 10 * 60 * 1000;

interface SeatData {
  seat: string;
}

/**
 * One Firedrill room: the session's truth (scenario, seed, level, log, clock) held by the
 * server, every command checked, stamped, persisted before it is acknowledged, then applied; each
 * seat receives the projection for its role as messages (no Colyseus state sync).
 */
export class FiredrillRoom extends Room {
  /** Set once by the server before any room is created. */
  static context: RoomContext;

  private record!: RoomRecord;
  private session!: RoomSession;
  private desk!: SeatDesk;
  private readonly guard = new MessageGuard();
  /** Serialises everything that touches the log, so entries are persisted and applied in order. */
  private queue: Promise<unknown> = Promise.resolve();
  private lastTickAt = 0;
  private lastViewAt = 0;
  private lastClockSaveAt = 0;
  private viewDirty = true;
  private flushScheduled = false;
  private creatorPending = false;
  private creatorHostToken: string | null = null;
  private disposing = false;
  private closing = false;
  private views!: ViewBroadcaster;
  private notebook!: HostNotebook;
  /** The finished round's outcome for the host, and the log length it was worked out for (-1: not yet). */
  private outcome: { outcome: RoundOutcome; replay: ReplayFile } | null = null;
  private outcomeFor = -1;
  private outcomeScheduled = false;
  /** How many private hints each seat has been sent. */
  private readonly hintsSent = new Map<string, number>();

  private get ctx(): RoomContext {
    return FiredrillRoom.context;
  }

  async onCreate(options: unknown): Promise<void> {
    this.autoDispose = false;
    this.maxClients = roomLimits.maxParticipantsPerRoom;
    const o = (typeof options === 'object' && options !== null ? options : {}) as { restoreCode?: unknown; restoreNonce?: unknown };
    const restore = typeof o.restoreCode === 'string' && o.restoreNonce !== undefined && this.ctx.restoring.get(o.restoreCode) === o.restoreNonce ? o.restoreCode : null;
    if (restore !== null) await this.restore(restore);
    else await this.create(options);
    this.ctx.rooms.add(this.roomId);
    this.lastTickAt = performance.now();
    this.clock.setInterval(() => this.tick(), tickMs);
  }

  private async create(options: unknown): Promise<void> {
    const parsed = createRoomOptionsSchema.safeParse(options);
    if (!parsed.success) throw new ServerError(400, `create options: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ')}`);
    if (this.ctx.rooms.size >= roomLimits.maxRoomsPerServer) throw new ServerError(503, `this server holds its limit of ${roomLimits.maxRoomsPerServer} rooms`);
    const o = parsed.data;
    const resolved = await this.ctx.scenarios.resolve(o.scenario);
    if (!resolved.ok) throw new ServerError(422, resolved.message);
    let code = newRoomCode();
    while (this.ctx.rooms.has(code) || (await this.ctx.store.codeTaken(code))) code = newRoomCode();
    const hostToken = newToken();
    const scenario = prepareRun(resolved.scenario, o.seed, o.level);
    // "Start a drill from here": the room begins at a moment of an earlier run, its log up to there replayed first.
    const branch = o.from ? branchFrom(scenario, o.seed, o.from) : null;
    if (branch && !branch.ok) throw new ServerError(422, `start from a moment: ${branch.message}`);
    this.session = branch ? branch.session : new RoomSession(scenario, o.seed, [], [], null);
    this.record = { code, hostTokenHash: tokenHash(hostToken), mode: o.mode, scenario: o.scenario, seed: o.seed, level: o.level, clock: this.session.storedClock() };
    await this.ctx.store.createRoom(this.record);
    for (const entry of branch?.entries ?? []) await this.ctx.store.appendEntry(code, entry);
    this.desk = new SeatDesk(this.record, []);
    this.views = new ViewBroadcaster(this.session, (seat) => this.desk.seat(seat));
    this.notebook = new HostNotebook([], criteriaOf(this.session));
    this.roomId = code;
    this.creatorPending = true;
    this.creatorHostToken = hostToken;
    this.ctx.log(`room ${code} created: ${o.mode}, ${resolved.scenario.id}, seed ${o.seed}, ${o.level}${o.from ? `, from ${o.from.at}s of an earlier run (${o.from.log.length} entries)` : ''}`);
  }

  private async restore(code: string): Promise<void> {
    const stored = await this.ctx.store.loadRoom(code);
    if (!stored) throw new ServerError(404, `room ${code} is not in the store`);
    const resolved = await this.ctx.scenarios.resolve(stored.room.scenario);
    if (!resolved.ok) throw new ServerError(422, `room ${code} cannot be restored: ${resolved.message}`);
    this.record = stored.room;
    this.session = new RoomSession(prepareRun(resolved.scenario, stored.room.seed, stored.room.level), stored.room.seed, stored.entries, stored.schedule, stored.room.clock);
    this.desk = new SeatDesk(this.record, stored.seats);
    this.views = new ViewBroadcaster(this.session, (seat) => this.desk.seat(seat));
    this.notebook = new HostNotebook(stored.hostRecords, criteriaOf(this.session));
    this.roomId = code;
    await this.ctx.store.saveClock(code, this.session.storedClock());
    this.ctx.log(`room ${code} restored: ${stored.entries.length} entries, paused at ${Math.floor(this.session.clock)}s`);
  }

  onAuth(_client: Client, options: unknown): SeatClaim {
    if (this.creatorPending && createRoomOptionsSchema.safeParse(options).success) {
      this.creatorPending = false;
      const name = (options as { name: string }).name.trim();
      return this.desk.claimHostAsCreator(name, this.creatorHostToken as string);
    }
    const claim = this.desk.claim(options);
    if ('error' in claim) throw new ServerError(claim.status, claim.error);
    return claim;
  }

  async onJoin(client: Client<SeatData>, _options: unknown, claim: SeatClaim): Promise<void> {
    client.userData = { seat: claim.seat.seat };
    if (claim.persist) await this.ctx.store.saveSeat(this.roomId, claim.persist);
    // One connection per seat: a seat taken back elsewhere (another tab, a restarted laptop) drops the old one.
    for (const other of this.clients) if (other !== client && other.userData?.seat === claim.seat.seat) other.leave(4001, 'this seat was taken by another connection');
    this.desk.connect(claim.seat.seat, client.sessionId);
    this.broadcastLobby();
  }

  async onLeave(client: Client<SeatData>, consented: boolean): Promise<void> {
    const seat = client.userData?.seat;
    this.guard.forget(client.sessionId);
    this.hintsSent.delete(client.sessionId);
    if (seat) this.desk.disconnect(seat, client.sessionId);
    this.broadcastLobby();
    if (!consented && seat && !this.disposing) {
      try {
        const back = await this.allowReconnection(client, roomLimits.reconnectGraceS);
        this.desk.connect(seat, back.sessionId);
        this.broadcastLobby();
        return;
      } catch (_error) {
        // The grace ran out; the seat stays theirs to take back with its seat token.
      }
    }
    this.closeIfDone();
  }

  async onDispose(): Promise<void> {
    this.disposing = true;
    this.ctx.rooms.delete(this.roomId);
    await this.queue.catch(() => undefined);
    if (this.session) await this.ctx.store.saveClock(this.roomId, this.session.storedClock()).catch((e: unknown) => this.ctx.log(`room ${this.roomId}: could not save its clock: ${String(e)}`));
  }

  onUncaughtException(error: Error, method: string): void {
    this.ctx.log(`room ${this.roomId}: ${method} failed: ${error.stack ?? error.message}`);
  }

  // Every frame passes here first: size and rate are checked before decoding, and a frame that
  // does not decode or names no known type is answered with an error instead of a disconnect.
  protected _onMessage(client: Client & ClientPrivate, buffer: Buffer): void {
    const code = buffer[0];
    if (code !== Protocol.ROOM_DATA && code !== Protocol.ROOM_DATA_BYTES) {
      super._onMessage(client, buffer);
      return;
    }
    if (client.state === ClientState.LEAVING) return;
    const refusal = this.guard.check(client.sessionId, buffer.byteLength, Date.now());
    const frame = decodeFrame(buffer);
    if (refusal) {
      // A refused message that carries an id is always answered, so its sender's pending command
      // resolves; one without (sync, pause) is told once a second during a flood.
      const id = frame.ok ? idOf(frame.payload) : undefined;
      if (id !== undefined || !refusal.quiet) this.sendError(client, refusal.code, refusal.message, frame.ok ? String(frame.type).slice(0, 60) : frame.type, id);
      return;
    }
    if (frame.ok) this.dispatch(client as Client<SeatData>, frame.type, frame.payload);
    else this.sendError(client, 'malformed', frame.message, frame.type);
  }

  private dispatch(client: Client<SeatData>, type: string | number, payload: unknown): void {
    // Echo the sender's id on a refusal, when it sent one that looks like an id, so it can match the answer.
    const id = idOf(payload);
    const shownType = String(type).slice(0, 60);
    if (this.disposing) return this.sendError(client, 'closed', 'this room is closing; nothing more is recorded', shownType, id);
    if (!isClientMessageType(type)) return this.sendError(client, 'unknown-type', `there is no message type "${shownType}"`, shownType, id);
    const seat = this.desk.seat(client.userData?.seat ?? '');
    if (!seat) return this.sendError(client, 'forbidden', 'this connection holds no seat', type, id);
    if (type !== 'sync' && type !== 'command' && seat.role !== 'host') return this.sendError(client, 'forbidden', `only the host may send ${type}`, type, id);
    const parsed = clientMessageSchemas[type].safeParse(payload ?? {});
    if (!parsed.success) return this.sendError(client, 'malformed', `${type}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ')}`, type, id);
    this.handle(client, seat, type, parsed.data);
  }

  private handle<T extends ClientMessageType>(client: Client<SeatData>, seat: Seat, type: T, message: ClientMessage<T>): void {
    const m = message as ClientMessage<ClientMessageType>;
    switch (type) {
      case 'sync':
        return this.sendWhole(client);
      case 'command': {
        const c = m as ClientMessage<'command'>;
        if (!this.desk.mayCommand(seat, c.command.type)) return this.sendError(client, 'forbidden', `a ${seat.role} may not send ${c.command.type}`, type, c.id);
        if (c.command.type === 'hint.reveal' && c.command.to !== undefined) {
          if (seat.role !== 'host') return this.sendError(client, 'forbidden', 'only the host releases a hint to one person', type, c.id);
          const to = this.desk.seat(c.command.to);
          if (!to || to.role === 'host') return this.sendError(client, 'not-found', `there is no participant seat "${c.command.to}" to release a hint to`, type, c.id);
        }
        return this.command(client, seat, c.id, c.command, c.at);
      }
      case 'host.start':
        return this.command(client, seat, (m as ClientMessage<'host.start'>).id, { type: 'session.start' }, undefined);
      case 'host.end':
        return this.command(client, seat, (m as ClientMessage<'host.end'>).id, { type: 'session.end' }, undefined);
      case 'host.inject': {
        const x = m as ClientMessage<'host.inject'>;
        if (x.atS === undefined) return this.command(client, seat, x.id, { type: 'facilitator.inject', inject: x.inject }, undefined);
        return this.scheduleInject(client, x.id, x.inject, x.atS);
      }
      case 'host.unschedule':
        return this.unschedule(client, (m as ClientMessage<'host.unschedule'>).id);
      case 'host.pause':
        return this.setClock(client, { paused: (m as ClientMessage<'host.pause'>).paused });
      case 'host.speed':
        return this.setClock(client, { speed: (m as ClientMessage<'host.speed'>).speed });
      case 'host.note':
      case 'host.mark':
        return this.writeNotebook(client, type, m as ClientMessage<'host.note'> | ClientMessage<'host.mark'>);
      case 'host.assign': {
        const x = m as ClientMessage<'host.assign'>;
        return this.enqueue(client, type, async () => {
          const changed = this.desk.assign(x.seat, x.role);
          if ('error' in changed) return this.sendError(client, 'not-found', changed.error, type);
          await this.ctx.store.saveSeat(this.roomId, changed);
          this.broadcastLobby();
        });
      }
    }
  }

  /** Checks, stamps, persists, acknowledges and applies one command; a resend gets its first answer. */
  private command(client: Client, seat: Seat, id: string, command: Command, clientAt: number | undefined): void {
    this.enqueue(client, 'command', async () => {
      const seen = this.session.outcomeOf(seat.seat, id);
      if (seen) return this.sendAck(client, seen, true);
      const at = this.session.stamp(clientAt);
      if (typeof at !== 'number') return this.sendError(client, at.code, at.message, 'command', id);
      const entry = this.session.prepare(at, command, seat, id);
      await this.ctx.store.appendEntry(this.roomId, entry);
      const outcome = this.session.apply(entry);
      this.sendAck(client, outcome, false);
      this.changed(true);
    }, id);
  }

  private scheduleInject(client: Client, id: string, inject: string, atS: number): void {
    this.enqueue(client, 'host.inject', async () => {
      const seen = this.session.outcomeOf(hostSeat, id);
      if (seen) return this.sendAck(client, seen, true);
      const refusal: Refusal | null = this.session.checkSchedule(inject, atS);
      if (refusal) return this.sendError(client, refusal.code, refusal.message, 'host.inject', id);
      const item = { id, inject, atS, firedSeq: null };
      await this.ctx.store.addSchedule(this.roomId, item);
      this.session.addSchedule(item);
      this.sendAck(client, { id, seq: null, at: atS, rejected: null }, false);
      this.changed(true);
    }, id);
  }

  private unschedule(client: Client, id: string): void {
    this.enqueue(client, 'host.unschedule', async () => {
      const item = this.session.schedule.find((s) => s.id === id && s.firedSeq === null);
      if (!item) return this.sendError(client, 'not-found', `no scheduled inject "${id}" is waiting to fire`, 'host.unschedule', id);
      await this.ctx.store.removeSchedule(this.roomId, id);
      this.session.removeSchedule(id);
      this.sendAck(client, { id, seq: null, at: item.atS, rejected: null }, false);
      this.changed(true);
    }, id);
  }

  /**
   * Writes to the host's notebook: a note pinned to the room's time now (a resend is recognised by
   * its id), or a rubric mark replacing the criterion's previous one. Persisted, then acknowledged.
   */
  private writeNotebook(client: Client, type: 'host.note' | 'host.mark', m: ClientMessage<'host.note'> | ClientMessage<'host.mark'>): void {
    this.enqueue(client, type, async () => {
      const at = this.session.stamp(undefined) as number;
      const answer = { id: m.id, seq: null, at, rejected: null };
      if (type === 'host.note' && this.notebook.hasNote(m.id)) return this.sendAck(client, answer, true);
      const logLength = this.session.entries.length;
      const record = 'criterion' in m ? this.notebook.mark(m, at, logLength) : this.notebook.note(m, at, logLength);
      if ('code' in record) return this.sendError(client, record.code, record.message, type, m.id);
      await this.ctx.store.saveHostRecord(this.roomId, record);
      this.notebook.keep(record);
      this.sendAck(client, answer, false);
      this.sendPrivate();
    }, m.id);
  }

  /** The host's notebook, to the host's connections only. */
  private sendPrivate(only?: Client): void {
    const picture = this.notebook.picture();
    for (const c of only ? [only] : this.clients) if (this.roleOf(c) === 'host') this.sendTo(c, 'host.private', picture);
  }

  private setClock(client: Client, change: { paused?: boolean; speed?: number }): void {
    this.enqueue(client, 'host.clock', async () => {
      // Run the clock up to now first, so a pause freezes it where everyone's display shows it.
      await this.runClock();
      if (change.paused !== undefined) this.session.paused = change.paused;
      if (change.speed !== undefined) this.session.speed = change.speed;
      await this.ctx.store.saveClock(this.roomId, this.session.storedClock());
      this.changed(true);
    });
  }

  private tick(): void {
    if (this.disposing) return;
    this.enqueue(null, 'tick', () => this.runClock());
    const now = performance.now();
    if (this.viewDirty && now - this.lastViewAt >= roomLimits.viewIntervalMs) this.flushViews();
  }

  /** Runs the clock to now; a scheduled inject that falls due is persisted and applied at its exact sim time. */
  private async runClock(): Promise<void> {
    const now = performance.now();
    let wallMs = (now - this.lastTickAt) * this.ctx.timeScale;
    this.lastTickAt = now;
    for (;;) {
      const { due, leftMs, stepped } = this.session.run(wallMs);
      if (stepped) this.changed(false);
      // Time ran out with nobody in the room: it closes like an ended room everyone left.
      if (stepped && this.session.state.ended) this.closeIfDone();
      if (!due) break;
      const entry = this.session.prepare(Math.max(due.atS, this.session.state.t), { type: 'facilitator.inject', inject: due.inject }, this.desk.hostSeat(), due.id);
      await this.ctx.store.appendEntry(this.roomId, entry);
      const outcome = this.session.apply(entry);
      this.ctx.log(`room ${this.roomId}: scheduled inject ${due.inject} fired at ${entry.at}s${outcome.rejected ? ` (refused: ${outcome.rejected})` : ''}`);
      this.changed(true);
      wallMs = leftMs;
    }
    if (now - this.lastClockSaveAt >= saveClockMs && this.session.running && !this.session.paused) {
      this.lastClockSaveAt = now;
      await this.ctx.store.saveClock(this.roomId, this.session.storedClock());
    }
  }

  private enqueue(client: Client | null, what: string, work: () => Promise<void> | void, id?: string): void {
    this.queue = this.queue
      .then(work)
      .catch((error: unknown) => {
        if (error instanceof RoomLostError) return this.letGo();
        this.ctx.log(`room ${this.roomId}: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (client) this.sendError(client, 'internal', `the server could not complete ${what}; nothing was recorded`, what, id);
      });
  }

  // Another process took the room over while this one was cut off from Redis: close this copy, and
  // its clients, reconnecting as after any drop, reach the room where it is now. Nothing was recorded.
  private letGo(): void {
    if (this.disposing) return;
    this.ctx.log(`room ${this.roomId}: another server process holds it now; closing the copy here`);
    // The listing under this code is the new holder's: closing must not remove it, so detach ours.
    this.listing = matchMaker.driver.createInstance({ name: roomName, processId: matchMaker.processId });
    void this.disconnect(Protocol.WS_CLOSE_WITH_ERROR);
  }

  /** Marks the views stale; `now` sends them at once (a command, the host's clock) instead of at the next interval. */
  private changed(now: boolean): void {
    this.viewDirty = true;
    if (!now || this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (!this.disposing) this.flushViews();
    });
  }

  private flushViews(): void {
    if (!this.viewDirty && this.views.started) return;
    // Nobody to tell: stay dirty, and compute the views when someone is there to receive them.
    if (this.clients.length === 0) return;
    this.viewDirty = false;
    this.lastViewAt = performance.now();
    const hosts = this.clients.filter((c) => this.roleOf(c) === 'host');
    const players = this.clients.filter((c) => this.roleOf(c) !== 'host');
    const { player, host } = this.views.next(Date.now());
    if (players.length > 0) this.broadcast(player.type, player.message, { except: hosts });
    if (hosts.length > 0) this.broadcast(host.type, host.message, { except: players });
    for (const c of players) this.sendHints(c, false);
    this.scheduleOutcome();
  }

  /**
   * Once the session is over, the host's outcome (which replays the model) is worked out in the
   * room's queue after the broadcast that told everyone, never inside a view: once at the end, and
   * again only if the log grows after it (a postmortem).
   */
  private scheduleOutcome(): void {
    if (this.session.state.ended === null || this.outcomeScheduled || this.outcomeFor === this.session.entries.length) return;
    this.outcomeScheduled = true;
    setImmediate(() =>
      this.enqueue(null, 'the outcome', () => {
        this.outcomeScheduled = false;
        const logLength = this.session.entries.length;
        if (this.disposing || this.outcomeFor === logLength) return;
        const outcome = roundOutcome(this.session.scenario, this.session.state);
        this.outcome = outcome && { outcome, replay: makeReplayFile(this.session.scenario, this.session.state) };
        this.outcomeFor = logLength;
        this.sendOutcome();
      }),
    );
  }

  /** The hints released to this connection's seat alone, when it has some it was not sent yet (or always, on sync). */
  private sendHints(client: Client, always: boolean): void {
    const seat = (client as Client<SeatData>).userData?.seat;
    if (seat === undefined) return;
    const hints = privateHints(this.session.state, seat);
    if (hints.length === 0 || (!always && this.hintsSent.get(client.sessionId) === hints.length)) return;
    this.hintsSent.set(client.sessionId, hints.length);
    this.sendTo(client, 'hint.private', { hints });
  }

  /** The outcome, to the host's connections only. */
  private sendOutcome(only?: Client): void {
    if (!this.outcome) return;
    for (const c of only ? [only] : this.clients) if (this.roleOf(c) === 'host') this.sendTo(c, 'host.outcome', this.outcome);
  }

  private roleOf(client: Client): string | undefined {
    return this.desk.seat((client as Client<SeatData>).userData?.seat ?? '')?.role;
  }

  private sendWhole(client: Client<SeatData>): void {
    const seat = this.desk.seat(client.userData?.seat ?? '');
    if (!seat) return;
    const hostToken = seat.role === 'host' ? this.desk.hostToken : null;
    this.sendTo(client, 'welcome', { you: seat, seatToken: this.desk.tokenOf(seat.seat) ?? '', room: this.info(), ...(hostToken !== null && { hostToken }) });
    this.sendTo(client, 'lobby', { participants: this.desk.participants() });
    // Bring everyone up to now first, so the whole view sent here is the base the next patch applies to.
    this.flushViews();
    const whole = this.views.whole(seat.role === 'host' ? 'host' : 'player', Date.now());
    if (whole) client.send(whole.type, whole.message);
    if (seat.role !== 'host') this.sendHints(client, true);
    if (seat.role === 'host') {
      this.sendPrivate(client);
      this.sendOutcome(client);
      this.scheduleOutcome();
    }
  }

  private info(): RoomInfo {
    return { code: this.roomId, mode: this.record.mode, scenario: { id: this.session.scenario.id, title: this.session.scenario.title }, level: this.record.level, seed: this.record.seed };
  }

  private broadcastLobby(): void {
    this.broadcast('lobby', { participants: this.desk.participants() });
  }

  private sendAck(client: Client, outcome: Outcome, duplicate: boolean): void {
    this.sendTo(client, 'ack', { ...outcome, duplicate });
  }

  private sendError(client: Client, code: ErrorCode, message: string, type?: string, id?: string): void {
    this.sendTo(client, 'error', { code, message, ...(type !== undefined && { type }), ...(id !== undefined && { id }) });
  }

  private sendTo<T extends ServerMessageType>(client: Client, type: T, message: ServerMessages[T]): void {
    client.send(type, message);
  }

  // An ended session with nobody left is closed for good after a while; one still in play stays
  // open (in memory and in the store) until it ends, so a restart or a late return finds it.
  private closeIfDone(): void {
    if (this.session.state.ended === null || this.clients.length > 0 || this.disposing || this.closing) return;
    this.closing = true;
    this.clock.setTimeout(() => {
      this.closing = false;
      if (this.clients.length > 0 || this.disposing) return;
      this.enqueue(null, 'close', async () => {
        await this.ctx.store.closeRoom(this.roomId);
        await this.disconnect();
      });
    }, endedRoomTtlMs);
  }
}

/** The id a message carries, when it is one a client could have made (so a refusal can name it). */
function idOf(payload: unknown): string | undefined {
  const raw = typeof payload === 'object' && payload !== null && 'id' in payload ? payload.id : undefined;
  return typeof raw === 'string' && commandIdSchema.safeParse(raw).success ? raw : undefined;
}

function criteriaOf(session: RoomSession): Set<string> {
  return new Set(rubricCriteria(session.scenario.rubric).map((c) => c.id));
}

/** Tells the room type which context its rooms share (called once, before the server listens). */
export function useRoomContext(context: RoomContext): void {
  FiredrillRoom.context = context;
}
