import type { ReactNode } from 'react';
import type { ResultView } from '../../../engine';
import { Check } from './ResultCheck';
import { Fold } from './Fold';

/** The postmortem: its checkable parts against the run's facts (its prose is kept and exported, not scored), then the follow-ups chosen. */
export function ResultPostmortemFacts({ result, children }: { result: ResultView; children?: ReactNode }) {
  const pm = result.report.postmortem;
  return (
    <section className="result__section" aria-labelledby="result-pm-title">
      <h2 id="result-pm-title" className="result__heading">
        Postmortem
      </h2>
      {!pm.submitted ? (
        <p className="result__note">No postmortem was submitted.</p>
      ) : (
        <>
          <p className="result__note">
            {pm.checks.filter((c) => c.ok).length} of {pm.checks.length} checks hold. Only what can be checked scores: the numbers against the run, the cause against the taxonomy, an owner for
            each follow-up. What you wrote in words is kept in the export as written.
          </p>
          <Fold summary="Show each check">
            <ul className="result-checks">
              {pm.checks.map((c) => (
                <Check key={c.id} ok={c.ok} why={c.why} label={c.label} />
              ))}
            </ul>
          </Fold>
        </>
      )}
      {children}
    </section>
  );
}
