import { useEffect, useRef, useState } from 'react';
import { ImportProblemsDialog } from './ImportProblemsDialog';
import { useImportedScenarios } from './imported-scenarios-store';
import { SetAsideImportsNotice } from './SetAsideImportsNotice';
import type { ImportFeedbackState } from './use-scenario-import';

/** The element of a catalogue card, found by its scenario id. */
export function cardElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-scenario-id="${CSS.escape(id)}"]`);
}

/**
 * What the catalogue says about imports: a live status line, the dialog listing a refused file's
 * problems, and the stored imports set aside because they no longer validate. After a successful
 * import it brings the new card into view and moves focus to it.
 */
export function ImportFeedback({ feedback, onDismissRefused }: { feedback: ImportFeedbackState; onDismissRefused: () => void }) {
  const setAside = useImportedScenarios((s) => s.setAside);
  const checking = useImportedScenarios((s) => s.checking);
  const loadError = useImportedScenarios((s) => s.loadError);
  const [discarding, setDiscarding] = useState(false);
  const focusN = feedback.focus?.n;
  const focusId = feedback.focus?.id;

  const dialogOpen = feedback.refused.length > 0;
  // Only a new import moves focus once (after the problems dialog, if some files were refused too).
  const handled = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (!focusId || dialogOpen || handled.current === focusN) return;
    const card = cardElement(focusId);
    if (!card) return;
    handled.current = focusN;
    card.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    card.focus({ preventScroll: true });
  }, [focusN, focusId, dialogOpen]);

  const discard = async () => {
    setDiscarding(true);
    try {
      await useImportedScenarios.getState().discardSetAside();
    } finally {
      setDiscarding(false);
    }
  };

  return (
    <>
      {/* Always in the page, so screen readers hear the line when it appears. */}
      <div className="import-status-region" aria-live="polite" aria-atomic="true">
        {feedback.status && <p className={`import-status import-status--${feedback.busy ? 'busy' : feedback.tone}`}>{feedback.status}</p>}
        {checking > 0 && !feedback.busy && (
          <p className="import-status import-status--busy">{checking === 1 ? 'Checking your imported scenario…' : `Checking your ${checking} imported scenarios…`}</p>
        )}
      </div>
      {loadError && (
        <div className="notice" role="status">
          Your imported scenarios could not be read from this browser’s storage ({loadError}). They are still stored; reload the page to try again. New imports work until the page closes.
        </div>
      )}
      {setAside.length > 0 && <SetAsideImportsNotice records={setAside} onDiscard={() => void discard()} discarding={discarding} />}
      {dialogOpen && <ImportProblemsDialog refused={feedback.refused} onClose={onDismissRefused} />}
    </>
  );
}
