import { useEffect, useRef } from 'react';
import { timeOfDay } from '../../../engine';
import { useView } from '../../hooks/use-session';
import { StatusComposer } from './StatusComposer';

/** The incident channel: stakeholder messages and the player's status updates. */
export function ChatPanel() {
  const view = useView();
  const listRef = useRef<HTMLOListElement>(null);
  const people = new Map(view.scenario.stakeholders.map((p) => [p.id, p]));
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [view.messages.length]);
  return (
    <div className="chat">
      <ol className="chat__messages" ref={listRef} aria-label="#incident channel" aria-live="polite">
        {view.messages.length === 0 && <li className="empty">#incident is quiet.</li>}
        {view.messages.map((m, i) => {
          const person = people.get(m.from);
          const mine = m.kind === 'status-update';
          return (
            <li key={i} className={`chat__message${mine ? ' chat__message--mine' : ''}`}>
              <div className="chat__meta">
                <span className="chat__author">{mine ? 'You (status update)' : (person?.name ?? m.from)}</span>
                {!mine && person && <span className="chat__role">{person.role}</span>}
                <time className="chat__time">{timeOfDay(view.scenario.clock, m.at)}</time>
              </div>
              <p className="chat__text">{m.text}</p>
            </li>
          );
        })}
      </ol>
      <StatusComposer />
    </div>
  );
}
