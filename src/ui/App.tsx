import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { CatalogueScreen } from './screens/catalogue/CatalogueScreen';
import { resumeSavedSession } from './session/resume-saved';
import { loadSavedSession, setAsideSavedSession } from './session/saved-session';
import { useNotice } from './store/navigation-store';
import { usePreferences } from './store/preferences-store';
import { leadFollowers } from './host/lead-followers';
import { soloHost } from './host/solo-host';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { hashOf, isLinkRoute, parseHashRoute, type LinkRoute, type ScreenRoute } from './routes/hash-route';
import { screenFor } from './routes/session-route';
import { goTo, useLocationHash } from './routes/use-hash-route';
import { useRouteSync } from './routes/use-route-sync';

const BriefingScreen = lazy(() => import('./screens/briefing/BriefingScreen'));
const ConsoleScreen = lazy(() => import('./screens/console/ConsoleScreen'));
const PostmortemScreen = lazy(() => import('./screens/postmortem/PostmortemScreen'));
const ResultScreen = lazy(() => import('./screens/result/ResultScreen'));
const HistoryScreen = lazy(() => import('./screens/history/HistoryScreen'));
const FollowerScreen = lazy(() => import('./screens/follower/FollowerScreen'));
const JoinRoomScreen = lazy(() => import('./room/JoinRoomScreen'));
const HostRoomScreen = lazy(() => import('./room/HostRoomScreen'));
const CreateRoomScreen = lazy(() => import('./room/CreateRoomScreen'));
const ProjectorScreen = lazy(() => import('./room/ProjectorScreen'));
const ReviewRoundScreen = lazy(() => import('./room/review/ReviewRoundScreen'));

/** Resumes the saved session, if any; an unusable one is set aside with a message. */
function useResumeSavedSession(): { ready: boolean; notice: string | null } {
  const [nothingSaved] = useState(() => loadSavedSession(localStorage) === null);
  const [ready, setReady] = useState(nothingSaved);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (nothingSaved) return;
    void resumeSavedSession(localStorage).then((outcome) => {
      if (!outcome.resumed && outcome.problem !== null) {
        const key = setAsideSavedSession(localStorage, new Date().toISOString());
        setNotice(`Your last session could not be resumed: ${outcome.problem}. It was kept in local storage as "${key}".`);
      }
      setReady(true);
    });
  }, [nothingSaved]);
  return { ready, notice };
}

/** The screens a link opens (a room, a follower window), which never touch the solo session. */
function LinkedScreen({ route }: { route: LinkRoute }) {
  return (
    <Suspense fallback={<Loading />}>
      {route.kind === 'follow' && <FollowerScreen />}
      {route.kind === 'join' && <JoinRoomScreen key={route.code ?? ''} code={route.code} />}
      {route.kind === 'host' && <HostRoomScreen key={route.code} code={route.code} hostToken={route.hostToken} />}
      {route.kind === 'projector' && <ProjectorScreen code={route.code} />}
      {route.kind === 'review' && <ReviewRoundScreen />}
    </Suspense>
  );
}

function Loading() {
  return (
    <div className="app-loading" role="status">
      Loading…
    </div>
  );
}

/** The app: a linked screen if the URL names one, else the solo app's screen for the URL. */
export function App() {
  const theme = usePreferences((p) => p.theme);
  const hash = useLocationHash();
  const route = useMemo(() => parseHashRoute(hash), [hash]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <>
      {route && isLinkRoute(route) ? <LinkedScreen route={route} /> : <SoloApp route={route} hash={hash} />}
      <UpdatePrompt />
    </>
  );
}

function SoloApp({ route, hash }: { route: ScreenRoute | null; hash: string }) {
  const { ready, notice } = useResumeSavedSession();
  const key = useRouteSync(route, hash, ready);
  const navNotice = useNotice(hash);
  // A follower window opened from the console mirrors this one while it is open.
  useEffect(() => leadFollowers(soloHost), []);
  const screen = ready ? screenFor(route, key) : 'loading';
  return (
    <Suspense fallback={<Loading />}>
      {screen === 'loading' && <Loading />}
      {screen === 'catalogue' && <CatalogueScreen notice={navNotice ?? notice} />}
      {screen === 'new-room' && route?.kind === 'new-room' && <CreateRoomScreen mode={route.mode} />}
      {screen === 'history' && (
        <>
          {navNotice && (
            <div className="notice app-notice" role="status">
              {navNotice}
            </div>
          )}
          <HistoryScreen onBack={() => goTo(hashOf({ kind: 'catalogue' }))} onOpenAttempt={(record) => goTo(hashOf({ kind: 'debrief', attemptId: record.id }))} />
        </>
      )}
      {screen === 'briefing' && <BriefingScreen />}
      {screen === 'console' && <ConsoleScreen />}
      {screen === 'postmortem' && <PostmortemScreen />}
      {screen === 'debrief' && <ResultScreen />}
    </Suspense>
  );
}
