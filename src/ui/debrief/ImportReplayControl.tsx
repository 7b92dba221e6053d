import { useId, useState, type ChangeEvent } from 'react';
import './import-replay.css';

/**
 * "Import a replay": a file input that checks the chosen file with the engine and opens its
 * debrief, or says, in an alert beside the control, why it was refused. The checking code (and
 * zod with it) loads only when a file is chosen.
 */
export function ImportReplayControl({ className = '' }: { className?: string }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const { importReplayFile } = await import('./import-replay');
      const outcome = await importReplayFile(file);
      if (!outcome.ok) setError(outcome.error);
    } catch (err) {
      setError(`The replay could not be imported: ${err instanceof Error ? err.message : String(err)}.`);
    } finally {
      setBusy(false);
      // Choosing the same file again after a refusal should try again.
      input.value = '';
    }
  };

  return (
    <div className={`import-replay ${className}`}>
      <label htmlFor={id} className="import-replay__label btn btn--ghost">
        Import a replay
      </label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        className="import-replay__input"
        aria-describedby={error ? `${id}-error` : undefined}
        disabled={busy}
        onChange={(e) => void onChange(e)}
      />
      {busy && (
        <span className="import-replay__status" role="status">
          Checking the replay…
        </span>
      )}
      {error && (
        <div id={`${id}-error`} className="import-replay__error" role="alert">
          <strong>Replay refused.</strong> {error}
        </div>
      )}
    </div>
  );
}
