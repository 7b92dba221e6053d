import { useSend, useView } from '../../hooks/use-session';

/** Hints, one at a time; each costs points, said up front. */
export function HintsPanel() {
  const view = useView();
  const send = useSend();
  const shown = view.hintsShown;
  // In a room the facilitator may have given someone else a hint: the next one is counted from all used.
  const used = Math.max(view.hintsUsed, shown.length);
  const nextCost = view.scenario.hintCosts[used];
  return (
    <div className="notes">
      <ol className="notes__list" aria-label="Hints used">
        {shown.length === 0 && <li className="empty">No hints used.</li>}
        {shown.map((h, i) => (
          <li key={i} className="notes__item">
            <p>
              <strong>Hint {i + 1}.</strong> {h}
            </p>
          </li>
        ))}
      </ol>
      {nextCost !== undefined ? (
        <button type="button" className="btn" onClick={() => send({ type: 'hint.reveal' })}>
          Reveal hint {used + 1} of {view.scenario.hintCount} (costs {nextCost} points)
        </button>
      ) : (
        <p className="empty">No more hints.</p>
      )}
    </div>
  );
}
