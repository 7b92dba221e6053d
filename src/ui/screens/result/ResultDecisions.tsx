import type { ResultView } from '../../../engine';
import type { ClockAnchor } from '../../../engine/wall-clock';
import { ClockTime } from './ClockTime';
import type { VerdictKind } from '../../../scenarios/schema';

/** Each verdict's words and badge; the text carries the meaning, the colour only repeats it. */
export const verdictStyle: Record<VerdictKind | 'no-effect', { label: string; badge: string }> = {
  key: { label: 'Key step', badge: 'badge--ok' },
  helpful: { label: 'Helpful', badge: 'badge--info' },
  neutral: { label: 'Neutral', badge: 'badge--neutral' },
  'red-herring': { label: 'Red herring', badge: 'badge--warn' },
  harmful: { label: 'Harmful', badge: 'badge--danger' },
  'no-effect': { label: 'No effect', badge: 'badge--warn' },
};

/** The actions the player took, with the scenario's verdict and why, then the key steps they missed. */
export function ResultDecisions({ result, clock }: { result: ResultView; clock: ClockAnchor }) {
  const { decisions, missedKeyActions } = result.report;
  return (
    <section className="result__section" aria-labelledby="result-decisions-title">
      <h2 id="result-decisions-title" className="result__heading">
        Decisions
      </h2>
      {decisions.length === 0 ? (
        <p className="result__empty">No actions were taken.</p>
      ) : (
        <ol className="result-decisions">
          {decisions.map((d, i) => {
            const style = verdictStyle[d.verdict];
            return (
              <li key={`${d.action}-${d.at}-${i}`} className={`result-decisions__item result-decisions__item--${d.verdict}`}>
                <ClockTime clock={clock} at={d.at} className="result-decisions__time" />
                <div className="result-decisions__body">
                  <p className="result-decisions__label">
                    {d.typed ? <code className="mono">$ {d.label}</code> : d.label} <span className={`badge ${style.badge}`}>{style.label}</span>
                  </p>
                  {d.why && <p className="result-decisions__why">{d.why}</p>}
                </div>
              </li>
            );
          })}
        </ol>
      )}

      {missedKeyActions.length > 0 && (
        <>
          <h3 className="result__subheading">Key steps missed</h3>
          <ul className="result-decisions result-decisions--verdicts">
            {missedKeyActions.map((m) => (
              <li key={m.action} className="result-decisions__item result-decisions__item--missed">
                <span className="badge badge--danger">Missed</span>
                <div className="result-decisions__body">
                  <p className="result-decisions__label">{m.label}</p>
                  <p className="result-decisions__why">{m.why}</p>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
