import { lazy, Suspense, useEffect, useState } from 'react';
import { stageOf } from '../engine';
import { CatalogueScreen } from './screens/catalogue/CatalogueScreen';
import { loadAnyScenario } from './scenarios/load-any-scenario';
import { loadSavedSession, setAsideSavedSession } from './session/saved-session';
import { openSavedAttempt } from './history/open-attempt';
import { useNavigation } from './store/navigation-store';
import { usePreferences } from './store/preferences-store';
import { useSessionStore } from './store/session-store';
import { leadFollowers } from './host/lead-followers';
import { soloHost } from './host/solo-host';
import type { HashRoute } from './routes/hash-route';
import { useHashRoute } from './routes/use-hash-route';

const BriefingScreen = lazy(() => import('./screens/briefing/BriefingScreen'));
const ConsoleScreen = lazy(() => import('./screens/console/ConsoleScreen'));
const PostmortemScreen = lazy(() => import('./screens/postmortem/PostmortemScreen'));
const ResultScreen = lazy(() => import('./screens/result/ResultScreen'));
const HistoryScreen = lazy(() => import('./screens/history/HistoryScreen'));
const FollowerScreen = lazy(() => import('./screens/follower/FollowerScreen'));
const JoinRoomScreen = lazy(() => import('./room/JoinRoomScreen'));
const HostRoomScreen = lazy(() => import('./room/HostRoomScreen'));
const CreateRoomScreen = lazy(() => import('./room/CreateRoomScreen'));

/** Resumes the saved session, if any; an unusable one is set aside with a message. */
function useResumeSavedSession(): { ready: boolean; notice: string | null } {
  const [saved] = useState(() => loadSavedSession(localStorage));
  const [ready, setReady] = useState(saved === null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (saved === null) return;
    const setAside = (why: string) => {
      const key = setAsideSavedSession(localStorage, new Date().toISOString());
      setNotice(`Your last session could not be resumed: ${why}. It was kept in local storage as "${key}".`);
      setReady(true);
    };
    void (async () => {
      if ('error' in saved) return setAside(saved.error);
      const scenario = await loadAnyScenario(saved.session.scenarioId);
      if (!scenario) return setAside(`scenario "${saved.session.scenarioId}" is not available`);
      if (scenario.version !== saved.session.scenarioVersion) {
        return setAside(`it was played on version ${saved.session.scenarioVersion} of "${scenario.title}", and this is version ${scenario.version}`);
      }
      useSessionStore.getState().resume(scenario, saved.session);
      setReady(true);
    })();
  }, [saved]);
  return { ready, notice };
}

/** The screens a link opens (a room, a follower window), which never touch the solo session. */
function LinkedScreen({ route }: { route: HashRoute }) {
  return (
    <Suspense fallback={<div className="app-loading" role="status">Loading…</div>}>
      {route.kind === 'follow' && <FollowerScreen />}
      {route.kind === 'join' && <JoinRoomScreen key={route.code ?? ''} code={route.code} />}
      {route.kind === 'host' && <HostRoomScreen code={route.code} hostToken={route.hostToken} />}
    </Suspense>
  );
}

/** The app: a linked screen if the URL names one, else one screen at a time, chosen by where the solo session stands. */
export function App() {
  const theme = usePreferences((p) => p.theme);
  const route = useHashRoute();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return route ? <LinkedScreen route={route} /> : <SoloApp />;
}

function SoloApp() {
  const stage = useSessionStore((s) => (s.session ? stageOf(s.session.state.flow) : null));
  const { ready, notice } = useResumeSavedSession();
  const page = useNavigation((n) => n.page);
  const navNotice = useNavigation((n) => n.notice);
  // A follower window opened from the console mirrors this one while it is open.
  useEffect(() => leadFollowers(soloHost), []);
  if (!ready) return <div className="app-loading" role="status">Loading…</div>;
  return (
    <Suspense fallback={<div className="app-loading" role="status">Loading…</div>}>
      {stage === null && page === 'catalogue' && <CatalogueScreen notice={navNotice ?? notice} />}
      {stage === null && page === 'new-room' && <CreateRoomScreen />}
      {stage === null && page === 'history' && (
        <>
          {navNotice && (
            <div className="notice app-notice" role="status">
              {navNotice}
            </div>
          )}
          <HistoryScreen onBack={() => useNavigation.getState().go('catalogue')} onOpenAttempt={(record) => void openSavedAttempt(record)} />
        </>
      )}
      {stage === 'briefing' && <BriefingScreen />}
      {stage === 'running' && <ConsoleScreen />}
      {stage === 'prevent' && <PostmortemScreen />}
      {stage === 'debrief' && <ResultScreen />}
    </Suspense>
  );
}
