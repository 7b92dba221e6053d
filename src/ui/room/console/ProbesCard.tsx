import type { FacilitatorView } from '../../../engine';

/** Questions to ask now: the scenario's own for the current phase, then the shared bank. Interviewer only. */
export function ProbesCard({ view }: { view: FacilitatorView }) {
  const probes = view.hidden.probes;
  const phase = probes[0]?.phase ?? view.phase;
  return (
    <section className="panel room-card" aria-labelledby="host-probes-title">
      <h2 id="host-probes-title" className="room-card__heading">
        Ask now <span className="badge badge--info">{phase}</span>
      </h2>
      <ul className="host-list">
        {probes.map((p) => (
          <li key={`${p.source}-${p.text}`} className="host-list__item">
            {p.text}
            {p.source === 'scenario' && <span className="host-probes__own"> (this scenario)</span>}
          </li>
        ))}
      </ul>
      <p className="room-card__help">Pause the clock for everyone while you ask, then resume.</p>
    </section>
  );
}
