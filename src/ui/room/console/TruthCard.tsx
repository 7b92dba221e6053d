import { relativeTime, timeOfDay, type FacilitatorView } from '../../../engine';

/** The hidden truth beside the live run: the root cause, the seed's variant and the faults with when they fired. Host only. */
export function TruthCard({ view }: { view: FacilitatorView }) {
  const { rootCause, variant, faults } = view.hidden;
  const anchor = view.scenario.clock;
  return (
    <section className="panel room-card" aria-labelledby="host-truth-title">
      <h2 id="host-truth-title" className="room-card__heading">
        Hidden truth <span className="badge badge--warn">Only you see this</span>
      </h2>
      {variant && (
        <p className="host-truth__variant">
          This seed&apos;s cause: <strong>{variant.label}</strong>
        </p>
      )}
      <p className="host-truth__statement">{rootCause.statement}</p>
      <h3 className="host-console__subheading">Faults</h3>
      <ul className="host-list">
        {faults.map((f) => (
          <li key={f.id} className="host-list__item">
            <span className={`badge badge--${f.applied ? 'danger' : 'neutral'}`}>{f.applied && f.at !== null ? `Fired ${timeOfDay(anchor, f.at)} (${relativeTime(f.at)})` : 'Not yet'}</span> {f.description}
          </li>
        ))}
      </ul>
    </section>
  );
}
