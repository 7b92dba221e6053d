import type { ClientMessage, ClientMessageType, CreateRoomOptions, JoinRoomOptions } from '../../rooms';

/** One live connection to a room, as the room session needs it (Colyseus in the app, a fake in tests). */
export interface RoomChannel {
  /** The room's code (the Colyseus room id). */
  readonly code: string;
  /** What takes this connection's seat back after a dropped network, within the reconnection grace. */
  readonly reconnectionToken: string;
  send: <T extends ClientMessageType>(type: T, payload: ClientMessage<T>) => void;
  /** Every message the server sends, by type. */
  onMessage: (handler: (type: string, payload: unknown) => void) => void;
  /** The connection closed: `consented` when this side left on purpose. */
  onClose: (handler: (consented: boolean) => void) => void;
  /** Closes the connection: `consented` gives the seat up, otherwise the server holds it for a reconnection. */
  leave: (consented: boolean) => void;
}

/** Opens connections to a room server. */
export interface RoomDialer {
  create: (options: CreateRoomOptions) => Promise<RoomChannel>;
  join: (code: string, options: JoinRoomOptions) => Promise<RoomChannel>;
  reconnect: (reconnectionToken: string) => Promise<RoomChannel>;
}
