import { createContext, useContext } from 'react';
import { colyseusDialer } from './colyseus-dialer';
import type { RoomDialer } from './room-channel';

/** How the room screens reach a room server: the page's own origin, or a fake in tests. */
export const DialerContext = createContext<() => RoomDialer>(() => colyseusDialer());

/** Makes a dialer for the room screens. */
export function useDialer(): () => RoomDialer {
  return useContext(DialerContext);
}
