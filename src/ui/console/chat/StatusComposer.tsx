import { useEffect, useId, useRef, useState } from 'react';
import { timeOfDay } from '../../../engine';
import { useClock, useSend, useView } from '../../hooks/use-session';
import { useConsoleUi } from '../../store/console-ui-store';

const etaChoices = ['900', '1800', '3600'];
const nextChoices = ['600', '900', '1200', '1800'];
const minutes = (seconds: string) => `${Number(seconds) / 60} min`;

/** Adds a sentence after what is written, leaving the writer's own text and punctuation as they are. */
const appended = (text: string, sentence: string) => (text.trim() === '' ? sentence : `${text.replace(/\s+$/, '')} ${sentence}`);

/** A helper that adds a sentence about a time some minutes ahead, with its choice of minutes beside it. */
function TimedHelper(props: { label: string; choiceLabel: string; choices: string[]; value: string; onChange: (v: string) => void; onAdd: () => void }) {
  return (
    <span className="composer__helper">
      <button type="button" className="btn btn--ghost btn--small" onClick={props.onAdd}>
        {props.label}
      </button>
      <select aria-label={props.choiceLabel} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.choices.map((c) => (
          <option key={c} value={c}>
            {minutes(c)}
          </option>
        ))}
      </select>
    </span>
  );
}

/**
 * Writes a status update: a free message, posted exactly as written. The helpers only add a
 * sentence the writer can still edit (who is affected, an ETA, when the next update comes).
 */
export function StatusComposer() {
  const view = useView();
  const send = useSend();
  const clock = useClock();
  const [text, setText] = useState('');
  const [eta, setEta] = useState('1800');
  const [next, setNext] = useState('900');
  const [open, setOpen] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const focusRequest = useConsoleUi((s) => s.composerFocusRequest);
  const [handledRequest, setHandledRequest] = useState(focusRequest);
  const id = useId();
  // "Write a status update" elsewhere in the console opens the composer (adjusted during render).
  if (focusRequest !== handledRequest) {
    setHandledRequest(focusRequest);
    setOpen(true);
  }
  useEffect(() => {
    if (open) textRef.current?.focus();
  }, [open, focusRequest]);
  const at = (inS: string) => timeOfDay(view.scenario.clock, clock + Number(inS)).slice(0, 5);
  const add = (sentence: string) => {
    setText((t) => appended(t, sentence));
    // Back to the text with the caret at its end, ready to go on writing.
    requestAnimationFrame(() => {
      const area = textRef.current;
      if (!area) return;
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
    });
  };
  const canPost = text.trim().length > 0;
  const post = () => {
    if (!canPost) return;
    send({ type: 'comms.post', text: text.trim() });
    setText('');
    setOpen(false);
  };
  if (!open) {
    return (
      <div className="composer composer--closed">
        <button type="button" className="btn btn--primary" onClick={() => setOpen(true)}>
          Write a status update
        </button>
      </div>
    );
  }
  return (
    <form
      className="composer"
      aria-label="Status update"
      onSubmit={(e) => {
        e.preventDefault();
        post();
      }}
    >
      <label className="field" htmlFor={`${id}-text`}>
        <span className="field__label">Your update</span>
        <textarea
          id={`${id}-text`}
          ref={textRef}
          rows={3}
          value={text}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              post();
            }
          }}
        />
      </label>
      <p id={`${id}-hint`} className="composer__hint">
        Posted exactly as written. Say who is affected, where things stand and when you will update next. Ctrl+Enter posts.
      </p>
      <fieldset className="composer__helpers">
        <legend className="visually-hidden">Add to the update</legend>
        <button type="button" className="btn btn--ghost btn--small" onClick={() => add('Impact: ')}>
          + Impact
        </button>
        <TimedHelper label="+ ETA" choiceLabel="ETA in" choices={etaChoices} value={eta} onChange={setEta} onAdd={() => add(`ETA ${at(eta)} (in ${minutes(eta)}).`)} />
        <TimedHelper label="+ Next update" choiceLabel="Next update in" choices={nextChoices} value={next} onChange={setNext} onAdd={() => add(`Next update by ${at(next)}.`)} />
      </fieldset>
      <div className="composer__actions">
        <button type="button" className="btn btn--ghost" onClick={() => setOpen(false)}>
          Cancel
        </button>
        <button type="submit" className="btn btn--primary" disabled={!canPost}>
          Post status update
        </button>
      </div>
    </form>
  );
}
