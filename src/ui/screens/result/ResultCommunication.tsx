import { timeOfDay, type ResultView } from '../../../engine';
import type { Scenario } from '../../../scenarios/schema';
import { Check } from './ResultCheck';
import { Fold } from './Fold';

/**
 * Each status update read against the communication rules (who is affected, where things stand,
 * the next update and whether it came, an ETA with a basis and whether it held), then the
 * stakeholders' questions and the severity. The engine judged them; this only lists the verdicts.
 */
export function ResultCommunication({ result, scenario }: { result: ResultView; scenario: Scenario }) {
  const { review } = result.report.communication;
  const at = (t: number) => timeOfDay(scenario.clock, t).slice(0, 5);
  const checks = review.updates.flatMap((u) => [u.impact, u.status, u.nextUpdate, ...(u.eta ? [u.eta] : [])]);
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const digest =
    review.updates.length === 0
      ? 'Each update is read with fixed rules: who is affected, where things stand, when the next update comes, an ETA only with a basis.'
      : `${plural(review.updates.length, 'update')}: ${checks.filter((c) => c.ok).length} of ${checks.length} rules met` +
        (review.promisesDue > 0 ? `, ${review.promisesKept} of ${review.promisesDue} promises kept` : '') +
        (review.questions.length > 0 ? `, ${review.questions.filter((q) => q.answeredAt !== null).length} of ${plural(review.questions.length, 'question')} answered` : '') +
        (review.severity ? `. Severity: ${review.severity.why}.` : '.');
  return (
    <section className="result__section" aria-labelledby="result-comms-title">
      <h2 id="result-comms-title" className="result__heading">
        Status updates, rule by rule
      </h2>
      <p className="result__note">{digest}</p>
      {review.updates.length === 0 ? (
        <p className="result__note">No status update was posted.</p>
      ) : (
        <Fold summary="Show each update, rule by rule, and the questions asked">
          <p className="result__note">
            Fixed rules, no language model: the same words always get the same result. An update scores for naming who is affected, saying where things stand and giving the next update time;
            promises count when they are kept.
          </p>
          <ol className="result-updates">
            {review.updates.map((u) => (
              <li key={`${u.at}-${u.text}`} className="result-updates__item">
                <p className="result-updates__text">
                  <span className="mono">{at(u.at)}</span> “{u.text}”
                </p>
                <ul className="result-checks">
                  <Check {...u.impact} />
                  <Check {...u.status} />
                  <Check {...u.nextUpdate} />
                  {u.eta && <Check {...u.eta} />}
                  {u.promises.map((p) => (p.kept === null ? <li key={`${p.kind}-${p.at}`} className="result-checks__item">{p.why}</li> : <Check key={`${p.kind}-${p.at}`} ok={p.kept} why={p.why} />))}
                </ul>
              </li>
            ))}
          </ol>
        {(review.questions.length > 0 || review.severity) && (
          <ul className="result-checks">
            {review.questions.map((q) => (
              <Check key={`${q.at}-${q.from}`} ok={q.answeredAt !== null} why={`${q.from} asked at ${at(q.at)} (“${q.text}”): ${q.answeredAt === null ? 'no update answered' : `answered by the update at ${at(q.answeredAt)}`}`} />
            ))}
            {review.severity && <Check ok={review.severity.ok} why={`Severity: ${review.severity.why}`} />}
          </ul>
        )}
        </Fold>
      )}
    </section>
  );
}
