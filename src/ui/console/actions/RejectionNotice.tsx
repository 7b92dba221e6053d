import { useActor, useView } from '../../hooks/use-session';

/** Says why the engine refused the player's last command, when it did (in a room, this seat's own). */
export function RejectionNotice() {
  const view = useView();
  const actor = useActor();
  const last = actor === undefined ? view.rejected.at(-1) : view.rejected.filter((r) => r.by === actor).at(-1);
  const lastEntry = view.timeline[view.timeline.length - 1];
  // Only the most recent refusal matters, and only until something else happens.
  const fresh = last !== undefined && (lastEntry === undefined || last.at >= lastEntry.at) && view.t - last.at < 120;
  return (
    <div className="actions__rejection" role="status" aria-live="polite">
      {fresh && last && <p>Not done: {last.reason}.</p>}
    </div>
  );
}
