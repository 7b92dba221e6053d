import type { Role } from '../../rooms';

/** What this browser remembers of a seat, so a closed tab or a restarted laptop takes it back. */
export interface SavedSeat {
  name: string;
  role: Role;
  seatToken: string;
  hostToken?: string;
}

const keyOf = (code: string) => `firedrill.room.${code}`;

/** The seat this browser held in a room, if any (a malformed entry counts as none). */
export function loadSeat(storage: Storage, code: string): SavedSeat | null {
  try {
    const raw = storage.getItem(keyOf(code));
    if (!raw) return null;
    const seat = JSON.parse(raw) as Partial<SavedSeat>;
    return typeof seat.name === 'string' && typeof seat.role === 'string' && typeof seat.seatToken === 'string' ? (seat as SavedSeat) : null;
  } catch {
    return null;
  }
}

/** Remembers the seat held in a room. */
export function saveSeat(storage: Storage, code: string, seat: SavedSeat): void {
  storage.setItem(keyOf(code), JSON.stringify(seat));
}

/** Forgets a seat (the participant left the room on purpose). */
export function forgetSeat(storage: Storage, code: string): void {
  storage.removeItem(keyOf(code));
}
