import { useId, useState } from 'react';
import { timeOfDay } from '../../../engine';
import { useSend, useView } from '../../hooks/use-session';

/** Private notes, stamped with sim time. */
export function NotesPanel() {
  const view = useView();
  const send = useSend();
  const [text, setText] = useState('');
  const id = useId();
  return (
    <div className="notes">
      <form
        className="notes__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          send({ type: 'note.add', text: text.trim() });
          setText('');
        }}
      >
        <label className="field" htmlFor={id}>
          <span className="field__label">Add a note</span>
          <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit" className="btn" disabled={!text.trim()}>
          Save note
        </button>
      </form>
      <ol className="notes__list" aria-label="Notes">
        {view.notes.length === 0 && <li className="empty">No notes yet.</li>}
        {[...view.notes].reverse().map((n, i) => (
          <li key={i} className="notes__item">
            <time>{timeOfDay(view.scenario.clock, n.at)}</time>
            <p>{n.text}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
