import { runInfo, timeOfDay, type DebriefView } from '../../../engine';
import type { Scenario } from '../../../scenarios/schema';
import { Fold } from './Fold';

const partNames = { component: 'component', mechanism: 'mechanism', evidence: 'evidence' } as const;

/** The root cause, revealed; every cause you declared with which parts were right, and your evidence beside the model's. */
export function DebriefRootCause({ debrief, scenario }: { debrief: DebriefView; scenario: Scenario }) {
  const { rootCause } = debrief;
  const { base, variant } = runInfo(scenario);
  const declared = rootCause.playerDeclarations;
  const right = declared.find((d) => d.correct);
  const yours =
    declared.length === 0
      ? 'You declared no root cause.'
      : right
        ? `You declared it at ${timeOfDay(scenario.clock, right.at)}${declared.length > 1 ? `, after ${declared.length - 1} wrong declaration${declared.length > 2 ? 's' : ''}` : ''}.`
        : declared.length === 1
          ? 'Your declaration was not right.'
          : `None of your ${declared.length} declarations was right.`;
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
        The correct declaration was: <strong>{rootCause.correctLabel}</strong>. {yours}
      </p>
      <Fold summary="Show the evidence, the model’s and yours">
        <div className="debrief-cause__evidence">
          <div>
            <h3 className="result__subheading">What shows it</h3>
            <ul>
              {rootCause.evidence.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="result__subheading">The model’s evidence</h3>
            <ul>
              {rootCause.modelEvidence.map((line) => (
                <li key={line}>
                  <code>{line}</code>
                </li>
              ))}
            </ul>
          </div>
        </div>
        <h3 className="result__subheading">Your declarations</h3>
        {rootCause.playerDeclarations.length === 0 ? (
          <p className="result__empty">You declared no root cause.</p>
        ) : (
          <ul className="debrief-cause__list">
            {rootCause.playerDeclarations.map((d, i) => (
              <li key={`${d.at}-${i}`}>
                <span className="mono">{timeOfDay(scenario.clock, d.at)}</span> {d.label}{' '}
                <span className={`badge ${d.correct ? 'badge--ok' : 'badge--danger'}`}>{d.correct ? '✓ Correct' : '✗ Incorrect'}</span>
                {!d.correct && (
                  <span className="debrief-cause__parts">
                    {' '}
                    {(Object.keys(partNames) as (keyof typeof partNames)[]).map((k) => `${partNames[k]} ${d.parts[k] ? 'right' : 'wrong'}`).join(', ')}
                  </span>
                )}
                <ul className="debrief-cause__pinned" aria-label="Evidence you pinned">
                  {d.evidence.map((line) => (
                    <li key={line}>
                      <code>{line}</code>
                    </li>
                  ))}
                </ul>
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
      </Fold>
    </section>
  );
}
