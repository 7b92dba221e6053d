import { useId, useState } from 'react';
import { ModalDialog } from './ModalDialog';

/** "Remove" on an imported card, confirmed in a dialog that says what removing keeps and loses. */
export function RemoveImportControl({ title, fileName, onRemove }: { title: string; fileName: string; onRemove: () => Promise<void> }) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await onRemove();
    } catch (e) {
      setError(`It could not be removed: ${e instanceof Error ? e.message : String(e)}.`);
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="btn btn--ghost catalogue-card__remove" aria-label={`Remove ${title}`} onClick={() => setConfirming(true)}>
        Remove
      </button>
      {confirming && (
        <ModalDialog labelledBy={`${id}-title`} describedBy={`${id}-body`} className="confirm-remove" onClose={() => !busy && setConfirming(false)}>
          <h2 id={`${id}-title`} className="confirm-remove__title">
            Remove “{title}”?
          </h2>
          <p id={`${id}-body`} className="confirm-remove__body">
            It leaves this browser’s catalogue. Your saved attempts on it stay in your history; to play or replay them again, import <code>{fileName}</code> again.
          </p>
          {error && (
            <p className="confirm-remove__error" role="alert">
              {error}
            </p>
          )}
          <div className="confirm-remove__actions">
            <button type="button" className="btn" onClick={() => setConfirming(false)} disabled={busy} data-autofocus>
              Keep it
            </button>
            <button type="button" className="btn btn--danger" onClick={() => void remove()} disabled={busy}>
              {busy ? 'Removing…' : 'Remove scenario'}
            </button>
          </div>
        </ModalDialog>
      )}
    </>
  );
}
