import { lazy, Suspense } from 'react';
import { HostContext, useHostState } from '../../hooks/use-session';
import { createFollowerHost } from '../../host/follower-host';
import { useOwnedResource } from '../../hooks/use-owned-resource';
import { ScreenHeader } from '../catalogue/ScreenHeader';
import './follower.css';

const ConsoleScreen = lazy(() => import('../console/ConsoleScreen'));

function WaitingForLeader() {
  const connection = useHostState((s) => s.connection);
  const hasView = useHostState((s) => s.view !== null);
  const message =
    connection === 'lost'
      ? 'The window this one follows has closed or stopped publishing. Open an incident there, or close this window.'
      : hasView
        ? 'The other window is between screens. This one shows the console as soon as the incident runs.'
        : 'Waiting for the other window. Open an incident there and this window shows its console, read-only.';
  return (
    <div className="page follower">
      <ScreenHeader />
      <main className="follower__main">
        <section className="panel follower__card" aria-labelledby="follower-title">
          <h1 id="follower-title" className="follower__title">
            Follower window
          </h1>
          <p role="status" className="follower__status">
            {message}
          </p>
          <p className="follower__help">Put this window on the projector. It mirrors the incident console of the window that opened it, and nothing can be clicked here.</p>
        </section>
      </main>
    </div>
  );
}

function FollowedConsole() {
  const phase = useHostState((s) => s.view?.phase ?? null);
  const connection = useHostState((s) => s.connection);
  const running = phase !== null && phase !== 'briefing' && phase !== 'debrief';
  if (!running || connection === 'lost') return <WaitingForLeader />;
  return (
    <ConsoleScreen
      notice={
        <div className="follower-bar" role="note">
          <span className="badge badge--info">Follower</span> Read-only view of the facilitator&apos;s window.
        </div>
      }
    />
  );
}

/** A second window of this browser that follows the first as a read-only view (facilitator's laptop plus projector). */
export default function FollowerScreen() {
  const host = useOwnedResource('follow', () => createFollowerHost(), (h) => h.close());
  if (!host) return null;
  return (
    <HostContext.Provider value={host}>
      <Suspense fallback={<div className="app-loading" role="status">Loading…</div>}>
        <FollowedConsole />
      </Suspense>
    </HostContext.Provider>
  );
}
