import { useEffect, useMemo, useState } from 'react';
import { ImportReplayControl } from '../../debrief/ImportReplayControl';
import type { AttemptRecord } from '../../history/attempt-record';
import { scenarioHistories } from '../../history/history-selectors';
import { browserHistoryStore, type HistoryStore, type LoadedHistory } from '../../history/history-store';
import { scenarioCards } from '../../scenarios/builtin-scenarios';
import { ScreenHeader } from '../catalogue/ScreenHeader';
import { ScenarioHistorySection } from './ScenarioHistorySection';
import { SetAsideNotice } from './SetAsideNotice';
import './history.css';

/** The history screen's props. */
export interface HistoryScreenProps {
  onBack: () => void;
  /** Opens a saved attempt's debrief; without it the table has no debrief buttons. */
  onOpenAttempt?: (record: AttemptRecord) => void;
  /** Where the history is read from; this browser's IndexedDB unless a test or harness passes its own. */
  store?: HistoryStore;
}

type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; history: LoadedHistory };

const builtinTitle = (id: string) => scenarioCards.find((c) => c.id === id)?.title;

/** Every finished attempt saved in this browser, per scenario: best scores, trends and a table of attempts. */
export default function HistoryScreen({ onBack, onOpenAttempt, store }: HistoryScreenProps) {
  const historyStore = useMemo(() => store ?? browserHistoryStore(), [store]);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [discarding, setDiscarding] = useState(false);

  useEffect(() => {
    let live = true;
    historyStore.loadHistory().then(
      (history) => live && setLoaded({ status: 'ready', history }),
      (e: unknown) => live && setLoaded({ status: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [historyStore]);

  const histories = useMemo(() => (loaded.status === 'ready' ? scenarioHistories(loaded.history.attempts, builtinTitle) : []), [loaded]);

  const discardSetAside = async () => {
    setDiscarding(true);
    try {
      await historyStore.clearSetAside();
      setLoaded((l) => (l.status === 'ready' ? { status: 'ready', history: { ...l.history, setAside: [] } } : l));
    } finally {
      setDiscarding(false);
    }
  };

  const attemptCount = loaded.status === 'ready' ? loaded.history.attempts.length : 0;
  return (
    <div className="page history">
      <ScreenHeader />
      <main className="history__main">
        <div className="history__intro">
          <div>
            <h1 className="history__title">History</h1>
            <p className="history__lead">
              Every finished attempt saved in this browser, by scenario.
              {attemptCount > 0 && (
                <>
                  {' '}
                  <span className="history__totals">
                    {attemptCount} attempt{attemptCount === 1 ? '' : 's'} at {histories.length} scenario{histories.length === 1 ? '' : 's'}.
                  </span>
                </>
              )}
            </p>
          </div>
          <div className="history__intro-actions">
            <ImportReplayControl />
            <button type="button" className="btn history__back" onClick={onBack}>
              <span aria-hidden="true">←</span> Back to catalogue
            </button>
          </div>
        </div>

        {loaded.status === 'loading' && (
          <p className="empty" role="status">
            Loading your history…
          </p>
        )}
        {loaded.status === 'failed' && (
          <p className="history__error" role="alert">
            Your history could not be opened: {loaded.message}. Finished attempts cannot be listed in this browser right now.
          </p>
        )}
        {loaded.status === 'ready' && (
          <>
            {loaded.history.setAside.length > 0 && <SetAsideNotice records={loaded.history.setAside} onDiscard={() => void discardSetAside()} discarding={discarding} />}
            {histories.length === 0 ? (
              <div className="empty history__empty">
                <p>No finished attempts yet. Play an incident and it will appear here.</p>
                <button type="button" className="btn btn--primary" onClick={onBack}>
                  Choose an incident
                </button>
              </div>
            ) : (
              histories.map((h) => <ScenarioHistorySection key={h.scenarioId} history={h} onOpenAttempt={onOpenAttempt} />)
            )}
          </>
        )}
      </main>
    </div>
  );
}
