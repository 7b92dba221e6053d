import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { stageOf } from '../../engine/flow/stage';
import { stateHash } from '../../engine/state-hash';
import { attemptIdOf } from '../history/attempt-id';
import { randomSeed } from '../screens/catalogue/random-seed';
import { openBriefing } from '../session/open-briefing';
import { resumeSavedSession } from '../session/resume-saved';
import { navigate } from '../store/navigation-store';
import { usePreferences } from '../store/preferences-store';
import { useSessionStore, type LiveSession } from '../store/session-store';
import { hashOf, parseHashRoute, type ScreenRoute } from './hash-route';
import { followRoute, followSession, sameKey, type RouteStep, type SessionKey } from './session-route';
import { goTo, replaceRoute } from './use-hash-route';

function sessionKeyOf({ scenario, state, seed, level }: LiveSession): SessionKey {
  const stage = stageOf(state.flow);
  let finished: string | null = null;
  if (stage === 'debrief' && state.ended) {
    // Hashed once per finished state (attemptIdOf keeps it), not on every store update.
    finished = attemptIdOf(scenario.id, scenario.version, state, () => stateHash(state));
  }
  return { stage, scenarioId: scenario.id, level, seed, attemptId: finished };
}

function take(step: RouteStep, hash: string): void {
  const stillHere = () => window.location.hash === hash;
  switch (step.do) {
    case 'nothing':
      return;
    case 'navigate':
      return step.replace ? replaceRoute(step.hash) : goTo(step.hash);
    case 'refuse':
      return navigate(step.hash, { replace: true, notice: step.notice });
    case 'open-briefing':
      void openBriefing(step.scenarioId, step.level, step.seed, stillHere).then((error) => {
        if (error && stillHere()) navigate(hashOf({ kind: 'catalogue' }), { replace: true, notice: error });
      });
      return;
    case 'open-attempt':
      // Replaying an attempt brings the engine: loaded only when a debrief's link is opened.
      void import('../history/open-attempt').then(({ openAttemptById }) => openAttemptById(step.attemptId, stillHere));
      return;
    case 'resume':
      void resumeSavedSession(localStorage, [step.stage]).then((outcome) => {
        if (!outcome.resumed && stillHere()) take(step.otherwise, hash);
      });
  }
}

/**
 * Keeps the URL and the solo session together once the saved session has been resumed: a
 * link, Back, Forward or a reload opens what the URL names, and a session that opens or moves
 * on to another stage puts its screen's URL in the address bar. Returns the session's key.
 */
export function useRouteSync(route: ScreenRoute | null, hash: string, ready: boolean): SessionKey | null {
  const key = useSessionStore(useShallow((s) => (s.session ? sessionKeyOf(s.session) : null)));
  const seen = useRef<{ key: SessionKey | null; hash: string } | null>(null);
  useEffect(() => {
    if (!ready) return;
    const last = seen.current;
    seen.current = { key, hash };
    if (last && !sameKey(last.key, key)) return take(followSession(route, last.key, key), hash);
    if (last && last.hash === hash) return;
    // Leaving the console stops its clock; the incident waits, paused, for the player to come back.
    if (last && parseHashRoute(last.hash)?.kind === 'play' && key?.stage === 'running') useSessionStore.getState().setPaused(true);
    take(followRoute(route, key, { level: usePreferences.getState().level, seed: randomSeed() }), hash);
  }, [route, hash, key, ready]);
  return key;
}
