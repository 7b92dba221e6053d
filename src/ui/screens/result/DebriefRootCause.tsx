import { runInfo, timeOfDay, type DebriefView } from '../../../engine';
import type { Scenario } from '../../../scenarios/schema';

/** The root cause, revealed, and every cause you declared, marked correct or incorrect in words. */
export function DebriefRootCause({ debrief, scenario }: { debrief: DebriefView; scenario: Scenario }) {
  const { rootCause } = debrief;
  const { base, variant } = runInfo(scenario);
  return (
    <section className="result__section debrief-section" aria-labelledby="debrief-cause-title">
      <h2 id="debrief-cause-title" className="result__heading">
        Root cause
      </h2>
      {variant && (
        <p className="result__note">
          This incident has {base.variants.length} possible root causes behind the same first symptom; your seed chose <strong>{variant.label}</strong>. Play another
          seed and it may be a different one.
        </p>
      )}
      <p className="debrief-cause__statement">{rootCause.statement}</p>
      <p className="result__note">
        The correct declaration was: <strong>{rootCause.correctLabel}</strong>
      </p>
      <h3 className="result__subheading">Your declarations</h3>
      {rootCause.playerDeclarations.length === 0 ? (
        <p className="result__empty">You declared no root cause.</p>
      ) : (
        <ul className="debrief-cause__list">
          {rootCause.playerDeclarations.map((d, i) => (
            <li key={`${d.at}-${i}`}>
              <span className="mono">{timeOfDay(scenario.clock, d.at)}</span> {d.label}{' '}
              <span className={`badge ${d.correct ? 'badge--ok' : 'badge--danger'}`}>{d.correct ? '✓ Correct' : '✗ Incorrect'}</span>
            </li>
          ))}
        </ul>
      )}
      {rootCause.playerStatement && (
        <>
          <h3 className="result__subheading">Your postmortem’s statement</h3>
          <blockquote className="debrief-cause__quote">{rootCause.playerStatement}</blockquote>
        </>
      )}
    </section>
  );
}
