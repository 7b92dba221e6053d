import type { ScenarioBook } from './scenarios';
import type { RoomStore } from './store/room-store';

/** What every room of one server process shares. */
export interface RoomContext {
  store: RoomStore;
  scenarios: ScenarioBook;
  /** Wall time runs this many times faster for the clock (1 in play; tests raise it to play a round in seconds). */
  timeScale: number;
  /** Rooms this process holds now. */
  rooms: Set<string>;
  /** Codes this process is bringing back from the store, each with a one-time nonce (only the server itself may ask to restore). */
  restoring: Map<string, string>;
  log: (line: string) => void;
}
