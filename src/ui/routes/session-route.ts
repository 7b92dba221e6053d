import type { stageOf } from '../../engine';
import type { Level } from '../../scenarios/schema/level-names';
import { hashOf, type ScreenRoute } from './hash-route';

type Stage = ReturnType<typeof stageOf>;

/** What the routes need to know of the open solo session: which run it is and where it stands. */
export interface SessionKey {
  stage: Stage;
  scenarioId: string;
  level: Level;
  seed: number;
  /** The finished attempt's id in the history; null until the debrief. */
  attemptId: string | null;
}

/** The screen the app shows for a route and a session. */
export type Screen = 'catalogue' | 'history' | 'new-room' | 'briefing' | 'console' | 'postmortem' | 'debrief' | 'loading';

/** What the app does to bring the URL and the session together. */
export type RouteStep =
  | { do: 'nothing' }
  /** Go to a fragment: a new history entry, or in place of the current one. */
  | { do: 'navigate'; hash: string; replace: boolean }
  | { do: 'open-briefing'; scenarioId: string; level: Level; seed: number }
  | { do: 'open-attempt'; attemptId: string }
  /** Resume the incident kept in this browser if it stands at this stage (it may have been left for a debrief from the history), else take the other step. */
  | { do: 'resume'; stage: 'running' | 'prevent'; otherwise: RouteStep }
  /** The route cannot be shown: go to another screen in its place and say why. */
  | { do: 'refuse'; hash: string; notice: string };

const stageScreen: Record<Stage, Screen> = { briefing: 'briefing', running: 'console', prevent: 'postmortem', debrief: 'debrief' };
const stageOrder: Record<Stage, number> = { briefing: 0, running: 1, prevent: 2, debrief: 3 };
const nothing: RouteStep = { do: 'nothing' };

/** The route that shows a session where it stands. */
export function sessionRoute(key: SessionKey): ScreenRoute {
  switch (key.stage) {
    case 'briefing':
      return { kind: 'briefing', scenarioId: key.scenarioId, level: key.level, seed: key.seed };
    case 'running':
      return { kind: 'play' };
    case 'prevent':
      return { kind: 'postmortem' };
    case 'debrief':
      return key.attemptId === null ? { kind: 'play' } : { kind: 'debrief', attemptId: key.attemptId };
  }
}

const sameRun = (a: SessionKey, b: { scenarioId: string; level: Level | null; seed: number | null }) =>
  a.scenarioId === b.scenarioId && a.level === b.level && a.seed === b.seed;

/** Whether two keys are the same session at the same stage. */
export function sameKey(a: SessionKey | null, b: SessionKey | null): boolean {
  return a === b || (a !== null && b !== null && sameRun(a, b) && a.stage === b.stage && a.attemptId === b.attemptId);
}

/** Whether a route is about the open session (as opposed to the catalogue, the history or a new room). */
export function isSessionRoute(route: ScreenRoute | null): boolean {
  return route !== null && ['briefing', 'play', 'postmortem', 'debrief'].includes(route.kind);
}

/**
 * Whether a route shows this session now, or is about to as the URL catches up with a stage
 * change (the briefing's URL while the incident starts, the postmortem's as the debrief opens).
 */
function routeShowsRun(route: ScreenRoute, key: SessionKey): boolean {
  switch (route.kind) {
    case 'briefing':
      return sameRun(key, route) && key.stage !== 'debrief';
    case 'play':
    case 'postmortem':
      return key.stage !== 'briefing';
    case 'debrief':
      return key.stage === 'debrief' && key.attemptId === route.attemptId;
    default:
      return false;
  }
}

/** Which screen to show: the route's own, the session's where the route is about it, or a wait while the session opens. */
export function screenFor(route: ScreenRoute | null, key: SessionKey | null): Screen {
  if (route === null) return 'loading';
  if (route.kind === 'catalogue' || route.kind === 'history' || route.kind === 'new-room') return route.kind;
  return key && routeShowsRun(route, key) ? stageScreen[key.stage] : 'loading';
}

/** Whether the URL already names the session exactly where it stands. */
function routeIsExactly(route: ScreenRoute, key: SessionKey): boolean {
  return hashOf(route) === hashOf(sessionRoute(key));
}

/**
 * The session moved (opened, advanced a stage, closed): the URL follows. A new run is a new
 * history entry, so Back returns to the screen it was opened from; a stage it advanced to takes
 * its previous stage's entry, since an incident cannot go back to its briefing.
 */
export function followSession(route: ScreenRoute | null, before: SessionKey | null, after: SessionKey | null): RouteStep {
  if (after === null) return isSessionRoute(route) ? { do: 'navigate', hash: hashOf({ kind: 'catalogue' }), replace: false } : nothing;
  if (route !== null && routeIsExactly(route, after)) return nothing;
  const advanced = before !== null && sameRun(before, after) && stageOrder[after.stage] > stageOrder[before.stage];
  return { do: 'navigate', hash: hashOf(sessionRoute(after)), replace: advanced || route === null };
}

const noIncident = 'No incident is running in this browser. Choose one to start.';

/**
 * The URL moved (a link, Back, Forward, a reload): the session follows where it can, or the URL
 * is put right. `defaults` fill a briefing link's missing level and seed.
 */
export function followRoute(route: ScreenRoute | null, key: SessionKey | null, defaults: { level: Level; seed: number }): RouteStep {
  const toSession = (replace: boolean): RouteStep => (key ? { do: 'navigate', hash: hashOf(sessionRoute(key)), replace } : { do: 'refuse', hash: hashOf({ kind: 'catalogue' }), notice: noIncident });
  if (route === null) return key ? toSession(true) : { do: 'navigate', hash: hashOf({ kind: 'catalogue' }), replace: true };
  switch (route.kind) {
    case 'catalogue':
    case 'history':
    case 'new-room':
      return nothing;
    case 'briefing': {
      if (route.level === null || route.seed === null) {
        return { do: 'navigate', hash: hashOf({ ...route, level: route.level ?? defaults.level, seed: route.seed ?? defaults.seed }), replace: true };
      }
      if (key && sameRun(key, route) && key.stage === 'briefing') return nothing;
      // The link of the incident in progress: show it rather than throw it away.
      if (key && sameRun(key, route) && key.stage !== 'debrief') return toSession(true);
      return { do: 'open-briefing', scenarioId: route.scenarioId, level: route.level, seed: route.seed };
    }
    case 'play':
      return key?.stage === 'running' ? nothing : { do: 'resume', stage: 'running', otherwise: toSession(true) };
    case 'postmortem':
      return key?.stage === 'prevent' ? nothing : { do: 'resume', stage: 'prevent', otherwise: toSession(true) };
    case 'debrief':
      return key?.stage === 'debrief' && key.attemptId === route.attemptId ? nothing : { do: 'open-attempt', attemptId: route.attemptId };
  }
}
