import { formatDuration, timeOfDay } from '../../../engine';
import { useClock, useSend, useView } from '../../hooks/use-session';

/** The actions of one category, each with its cost, progress while it runs, and when it finished. */
export function ActionList({ category }: { category: 'investigate' | 'mitigate' | 'communicate' }) {
  const view = useView();
  const send = useSend();
  const clock = useClock();
  const actions = view.scenario.actions.filter((a) => a.category === category);
  return (
    <ul className="actions__list">
      {actions.map((action) => {
        const running = view.running.find((r) => r.action === action.id);
        const taken = view.actionsTaken.filter((d) => d.action === action.id && d.completedAt !== null);
        const lastDone = taken[taken.length - 1];
        const done = lastDone !== undefined && !action.repeatable;
        const progress = running ? Math.min(1, Math.max(0, (clock - running.startedAt) / Math.max(1, running.endsAt - running.startedAt))) : 0;
        return (
          <li key={action.id} className="actions__item">
            <button
              type="button"
              className={`actions__button${running ? ' actions__button--running' : ''}${done ? ' actions__button--done' : ''}`}
              disabled={Boolean(running) || done}
              onClick={() => send({ type: 'action.start', action: action.id })}
            >
              <span className="actions__label">{action.label}</span>
              <span className="actions__meta">
                <span className="actions__cost">{action.durationS === 0 ? 'instant' : formatDuration(action.durationS)}</span>
                {running && <span className="actions__state">running, {formatDuration(Math.max(0, running.endsAt - clock))} left</span>}
                {!running && lastDone && <span className="actions__state">done {timeOfDay(view.scenario.clock, lastDone.completedAt ?? 0)}</span>}
              </span>
              {running && (
                <span className="actions__progress" role="progressbar" aria-label={`${action.label} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
                  <span className="actions__progress-fill" style={{ width: `${progress * 100}%` }} />
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
