import { parseRoomLink } from '../../rooms/links';
import { roomModes, type RoomMode } from '../../rooms/roles';
import { levelNames, type Level } from '../../scenarios/schema/level-names';
import { parseSeed } from '../screens/catalogue/random-seed';

/**
 * Screens reached by a link that never touch the solo session (a room, a follower window).
 * They live in the URL's fragment so the static build needs no server rewrite, and the host's
 * secret never reaches a server log.
 */
export type LinkRoute =
  /** A read-only window that follows another window of this browser (a projector). */
  | { kind: 'follow' }
  /** Join a room, with its code when the link carries one. */
  | { kind: 'join'; code: string | null }
  /** The host's own controls of a room, opened with its secret token. */
  | { kind: 'host'; code: string; hostToken: string }
  /** A room's shared view in large type, for a projector (no hidden truth). */
  | { kind: 'projector'; code: string }
  /** A second interviewer scores a finished round's replay from its round file. */
  | { kind: 'review' };

/** The solo app's screens, each with its own fragment so Back, Forward, reload and shared links reach it. */
export type ScreenRoute =
  | { kind: 'catalogue' }
  | { kind: 'history' }
  /** The screen that creates a room of a kind. */
  | { kind: 'new-room'; mode: RoomMode }
  /** A scenario's briefing; a link without a level or seed takes the player's level and a fresh seed. */
  | { kind: 'briefing'; scenarioId: string; level: Level | null; seed: number | null }
  /** The running incident's console. */
  | { kind: 'play' }
  /** The postmortem of the incident just resolved. */
  | { kind: 'postmortem' }
  /** The debrief of a finished attempt, by its id in the history. */
  | { kind: 'debrief'; attemptId: string };

/** Any screen a fragment names. */
export type HashRoute = LinkRoute | ScreenRoute;

const linkKinds: ReadonlySet<HashRoute['kind']> = new Set(['follow', 'join', 'host', 'projector', 'review']);

/** Whether a route opens a linked screen (a room, a follower) rather than one of the solo app's. */
export function isLinkRoute(route: HashRoute): route is LinkRoute {
  return linkKinds.has(route.kind);
}

function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

function parseBriefing(id: string, query: URLSearchParams): ScreenRoute | null {
  const scenarioId = decoded(id);
  const levelText = query.get('level');
  const seedText = query.get('seed');
  const level = levelNames.find((l) => l === levelText) ?? null;
  const seed = seedText === null ? null : parseSeed(seedText);
  // A wrong level or seed is not silently replaced: the link would then play another incident than the one shared.
  if (!scenarioId || (levelText !== null && level === null) || (seedText !== null && seed === null)) return null;
  return { kind: 'briefing', scenarioId, level, seed };
}

function parseScreen(path: string, query: URLSearchParams): ScreenRoute | null {
  const [head = '', ...rest] = path.split('/');
  const arg = rest.join('/');
  if (head === '' && arg === '') return { kind: 'catalogue' };
  if (arg === '' && (head === 'history' || head === 'play' || head === 'postmortem')) return { kind: head };
  if (head === 'new-room') {
    const mode = roomModes.find((m) => m === arg);
    return mode ? { kind: 'new-room', mode } : null;
  }
  if (head === 'scenario' && arg !== '' && rest.length === 1) return parseBriefing(arg, query);
  if (head === 'debrief' && arg !== '' && rest.length === 1) {
    const attemptId = decoded(arg);
    return attemptId ? { kind: 'debrief', attemptId } : null;
  }
  return null;
}

/**
 * Reads the route in a URL fragment: the solo screens (`#/`, `#/history`, `#/new-room/drill`,
 * `#/scenario/ID?level=normal&seed=7`, `#/play`, `#/postmortem`, `#/debrief/ATTEMPT`) and the
 * linked ones (`#/follow`, `#/join`, a room link `#/room/CODE[/host/TOKEN]`). No fragment, or one
 * that names nothing, is null: the app opens wherever the player left off.
 */
export function parseHashRoute(hash: string): HashRoute | null {
  if (hash === '' || hash === '#') return null;
  const [rawPath = '', rawQuery = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const bare = rawPath.replace(/\/$/, '');
  if (bare === 'follow') return { kind: 'follow' };
  if (bare === 'join') return { kind: 'join', code: null };
  if (bare === 'review') return { kind: 'review' };
  const room = parseRoomLink(`#/${bare}`);
  if (room?.projector) return { kind: 'projector', code: room.code };
  if (room) return room.hostToken ? { kind: 'host', code: room.code, hostToken: room.hostToken } : { kind: 'join', code: room.code };
  return parseScreen(bare, new URLSearchParams(rawQuery));
}

function briefingQuery(route: Extract<ScreenRoute, { kind: 'briefing' }>): string {
  const query = new URLSearchParams();
  if (route.level !== null) query.set('level', route.level);
  if (route.seed !== null) query.set('seed', String(route.seed));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The fragment that opens a route. */
export function hashOf(route: HashRoute): string {
  switch (route.kind) {
    case 'follow':
      return '#/follow';
    case 'join':
      return route.code ? `#/room/${route.code}` : '#/join';
    case 'host':
      return `#/room/${route.code}/host/${route.hostToken}`;
    case 'projector':
      return `#/room/${route.code}/projector`;
    case 'review':
      return '#/review';
    case 'catalogue':
      return '#/';
    case 'history':
    case 'play':
    case 'postmortem':
      return `#/${route.kind}`;
    case 'new-room':
      return `#/new-room/${route.mode}`;
    case 'briefing':
      return `#/scenario/${encodeURIComponent(route.scenarioId)}${briefingQuery(route)}`;
    case 'debrief':
      return `#/debrief/${encodeURIComponent(route.attemptId)}`;
  }
}

/** A full link to a route on this page's origin and path. */
export function linkTo(route: HashRoute, location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}${hashOf(route)}`;
}
