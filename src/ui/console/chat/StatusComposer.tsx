import { useEffect, useId, useRef, useState } from 'react';
import { formatDuration, timeOfDay } from '../../../engine';
import { useClock, useSend, useView } from '../../hooks/use-session';
import { useConsoleUi } from '../../store/console-ui-store';

const etaChoices = [
  { value: '', label: 'Unknown yet' },
  { value: '900', label: '15 min' },
  { value: '1800', label: '30 min' },
  { value: '3600', label: '1 hour' },
];
const nextChoices = ['600', '900', '1200', '1800'];

/** Writes a status update: the composer helps with impact, ETA and when the next update comes. */
export function StatusComposer() {
  const view = useView();
  const send = useSend();
  const clock = useClock();
  const [impact, setImpact] = useState('');
  const [status, setStatus] = useState('');
  const [eta, setEta] = useState('');
  const [next, setNext] = useState('900');
  const [open, setOpen] = useState(false);
  const statusRef = useRef<HTMLTextAreaElement>(null);
  const focusRequest = useConsoleUi((s) => s.composerFocusRequest);
  const [handledRequest, setHandledRequest] = useState(focusRequest);
  const id = useId();
  // "Write a status update" elsewhere in the console opens the composer (adjusted during render).
  if (focusRequest !== handledRequest) {
    setHandledRequest(focusRequest);
    setOpen(true);
  }
  useEffect(() => {
    if (open) statusRef.current?.focus();
  }, [open, focusRequest]);
  const clockAnchor = view.scenario.clock;
  const message = [
    impact && `Impact: ${impact}.`,
    status,
    eta ? `ETA: ${timeOfDay(clockAnchor, clock + Number(eta)).slice(0, 5)} (in ${formatDuration(Number(eta))}).` : 'ETA: not known yet.',
    `Next update by ${timeOfDay(clockAnchor, clock + Number(next)).slice(0, 5)}.`,
  ]
    .filter(Boolean)
    .join(' ');
  const canPost = status.trim().length > 0;
  const post = () => {
    if (!canPost) return;
    send({ type: 'comms.post', text: message, ...(impact && { impact }), ...(eta && { etaS: Number(eta) }), nextUpdateS: Number(next) });
    setStatus('');
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
      <div className="composer__grid">
        <label className="field" htmlFor={`${id}-impact`}>
          <span className="field__label">Impact</span>
          <input id={`${id}-impact`} type="text" value={impact} placeholder="Who is affected, how" onChange={(e) => setImpact(e.target.value)} />
        </label>
        <label className="field" htmlFor={`${id}-status`}>
          <span className="field__label">What we know / are doing</span>
          <textarea id={`${id}-status`} ref={statusRef} rows={2} value={status} onChange={(e) => setStatus(e.target.value)} />
        </label>
        <div className="composer__row">
          <label className="field" htmlFor={`${id}-eta`}>
            <span className="field__label">ETA</span>
            <select id={`${id}-eta`} value={eta} onChange={(e) => setEta(e.target.value)}>
              {etaChoices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor={`${id}-next`}>
            <span className="field__label">Next update in</span>
            <select id={`${id}-next`} value={next} onChange={(e) => setNext(e.target.value)}>
              {nextChoices.map((c) => (
                <option key={c} value={c}>
                  {Number(c) / 60} min
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <p className="composer__preview" aria-label="Preview">
        {message}
      </p>
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
