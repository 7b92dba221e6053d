import { useId } from 'react';
import { formatDuration } from '../../../engine';
import type { AttemptRecord } from '../../history/attempt-record';
import { mttrTrendText, scoreTrendText, type ScenarioHistory } from '../../history/history-selectors';
import { levelLabels } from '../../selectors/format';
import { AttemptsTable } from './AttemptsTable';
import { gradeTone } from './grade-tone';
import { TrendChart } from './TrendChart';

const shortDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** One scenario's history at one level: its headline figures, its trends, and every attempt. */
export function ScenarioHistorySection({ history, onOpenAttempt }: { history: ScenarioHistory; onOpenAttempt?: (record: AttemptRecord) => void }) {
  const titleId = useId();
  const { title, level, count, best, latest, fastestMttrS, trend } = history;
  const maxScore = Math.max(...history.attempts.map((r) => r.score.maxScore));
  return (
    <section className="card card--scenario history-scenario" aria-labelledby={titleId}>
      <h2 id={titleId} className="history-scenario__title">
        {title} <span className="badge badge--neutral history-scenario__level">{levelLabels[level]} level</span>
      </h2>
      <dl className="history-scenario__meta">
        <div>
          <dt className="figure-label">Attempts</dt>
          <dd>{count}</dd>
        </div>
        <div>
          <dt className="figure-label">Best score</dt>
          <dd>
            <span className="history-scenario__best">{best.score.total}</span>
            <span className="history-scenario__max"> / {best.score.maxScore}</span>{' '}
            <span className={`badge badge--${gradeTone[best.score.grade]}`}>
              <span className="visually-hidden">grade</span> {best.score.grade}
            </span>
          </dd>
        </div>
        <div>
          <dt className="figure-label">Latest</dt>
          <dd>
            {latest.score.total} · {latest.score.grade}
            <span className="history-scenario__when">
              {', '}
              <time dateTime={latest.finishedAt}>{shortDate.format(new Date(latest.finishedAt))}</time>
            </span>
          </dd>
        </div>
        <div>
          <dt className="figure-label">Fastest MTTR</dt>
          <dd>{fastestMttrS === null ? 'none yet' : formatDuration(fastestMttrS)}</dd>
        </div>
      </dl>
      <div className="history-scenario__charts">
        <TrendChart kind="score" trend={trend} caption={scoreTrendText(history)} maxScore={maxScore} />
        <TrendChart kind="mttr" trend={trend} caption={mttrTrendText(history)} maxScore={maxScore} />
      </div>
      <AttemptsTable title={`${title}, ${levelLabels[level].toLowerCase()} level`} attempts={history.attempts} onOpenAttempt={onOpenAttempt} />
    </section>
  );
}
