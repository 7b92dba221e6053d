import { Client, type Room } from 'colyseus.js';
import type { RoomChannel, RoomDialer } from './room-channel';

/** The room name the Firedrill server registers. */
const roomName = 'firedrill';

function channelOf(room: Room): RoomChannel {
  // Colyseus closes with its "consented" code on a graceful server shutdown too, so only a leave
  // asked for here counts as consented; any other close is a drop to reconnect from.
  let leaving = false;
  return {
    code: room.roomId,
    reconnectionToken: room.reconnectionToken,
    send: (type, payload) => room.send(type, payload),
    onMessage: (handler) => room.onMessage('*', (type, payload) => handler(String(type), payload)),
    onClose: (handler) => {
      room.onLeave(() => handler(leaving));
    },
    leave: (consented) => {
      leaving = true;
      void room.leave(consented).catch(() => undefined);
    },
  };
}

/** The room server on this page's own origin: `npm run serve` serves the app and the rooms on one port. */
export function colyseusDialer(endpoint: string = window.location.origin): RoomDialer {
  const client = new Client(endpoint);
  return {
    create: async (options) => channelOf(await client.create(roomName, options)),
    join: async (code, options) => channelOf(await client.joinById(code, options)),
    reconnect: async (token) => channelOf(await client.reconnect(token)),
  };
}
