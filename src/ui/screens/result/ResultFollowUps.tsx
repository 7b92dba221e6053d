import type { ResultView } from '../../../engine';
import type { Scenario } from '../../../scenarios/schema';
import { Fold } from './Fold';

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
    <>
      <h3 className="result__subheading">Follow-ups</h3>
      <p className="result__note">
        {submitted
          ? `${correctChosen.length} right, ${missed.length} missed, ${distractorsChosen.length + otherCauseChosen.length} that would not help here.`
          : 'No postmortem was submitted, so no follow-ups were chosen.'}
      </p>
      <Fold summary={submitted ? 'Show each follow-up and why' : 'Show the follow-ups that would have helped'}>
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
      </Fold>
    </>
  );
}
