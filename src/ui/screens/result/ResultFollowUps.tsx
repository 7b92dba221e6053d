import type { ResultView } from '../../../engine';
import type { Scenario } from '../../../scenarios/schema';

/** The postmortem's follow-ups as the debrief judges them: right, not helpful, or missed. */
export function ResultFollowUps({ result, scenario, submitted }: { result: ResultView; scenario: Scenario; submitted: boolean }) {
  const { correctChosen, distractorsChosen, otherCauseChosen, missed } = result.report.prevention;
  const rows = [
    ...correctChosen.map((id) => ({ id, verdict: 'Right call', badge: 'badge--ok' })),
    ...distractorsChosen.map((id) => ({ id, verdict: 'Would not help', badge: 'badge--warn' })),
    ...otherCauseChosen.map((id) => ({ id, verdict: 'Another cause’s fix', badge: 'badge--neutral' })),
    ...missed.map((id) => ({ id, verdict: submitted ? 'Missed' : 'Would have helped', badge: submitted ? 'badge--danger' : 'badge--neutral' })),
  ];
  if (rows.length === 0) return null;
  return (
    <section className="result__section" aria-labelledby="result-followups-title">
      <h2 id="result-followups-title" className="result__heading">
        Follow-ups
      </h2>
      {!submitted && <p className="result__note">No postmortem was submitted, so no follow-ups were chosen. These are the ones that would have helped.</p>}
      <ul className="result-decisions result-decisions--verdicts">
        {rows.map((r) => {
          const spec = scenario.prevention.find((p) => p.id === r.id);
          return (
            <li key={r.id} className="result-decisions__item">
              <span className={`badge ${r.badge}`}>{r.verdict}</span>
              <div className="result-decisions__body">
                <p className="result-decisions__label">{spec?.label ?? r.id}</p>
                {spec?.why && <p className="result-decisions__why">{spec.why}</p>}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
