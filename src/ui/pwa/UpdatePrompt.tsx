import { useEffect } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import './update-prompt.css';

/** How long the "ready to play offline" notice stays up. */
export const offlineNoticeMs = 8000;

/**
 * The service worker's word to the player. The build is precached after the first visit, so the
 * solo game opens with no network; a newer build waits until the player reloads into it, so one
 * page never mixes two versions' code.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();
  // "Ready offline" is news, not a question: it leaves by itself so it never sits over the console.
  useEffect(() => {
    if (!offlineReady || needRefresh) return;
    const timer = setTimeout(() => setOfflineReady(false), offlineNoticeMs);
    return () => clearTimeout(timer);
  }, [offlineReady, needRefresh, setOfflineReady]);
  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="update-prompt" role="status">
      <p className="update-prompt__text">{needRefresh ? 'A new version of Firedrill is available.' : 'Firedrill is ready to play offline.'}</p>
      <div className="update-prompt__actions">
        {needRefresh && (
          <button type="button" className="btn btn--primary btn--small" onClick={() => void updateServiceWorker(true)}>
            Reload to update
          </button>
        )}
        <button
          type="button"
          className="btn btn--ghost btn--small"
          onClick={() => {
            setNeedRefresh(false);
            setOfflineReady(false);
          }}
        >
          {needRefresh ? 'Later' : 'Dismiss'}
        </button>
      </div>
    </div>
  );
}
