import { formatDuration, timeOfDay } from '../../../engine';
import { useClock, useReadOnly, useSend, useView } from '../../hooks/use-session';
import { awaitsAcknowledgement, firedAlerts } from '../../selectors/pager-alerts';
import './pager.css';

/** The pager: alerts as they fire, newest first, with acknowledge buttons. */
export function Pager() {
  const view = useView();
  const send = useSend();
  const clock = useClock();
  const readOnly = useReadOnly();
  const alerts = firedAlerts(view);
  const unacked = alerts.filter((a) => awaitsAcknowledgement(a) && a.rule.severity === 'page').length;
  return (
    <section className="panel pager" aria-labelledby="pager-title">
      <header className="panel__header">
        <h2 className="panel__title" id="pager-title">
          Pager
        </h2>
        {unacked > 0 && <span className="badge badge--danger">{unacked} unacknowledged</span>}
      </header>
      <div className="panel__body pager__body">
        {alerts.length === 0 ? (
          <p className="empty">All quiet. No alerts have fired.</p>
        ) : (
          <ul className="pager__list">
            {alerts.map(({ rule, state }) => {
              const firing = state.status === 'firing';
              const acked = state.ackedAt !== null;
              const tone = !firing ? 'resolved' : rule.severity === 'page' ? (acked ? 'acked' : 'page') : 'warning';
              return (
                <li key={rule.id} className={`pager__alert pager__alert--${tone}`}>
                  <div className="pager__row">
                    <span className={`badge ${rule.severity === 'page' ? 'badge--danger' : 'badge--warn'}`}>{rule.severity === 'page' ? 'PAGE' : 'WARN'}</span>
                    <span className="pager__status">{firing ? (acked ? 'Firing · acknowledged' : 'Firing') : 'Resolved'}</span>
                    <span className="pager__when">
                      {timeOfDay(view.scenario.clock, state.lastFiredAt ?? 0)} · {formatDuration(clock - (state.lastFiredAt ?? 0))} ago
                    </span>
                  </div>
                  <p className="pager__title">{rule.title}</p>
                  <p className="pager__summary">{rule.summary}</p>
                  {firing && !acked && !readOnly && (
                    <button type="button" className="btn btn--small btn--primary pager__ack" onClick={() => send({ type: 'alert.acknowledge', alert: rule.id })}>
                      Acknowledge<span className="visually-hidden"> {rule.title}</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
