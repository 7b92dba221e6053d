import { formatDuration } from '../../../engine';
import { isMigratedFromV1, type AttemptRecord } from '../../history/attempt-record';
import { gradeTone } from './grade-tone';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const countFormat = new Intl.NumberFormat('en-US');

/** A duration cell: the time, or a dash that says (to screen readers too) why there is none. */
function TimeCell({ seconds, record }: { seconds: number | null; record: AttemptRecord }) {
  if (seconds !== null) return <td className="history-table__num">{formatDuration(seconds)}</td>;
  const why = isMigratedFromV1(record) ? 'not recorded' : 'not reached';
  return (
    <td className="history-table__num history-table__none" title={why}>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{why}</span>
    </td>
  );
}

function CountCell({ value }: { value: number }) {
  return <td className={`history-table__num${value > 0 ? ' history-table__num--bad' : ''}`}>{countFormat.format(value)}</td>;
}

/** Every attempt at one scenario, newest first, each with a way into its debrief. */
export function AttemptsTable({ title, attempts, onOpenAttempt }: { title: string; attempts: readonly AttemptRecord[]; onOpenAttempt?: (record: AttemptRecord) => void }) {
  const rows = attempts.map((record, i) => ({ record, n: i + 1 })).reverse();
  const name = `Attempts at ${title}, newest first`;
  return (
    <div className="history-attempts">
      <h3 className="history-attempts__title">Attempts, newest first</h3>
      {/* Focusable so keyboard users can scroll it when the table is wider than the screen. */}
      <div className="history-table-wrap" role="region" aria-label={name} tabIndex={0}>
        <table className="history-table" aria-label={name}>
          <thead>
            <tr>
              <th scope="col" className="history-table__num">
                #
              </th>
              <th scope="col">Finished</th>
              <th scope="col" className="history-table__num">
                Seed
              </th>
              <th scope="col">Score</th>
              <th scope="col" className="history-table__num">
                MTTM
              </th>
              <th scope="col" className="history-table__num">
                MTTR
              </th>
              <th scope="col" className="history-table__num">
                Lost
              </th>
              <th scope="col" className="history-table__num">
                Duplicates
              </th>
              <th scope="col">Resolved</th>
              {onOpenAttempt && (
                <th scope="col">
                  <span className="visually-hidden">Debrief</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ record, n }) => (
              <tr key={record.id}>
                <th scope="row" className="history-table__num history-table__n">
                  <span className="visually-hidden">Attempt</span> {n}
                </th>
                <td className="history-table__date">
                  <time dateTime={record.finishedAt}>{dateFormat.format(new Date(record.finishedAt))}</time>
                  {record.imported && (
                    <>
                      {' '}
                      <span className="badge badge--neutral history-table__older" title={`Imported from ${record.imported.fileName}: someone else's run`}>
                        imported
                      </span>
                    </>
                  )}
                  {isMigratedFromV1(record) && (
                    <>
                      {' '}
                      <span className="badge badge--neutral history-table__older" title="Saved by an older version that did not keep incident times">
                        older record
                      </span>
                    </>
                  )}
                </td>
                <td className="history-table__num">{record.seed}</td>
                <td className="history-table__score">
                  <span className="history-table__points">{record.score.total}</span>
                  <span className="history-table__max"> / {record.score.maxScore}</span>{' '}
                  <span className={`badge badge--${gradeTone[record.score.grade]}`}>
                    <span className="visually-hidden">grade</span> {record.score.grade}
                  </span>
                </td>
                <TimeCell seconds={record.times.mttmS} record={record} />
                <TimeCell seconds={record.times.mttrS} record={record} />
                <CountCell value={record.records.lost} />
                <CountCell value={record.records.duplicates} />
                <td>
                  <span className={`badge ${record.resolved ? 'badge--ok' : 'badge--danger'}`}>{record.resolved ? '✓ Yes' : '✗ No'}</span>
                </td>
                {onOpenAttempt && (
                  <td className="history-table__action">
                    <button type="button" className="btn btn--small" onClick={() => onOpenAttempt(record)}>
                      Open debrief <span className="visually-hidden">of attempt {n}, seed {record.seed}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
