import { formatDuration, relativeTime, type FacilitatorView } from '../../../engine';
import type { ScoreboardMilestone } from '../../../engine/facilitator/scoreboard';

const tone: Record<ScoreboardMilestone['standing'], string> = { 'done-on-par': 'ok', 'done-late': 'warn', due: 'neutral', overdue: 'danger', missed: 'danger', 'not-reached': 'neutral' };
const words: Record<ScoreboardMilestone['standing'], string> = { 'done-on-par': 'On par', 'done-late': 'Late', due: 'Due', overdue: 'Overdue', missed: 'Missed', 'not-reached': 'Not yet' };

/** Milestones against par, the data lost so far and the update cadence, live. Host only. */
export function ScoreboardCard({ view }: { view: FacilitatorView }) {
  const { milestones, recordsLost, duplicates, updates } = view.hidden.scoreboard;
  return (
    <section className="panel room-card" aria-labelledby="host-scoreboard-title">
      <h2 id="host-scoreboard-title" className="room-card__heading">
        Scoreboard
      </h2>
      <table className="host-scoreboard">
        <caption className="visually-hidden">Milestones against the model</caption>
        <thead>
          <tr>
            <th scope="col">Milestone</th>
            <th scope="col">Room</th>
            <th scope="col">Model</th>
            <th scope="col">
              <span className="visually-hidden">Standing</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {milestones.map((m) => (
            <tr key={m.milestone}>
              <th scope="row">{m.label}</th>
              <td className="mono">{m.at === null ? '—' : relativeTime(m.at)}</td>
              <td className="mono">{m.parAt === null ? '—' : relativeTime(m.parAt)}</td>
              <td>
                <span className={`badge badge--${tone[m.standing]}`}>{words[m.standing]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="host-scoreboard__facts">
        <span className={`badge badge--${recordsLost > 0 ? 'danger' : 'ok'}`}>{recordsLost.toLocaleString()} records lost</span>{' '}
        <span className={`badge badge--${duplicates > 0 ? 'warn' : 'ok'}`}>{duplicates.toLocaleString()} duplicates</span>{' '}
        <span className={`badge badge--${updates.overdue ? 'danger' : 'neutral'}`}>
          {updates.count} update{updates.count === 1 ? '' : 's'}
          {updates.nextDueAt !== null && (updates.overdue ? `, next was due ${relativeTime(updates.nextDueAt)}` : `, next due ${relativeTime(updates.nextDueAt)}`)}
        </span>
      </p>
      <p className="room-card__help">Updates are due every {formatDuration(updates.cadenceS)}; model times count from this room&apos;s first page.</p>
    </section>
  );
}
