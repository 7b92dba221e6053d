import { useId, useState, type FormEvent } from 'react';
import { relativeTime, timeOfDay } from '../../engine';
import { useHostState } from '../hooks/use-session';
import type { RoomSession } from './room-session';
import { useRoomPicture } from './use-room-session';

/** Reads "in how many sim minutes from the page" as typed: a whole number of minutes, T+ or T−. */
export function parseInjectMinutes(text: string): number | null {
  const t = text.trim().replace(/^T/i, '').replace('−', '-');
  if (!/^[+-]?\d{1,4}$/.test(t)) return null;
  return Number(t) * 60;
}

function ScheduleForm({ session, inject, label }: { session: RoomSession; inject: string; label: string }) {
  const id = useId();
  const clock = useHostState((s) => Math.floor(s.clock));
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const atS = parseInjectMinutes(text);
    if (atS === null) return setError('Enter sim minutes from the page, such as 25 for T+25m.');
    if (atS <= clock) return setError(`That time has passed: the clock is at ${relativeTime(clock)}. Fire it now instead.`);
    setError(null);
    setText('');
    session.fireInject(inject, atS);
  };
  return (
    <form className="inject-schedule" onSubmit={submit} noValidate>
      <label className="visually-hidden" htmlFor={`${id}-at`}>
        Schedule {label} at T+ minutes
      </label>
      <span className="inject-schedule__prefix" aria-hidden="true">
        T+
      </span>
      <input
        id={`${id}-at`}
        className="room-input inject-schedule__input mono"
        inputMode="numeric"
        placeholder="min"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="btn btn--small">
        Schedule
      </button>
      {error && (
        <p id={`${id}-error`} className="room-card__error inject-schedule__error">
          {error}
        </p>
      )}
    </form>
  );
}

/** The host's injects: each fired now or scheduled at a sim time, with what is already fired or waiting. */
export function InjectControls({ session }: { session: RoomSession }) {
  const facilitator = useRoomPicture(session, (p) => p.facilitator);
  const schedule = useRoomPicture(session, (p) => p.schedule);
  const stage = useRoomPicture(session, (p) => p.stage);
  if (!facilitator) return null;
  const anchor = facilitator.scenario.clock;
  const injects = facilitator.hidden.injects;
  const canFire = stage === 'running';
  return (
    <section className="panel room-card" aria-labelledby="room-injects-title">
      <h2 id="room-injects-title" className="room-card__heading">
        Injects <span className="catalogue__count">{injects.length}</span>
      </h2>
      {injects.length === 0 ? (
        <p className="empty">This scenario has no injects.</p>
      ) : (
        <ul className="injects">
          {injects.map((i) => {
            const waiting = schedule.filter((s) => s.inject === i.id && s.firedSeq === null);
            return (
              <li key={i.id} className="injects__item">
                <div className="injects__head">
                  <span className="injects__label">{i.label}</span>
                  {i.firedAt !== null ? (
                    <span className="badge badge--ok">Fired at {timeOfDay(anchor, i.firedAt)}</span>
                  ) : (
                    <button type="button" className="btn btn--small btn--primary" disabled={!canFire} aria-label={`Fire now: ${i.label}`} onClick={() => session.fireInject(i.id)}>
                      Fire now
                    </button>
                  )}
                </div>
                <p className="injects__description">{i.description}</p>
                {i.firedAt === null && (
                  <>
                    {waiting.map((w) => (
                      <p key={w.id} className="injects__waiting">
                        <span className="badge badge--info">
                          Scheduled at {timeOfDay(anchor, w.atS)} ({relativeTime(w.atS)})
                        </span>
                        <button type="button" className="btn btn--small btn--ghost" aria-label={`Cancel the scheduled ${i.label}`} onClick={() => session.unschedule(w.id)}>
                          Cancel
                        </button>
                      </p>
                    ))}
                    {waiting.length === 0 && stage !== 'prevent' && stage !== 'debrief' && <ScheduleForm session={session} inject={i.id} label={i.label} />}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!canFire && stage === 'briefing' && <p className="room-card__help">Injects fire once the incident runs; you can schedule them now.</p>}
    </section>
  );
}
