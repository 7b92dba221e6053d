import { formatDuration, relativeTime, type FacilitatorView } from '../../../engine';
import type { StepStanding } from '../../../engine/facilitator/walkthrough-progress';

const standingText: Record<StepStanding, string> = { ahead: 'Ahead', 'on-par': 'On par', behind: 'Behind', skipped: 'Skipped', upcoming: 'Upcoming' };
const standingTone: Record<StepStanding, string> = { ahead: 'ok', 'on-par': 'ok', behind: 'warn', skipped: 'danger', upcoming: 'neutral' };
const overallText = { 'not-started': 'Waiting for the first page', ahead: 'Ahead of the model', 'on-par': 'On par with the model', behind: 'Behind the model' } as const;

function gap(modelAt: number | null, roomAt: number | null): string {
  if (modelAt === null || roomAt === null) return '';
  const d = roomAt - modelAt;
  return d === 0 ? ' (same time)' : ` (${formatDuration(Math.abs(d))} ${d < 0 ? 'earlier' : 'later'})`;
}

/** The model walkthrough as a timeline, with where the room stands on each step. Host only. */
export function WalkthroughCard({ view }: { view: FacilitatorView }) {
  const { steps, overall } = view.hidden.progress;
  return (
    <section className="panel room-card" aria-labelledby="host-walkthrough-title">
      <h2 id="host-walkthrough-title" className="room-card__heading">
        Model walkthrough <span className={`badge badge--${overall === 'behind' ? 'warn' : overall === 'not-started' ? 'neutral' : 'ok'}`}>{overallText[overall]}</span>
      </h2>
      <p className="room-card__help">Model times count from this room&apos;s first page; on par means within two minutes.</p>
      <ol className="host-steps">
        {steps.map((step) => (
          <li key={step.index} className={`host-steps__item host-steps__item--${step.standing}`}>
            <div className="host-steps__head">
              <span className="host-steps__phase">{step.phase}</span>
              <span className={`badge badge--${standingTone[step.standing]}`}>{standingText[step.standing]}</span>
              <span className="host-steps__times mono">
                model {step.modelAt === null ? '—' : relativeTime(step.modelAt)}
                {step.roomAt !== null && ` · room ${relativeTime(step.roomAt)}${gap(step.modelAt, step.roomAt)}`}
              </span>
            </div>
            <p className="host-steps__label">{step.label}</p>
            <p className="host-steps__why">{step.why}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
