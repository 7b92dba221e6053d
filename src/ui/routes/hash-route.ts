import { parseRoomLink } from '../../rooms/links';

/**
 * Screens reached by a link rather than from the catalogue. They live in the URL's fragment so
 * the static build needs no server rewrite, and the host's secret never reaches a server log.
 */
export type HashRoute =
  /** A read-only window that follows another window of this browser (a projector). */
  | { kind: 'follow' }
  /** Join a room, with its code when the link carries one. */
  | { kind: 'join'; code: string | null }
  /** The host's own controls of a room, opened with its secret token. */
  | { kind: 'host'; code: string; hostToken: string };

/** Reads the route in a URL fragment (`#/follow`, `#/join`, a room link `#/room/CODE[/host/TOKEN]`); anything else is the ordinary app. */
export function parseHashRoute(hash: string): HashRoute | null {
  const bare = hash.replace(/^#\/?/, '').replace(/\/$/, '');
  if (bare === 'follow') return { kind: 'follow' };
  if (bare === 'join') return { kind: 'join', code: null };
  const room = parseRoomLink(hash.startsWith('#/') ? hash : `#/${hash.replace(/^#/, '')}`);
  if (!room) return null;
  return room.hostToken ? { kind: 'host', code: room.code, hostToken: room.hostToken } : { kind: 'join', code: room.code };
}

/** The fragment that opens a route. */
export function hashOf(route: HashRoute): string {
  if (route.kind === 'follow') return '#/follow';
  if (route.kind === 'join') return route.code ? `#/room/${route.code}` : '#/join';
  return `#/room/${route.code}/host/${route.hostToken}`;
}

/** A full link to a route on this page's origin and path. */
export function linkTo(route: HashRoute, location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}${hashOf(route)}`;
}
