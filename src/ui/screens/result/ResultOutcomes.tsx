import type { ResultView } from '../../../engine';

const count = (n: number) => n.toLocaleString('en-US');

/** The duplicates tile's note: what was left at the end, and the worst point when that was higher. */
export function duplicatesNote(final: number, peak: number): string {
  const left = final === 0 ? 'none left at the end' : `${count(final)} left at the end`;
  if (peak > final) return `${count(peak)} rows were written twice at the worst point; ${left}`;
  return final === 0 ? left : 'records left written twice';
}

/** What the response did to the data and the deadline, in words with a status mark. */
export function ResultOutcomes({ result, deadlineLabel, duplicatesPeak = 0 }: { result: ResultView; deadlineLabel: string; duplicatesPeak?: number }) {
  const { outcomes } = result.report;
  const breachMin = Math.round(outcomes.slaBreachS / 60);
  // Nothing is lost or duplicated while nothing flows; that is no achievement, so it gets no tick.
  const flowing = result.report.times.mttmS !== null;
  const judge = (zero: boolean) => (zero && !flowing ? null : zero);
  const { data } = outcomes;
  // Per kind of data ("streaming records into orders_fact: 12 of 400,000"), so a table's rows and a stream's records are never summed into one "of".
  const lostOf = data.kinds.map((k) => `${k.label}: ${count(k.lost)} of ${count(k.expected)}`).join('; ');
  const dataTiles = data.atRisk
    ? [
        { label: 'Records lost', value: count(outcomes.recordsLost), note: flowing ? lostOf : `so far: the data never flowed again`, good: judge(outcomes.recordsLost === 0) },
        { label: 'Duplicates', value: count(outcomes.duplicates), note: duplicatesNote(outcomes.duplicates, duplicatesPeak), good: judge(outcomes.duplicates === 0) },
      ]
    : [{ label: 'Data', value: 'Not at risk', note: 'nothing in this incident can lose or duplicate data, so no points are offered for it', good: null }];
  const tiles = [
    ...dataTiles,
    { label: 'SLA breach', value: `${breachMin} min`, note: 'while the impact lasted', good: null },
    { label: deadlineLabel, value: outcomes.deadlineMet ? 'Met' : 'Missed', note: outcomes.deadlineMet ? 'impact stopped in time' : 'impact not stopped in time', good: outcomes.deadlineMet },
  ];
  return (
    <section className="result__section" aria-labelledby="result-outcomes-title">
      <h2 id="result-outcomes-title" className="result__heading">
        Outcomes
      </h2>
      <dl className="result-outcomes">
        {tiles.map((t) => (
          <div key={t.label} className={`result-outcomes__tile${t.good === null ? '' : t.good ? ' result-outcomes__tile--ok' : ' result-outcomes__tile--bad'}`}>
            <dt className="figure-label">{t.label}</dt>
            <dd>
              <span className="result-outcomes__value">
                {t.good !== null && (
                  <span className="result-outcomes__mark" aria-hidden="true">
                    {t.good ? '✓' : '✗'}
                  </span>
                )}
                {t.value}
              </span>
              <span className="result-outcomes__note">{t.note}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
