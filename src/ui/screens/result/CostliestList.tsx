import { costliest, type ScoreReport } from '../../../engine';

/** The debrief's first answer to "what should I do differently": the three things that cost most, with their numbers. */
export function CostliestList({ report }: { report: ScoreReport }) {
  const costs = costliest(report);
  return (
    <section className="result-costs" aria-labelledby="result-costs-title">
      <h2 id="result-costs-title" className="result-costs__title">
        What cost you most
      </h2>
      {costs.length === 0 ? (
        <p className="result-costs__none">Nothing: you matched the model on every part of the score.</p>
      ) : (
        <ol className="result-costs__list">
          {costs.map((c, i) => (
            <li key={i} className="result-costs__item">
              <span className="result-costs__points">−{c.points}</span>
              <span className="result-costs__what">{c.what}</span>
              <span className="result-costs__detail">{c.detail}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
