import type { RunOrigin } from '../../store/session-store';
import { useSessionStore } from '../../store/session-store';

/**
 * Says that the debrief on screen is someone's run from a replay file, not the player's own
 * attempt, and lets the player keep it in this browser's history (marked as imported; it never
 * counts as their best score).
 */
export function ImportedRunNotice({ origin }: { origin: RunOrigin }) {
  return (
    <div className="result-imported" role="note">
      <p className="result-imported__text">
        <span className="badge badge--neutral">Imported</span> Someone’s run, from <span className="mono result-imported__file">{origin.fileName}</span>.{' '}
        {origin.kept ? 'Kept in your history, marked as imported; it does not count as your best score.' : 'It is not in your history and does not count as your best score.'}
      </p>
      {origin.notice && <p className="result-imported__text result-imported__rescored">{origin.notice}</p>}
      {!origin.kept && (
        <button type="button" className="btn btn--small" onClick={() => useSessionStore.getState().keepImported()}>
          Keep in my history
        </button>
      )}
    </div>
  );
}
