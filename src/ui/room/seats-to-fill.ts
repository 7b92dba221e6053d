import { participantRoles, type ParticipantRole } from '../../rooms';

const keyOf = (code: string) => `firedrill.room.${code}.seats`;

/** Remembers, in the host's browser, which roles the host means to fill (the server does not hold this). */
export function rememberSeatsToFill(storage: Storage, code: string, roles: ParticipantRole[]): void {
  storage.setItem(keyOf(code), JSON.stringify(roles));
}

/** The roles the host meant to fill in a room; none remembered gives an empty list. */
export function seatsToFill(storage: Storage, code: string): ParticipantRole[] {
  try {
    const raw: unknown = JSON.parse(storage.getItem(keyOf(code)) ?? '[]');
    return Array.isArray(raw) ? raw.filter((r): r is ParticipantRole => (participantRoles as readonly unknown[]).includes(r)) : [];
  } catch {
    return [];
  }
}
