import type { SetAsideRecord } from '../../history/history-store';

/** Says which saved attempts could not be read and why; they are kept until the player discards them. */
export function SetAsideNotice({ records, onDiscard, discarding }: { records: readonly SetAsideRecord[]; onDiscard: () => void; discarding: boolean }) {
  const n = records.length;
  const summary = n === 1 ? '1 saved attempt could not be read and was set aside:' : `${n} saved attempts could not be read and were set aside:`;
  return (
    <div className="notice history-notice" role="status">
      <p className="history-notice__summary">{summary}</p>
      <ul className="history-notice__list">
        {records.map((r) => (
          <li key={r.key}>
            <code className="history-notice__key">{r.key}</code>: {r.reason}.
          </li>
        ))}
      </ul>
      <div className="history-notice__footer">
        <p>Every other attempt is shown below. The unreadable ones are kept apart in this browser, not deleted.</p>
        <button type="button" className="btn btn--small" onClick={onDiscard} disabled={discarding}>
          Discard {n === 1 ? 'it' : 'them'}
        </button>
      </div>
    </div>
  );
}
