import type { RoomSession } from './room-session';

// A room created on the "new room" screen is handed to the host screen its link opens, so the
// host keeps the connection that created it instead of joining a second time.
const handedOver = new Map<string, RoomSession>();

/** Keeps an open room session for the screen that shows it next. */
export function handOver(code: string, session: RoomSession): void {
  handedOver.set(code, session);
}

/** Takes a room session handed over for a code, if any (once). */
export function takeOver(code: string): RoomSession | null {
  const session = handedOver.get(code) ?? null;
  handedOver.delete(code);
  return session;
}
