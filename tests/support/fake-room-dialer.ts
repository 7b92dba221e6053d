import type { CreateRoomOptions, JoinRoomOptions, ServerMessages, ServerMessageType } from '../../src/rooms';
import type { RoomChannel, RoomDialer } from '../../src/ui/room/room-channel';

/** One fake connection: records what the client sends and lets a test speak as the server. */
export class FakeChannel implements RoomChannel {
  readonly sent: { type: string; payload: unknown }[] = [];
  open = true;
  consented: boolean | null = null;
  private onMessageHandler: ((type: string, payload: unknown) => void) | null = null;
  private onCloseHandler: ((consented: boolean) => void) | null = null;
  constructor(
    readonly code: string,
    readonly reconnectionToken: string,
    readonly how: { via: 'create'; options: CreateRoomOptions } | { via: 'join'; options: JoinRoomOptions } | { via: 'reconnect' },
  ) {}
  send = (type: string, payload: unknown) => {
    if (!this.open) throw new Error(`sent ${type} on a closed channel`);
    this.sent.push({ type, payload });
  };
  onMessage = (handler: (type: string, payload: unknown) => void) => {
    this.onMessageHandler = handler;
  };
  onClose = (handler: (consented: boolean) => void) => {
    this.onCloseHandler = handler;
  };
  leave = (consented: boolean) => {
    this.open = false;
    this.consented = consented;
    this.onCloseHandler?.(consented);
  };
  /** The server sends a message. */
  say<T extends ServerMessageType>(type: T, payload: ServerMessages[T]): void {
    this.onMessageHandler?.(type, payload);
  }
  /** The network drops. */
  drop(): void {
    this.open = false;
    this.onCloseHandler?.(false);
  }
  /** Messages of one type the client sent. */
  sentOf(type: string): unknown[] {
    return this.sent.filter((m) => m.type === type).map((m) => m.payload);
  }
}

/** A fake room server: every connection it opens is kept, newest last; reconnects can be refused. */
export class FakeDialer implements RoomDialer {
  readonly channels: FakeChannel[] = [];
  refuseReconnect = false;
  refuseJoin: string | null = null;
  private tokens = 0;
  constructor(readonly code = 'K7MP4Q') {}
  private opened(how: FakeChannel['how']): FakeChannel {
    const channel = new FakeChannel(this.code, `reconnect-${(this.tokens += 1)}`, how);
    this.channels.push(channel);
    return channel;
  }
  create = async (options: CreateRoomOptions) => this.opened({ via: 'create', options });
  join = async (code: string, options: JoinRoomOptions) => {
    if (this.refuseJoin) throw new Error(this.refuseJoin);
    if (code !== this.code) throw new Error(`room "${code}" not found`);
    return this.opened({ via: 'join', options });
  };
  reconnect = async () => {
    if (this.refuseReconnect) throw new Error('reconnection token expired');
    return this.opened({ via: 'reconnect' });
  };
  /** The newest connection. */
  get last(): FakeChannel {
    const channel = this.channels.at(-1);
    if (!channel) throw new Error('no connection was opened');
    return channel;
  }
}
