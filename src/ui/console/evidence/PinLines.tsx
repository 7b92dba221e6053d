import { useId, useState } from 'react';
import { useReadOnly, useView } from '../../hooks/use-session';
import { maxPins, useEvidenceStore, usePinnedLines } from '../../store/evidence-store';
import { evidenceKey } from './evidence-key';
import './evidence.css';

const shownAtOnce = 40;

/** "Pin a line as evidence": pick lines of an output to carry into the root-cause declaration. */
export function PinLines({ text, what }: { text: string; what: string }) {
  const view = useView();
  const readOnly = useReadOnly();
  const key = evidenceKey(view);
  const pinned = usePinnedLines(key);
  const pin = useEvidenceStore((s) => s.pin);
  const [filter, setFilter] = useState('');
  const filterId = useId();
  if (readOnly) return null;
  const lines = [...new Set(text.split('\n').map((l) => l.trim()).filter((l) => l.length >= 4))];
  const matching = lines.filter((l) => l.toLowerCase().includes(filter.toLowerCase()));
  const full = pinned.length >= maxPins;
  return (
    <details className="pin-lines">
      <summary>Pin a line as evidence</summary>
      <div className="pin-lines__body">
        <label htmlFor={filterId} className="pin-lines__label">
          Filter the lines of {what}
        </label>
        <input id={filterId} className="pin-lines__filter" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="e.g. Exception" />
        {full && <p className="pin-lines__note">{maxPins} lines are pinned, the most a declaration carries: unpin one in Declare first.</p>}
        <ul className="pin-lines__list">
          {matching.slice(0, shownAtOnce).map((line) => (
            <li key={line}>
              <button type="button" className="pin-lines__line" disabled={full || pinned.includes(line)} onClick={() => pin(key, line)}>
                <span className="pin-lines__icon" aria-hidden="true">
                  {pinned.includes(line) ? '✓' : '+'}
                </span>
                <code>{line}</code>
                <span className="visually-hidden">{pinned.includes(line) ? ' (pinned)' : ' — pin'}</span>
              </button>
            </li>
          ))}
        </ul>
        {matching.length > shownAtOnce && <p className="pin-lines__note">{matching.length - shownAtOnce} more lines: narrow the filter.</p>}
        {matching.length === 0 && <p className="pin-lines__note">No line matches.</p>}
      </div>
    </details>
  );
}
