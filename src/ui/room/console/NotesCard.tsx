import { useId, useState, type FormEvent } from 'react';
import { relativeTime, timeOfDay, type FacilitatorView } from '../../../engine';
import { roomLimits, type HostNote } from '../../../rooms';
import { useHostState } from '../../hooks/use-session';
import type { RoomSession } from '../room-session';

/** Where a note can be attached as evidence. */
export interface NoteTarget {
  title: string;
  cited: readonly string[];
  cite: (id: string) => void;
}

/** Private notes, each pinned to the sim time it was written at; never sent to anyone else. */
export function NotesCard({ session, view, notes, target }: { session: RoomSession; view: FacilitatorView; notes: readonly HostNote[]; target: NoteTarget | null }) {
  const id = useId();
  const clock = useHostState((s) => Math.floor(s.clock));
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const anchor = view.scenario.clock;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') return setError('Write something first.');
    if (trimmed.length > roomLimits.maxNoteLength) return setError(`A note holds at most ${roomLimits.maxNoteLength} characters (this one has ${trimmed.length}).`);
    setError(null);
    setText('');
    session.note(trimmed);
  };
  return (
    <section className="panel room-card" aria-labelledby="host-notes-title">
      <h2 id="host-notes-title" className="room-card__heading">
        Private notes <span className="catalogue__count">{notes.length}</span>
      </h2>
      <form className="host-notes__form" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-text`} className="room-card__help">
          Pinned to the sim time when you save it (now {relativeTime(clock)}). Only you see them.
        </label>
        <textarea id={`${id}-text`} className="room-input host-notes__text" rows={3} value={text} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => setText(e.target.value)} />
        {error && (
          <p id={`${id}-error`} className="room-card__error">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn--small btn--primary">
          Save note
        </button>
      </form>
      {notes.length > 0 && (
        <ol className="host-list">
          {[...notes].reverse().map((n) => {
            const cited = target?.cited.includes(n.id) ?? false;
            return (
              <li key={n.id} className="host-list__item host-notes__item">
                <span className="mono host-feed__time">
                  {timeOfDay(anchor, n.at)} <span className="host-feed__relative">{relativeTime(n.at)}</span>
                </span>
                <span className="host-notes__body">{n.text}</span>
                {target && (
                  <button type="button" className="btn btn--small" aria-pressed={cited} onClick={() => target.cite(n.id)} aria-label={`${cited ? 'Cited' : 'Cite'} the note at ${relativeTime(n.at)} as evidence for ${target.title}`}>
                    {cited ? 'Cited' : 'Cite'}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
