import type { ParticipantRole } from '../../../src/rooms';
import { colyseusDialer } from '../../../src/ui/room/colyseus-dialer';
import { openRoomSession, type RoomSession } from '../../../src/ui/room/room-session';

/** Polls until a condition on a browser session's stores holds. */
export async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The app's own room client (what a browser runs), opened by tests and left by `leaveAll`. */
export function appConsoles(url: () => string) {
  const sessions: RoomSession[] = [];
  return {
    /** Joins a room in a role and waits for the seat and its first view. */
    async join(code: string, name: string, role: ParticipantRole): Promise<RoomSession> {
      const session = openRoomSession(colyseusDialer(url()), { how: 'join', code, options: { name, role } }, { storage: null, now: () => Date.now(), newId: () => crypto.randomUUID() });
      sessions.push(session);
      await until(() => session.room.getState().you !== null && session.store.getState().view !== null, 'the seat and its view');
      return session;
    },
    leaveAll(): void {
      for (const s of sessions.splice(0)) s.leave();
    },
  };
}
