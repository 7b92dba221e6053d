import { Client, Room } from 'colyseus.js';
import { applyViewPatch, type Attribution, type ClientMessageType, type ClockState, type CreateRoomOptions, type JoinRoomOptions, type ScheduledInject, type ServerMessages } from '../../../src/rooms';
import type { FacilitatorView, PlayerView } from '../../../src/engine';
import type { Command } from '../../../src/scenarios/schema';

/** Every raw frame each client room received, kept by the frame audit. */
const frames = new WeakMap<Room, Uint8Array[]>();
// Record each WebSocket frame exactly as it arrived, before colyseus.js decodes it (the callback is protected; reach it as a plain property).
const proto = Room.prototype as unknown as { onMessageCallback: (this: Room, event: MessageEvent) => void };
const original = proto.onMessageCallback;
proto.onMessageCallback = function (this: Room, event: MessageEvent) {
  const list = frames.get(this) ?? [];
  list.push(new Uint8Array(event.data as ArrayBuffer).slice());
  frames.set(this, list);
  original.call(this, event);
};

type Received = { [T in keyof ServerMessages]: { type: T; message: ServerMessages[T] } }[keyof ServerMessages];

let ids = 0;

/**
 * One participant's client in a test: a real colyseus.js connection that keeps every message,
 * applies view patches as a browser would, and waits for what the test expects.
 */
export class TestSeat {
  readonly received: Received[] = [];
  view: PlayerView | FacilitatorView | null = null;
  clock: ClockState | null = null;
  log: Attribution[] = [];
  schedule: ScheduledInject[] = [];
  private waiters: (() => void)[] = [];

  private constructor(
    readonly client: Client,
    public room: Room,
  ) {
    this.listen();
  }

  /** Creates a room as its host. */
  static async create(url: string, options: CreateRoomOptions): Promise<TestSeat> {
    const client = new Client(url);
    const seat = new TestSeat(client, await client.create('firedrill', options));
    await seat.sync();
    return seat;
  }

  /** Joins a room by code. */
  static async join(url: string, code: string, options: JoinRoomOptions): Promise<TestSeat> {
    const client = new Client(url);
    const seat = new TestSeat(client, await client.joinById(code, options));
    await seat.sync();
    return seat;
  }

  private listen(): void {
    this.room.onMessage('*', (type: string | number, message: unknown) => {
      const r = { type, message } as Received;
      this.received.push(r);
      if (r.type === 'view.player' || r.type === 'view.facilitator') {
        this.view = r.message.view;
        this.clock = r.message.clock;
        this.log = r.message.log;
        if (r.type === 'view.facilitator') this.schedule = r.message.schedule;
      }
      if ((r.type === 'patch.player' || r.type === 'patch.facilitator') && this.view) {
        this.view = applyViewPatch(this.view as PlayerView, r.message.patch as never);
        this.clock = r.message.clock;
        this.log = [...this.log.slice(0, r.message.log.from), ...r.message.log.items];
        if (r.type === 'patch.facilitator') this.schedule = r.message.schedule;
      }
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** Asks for the whole state and waits for the view. */
  async sync(): Promise<void> {
    const before = this.received.length;
    this.room.send('sync', {});
    // The answer is welcome, lobby, then the view; a broadcast may arrive before it, so wait for the view after the welcome.
    const answered = () => {
      const since = this.received.slice(before);
      const welcome = since.findIndex((r) => r.type === 'welcome');
      return welcome >= 0 && since.slice(welcome).some((r) => r.type === 'view.player' || r.type === 'view.facilitator');
    };
    await this.until(answered, 'welcome and a view after sync');
  }

  /** The messages of one type received so far. */
  all<T extends keyof ServerMessages>(type: T): ServerMessages[T][] {
    return this.received.filter((r) => r.type === type).map((r) => r.message as ServerMessages[T]);
  }

  /** The last message of a type. */
  last<T extends keyof ServerMessages>(type: T): ServerMessages[T] | undefined {
    return this.all(type).at(-1);
  }

  /** Waits until a condition on what this seat has received holds. */
  until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      const check = () => {
        if (condition()) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  /** Sends any message. */
  send(type: ClientMessageType | string, payload: unknown): void {
    this.room.send(type, payload);
  }

  /** Sends a message with a fresh id and waits (up to `timeoutMs`) for its ack or error. */
  async request(type: ClientMessageType, payload: Record<string, unknown>, id = `t${++ids}-${Date.now()}`, timeoutMs = 15_000): Promise<ServerMessages['ack'] | ServerMessages['error']> {
    const from = this.received.length;
    this.room.send(type, { ...payload, id });
    const answer = () => this.received.slice(from).find((r) => (r.type === 'ack' || r.type === 'error') && r.message.id === id);
    await this.until(() => answer() !== undefined, `an answer to ${type} ${id}`, timeoutMs);
    return answer()?.message as ServerMessages['ack'] | ServerMessages['error'];
  }

  /** Sends an engine command and waits (up to `timeoutMs`) for its answer. */
  command(command: Command, id?: string, at?: number, timeoutMs?: number): Promise<ServerMessages['ack'] | ServerMessages['error']> {
    return this.request('command', { command, ...(at !== undefined && { at }) }, id, timeoutMs);
  }

  /** Waits for the next error message after `from`. */
  async nextError(from: number): Promise<ServerMessages['error']> {
    await this.until(() => this.received.slice(from).some((r) => r.type === 'error'), 'an error');
    return this.received.slice(from).find((r) => r.type === 'error')?.message as ServerMessages['error'];
  }

  /** The raw frames this connection received. */
  frames(): Uint8Array[] {
    return frames.get(this.room) ?? [];
  }

  /** Drops the connection without leaving (a sleeping laptop, a lost network). */
  drop(): void {
    this.room.connection.close();
  }

  /** Reconnects with the Colyseus reconnection token into the same seat. */
  async reconnect(): Promise<void> {
    const room = await this.client.reconnect(this.room.reconnectionToken);
    this.room = room;
    this.listen();
    await this.sync();
  }

  /** Leaves for good. */
  async leave(): Promise<void> {
    if (this.room.connection.isOpen) await this.room.leave(true);
  }
}
