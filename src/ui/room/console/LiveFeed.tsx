import { useId, useState } from 'react';
import { relativeTime, timeOfDay, type FacilitatorView } from '../../../engine';
import { feedPeople, roleLabel, type FeedItem, type RoomMode } from '../../../rooms';

/** Where a feed item can be attached: the rubric criterion being collected for, if any. */
export interface CiteTarget {
  title: string;
  cited: readonly number[];
  cite: (seq: number) => void;
}

/** Every command the room sends, as typed, with the output its sender saw, the moment it happens; filterable by person. Host only. */
export function LiveFeed({ feed, view, mode, target, title = 'Live feed' }: { feed: readonly FeedItem[]; view: FacilitatorView; mode: RoomMode; target: CiteTarget | null; title?: string }) {
  const id = useId();
  const [who, setWho] = useState('');
  const people = feedPeople(feed);
  const shown = feed.filter((f) => who === '' || f.by?.seat === who).reverse();
  const anchor = view.scenario.clock;
  return (
    <section className="panel room-card host-feed" aria-labelledby="host-feed-title">
      <div className="host-feed__top">
        <h2 id="host-feed-title" className="room-card__heading">
          {title} <span className="catalogue__count">{feed.length}</span>
        </h2>
        <label className="host-feed__filter" htmlFor={`${id}-who`}>
          Show
          <select id={`${id}-who`} className="room-input" value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="">Everyone</option>
            {people.map((p) => (
              <option key={p.seat} value={p.seat}>
                {p.name} ({roleLabel(p.role, mode)})
              </option>
            ))}
          </select>
        </label>
      </div>
      {target ? <p className="room-card__help">Cite a command to attach it to “{target.title}”.</p> : <p className="room-card__help">Choose “Collect evidence” on a rubric criterion to cite commands from here.</p>}
      {shown.length === 0 ? (
        <p className="empty">Nothing sent yet.</p>
      ) : (
        <ol className="host-feed__list" aria-live="polite" aria-relevant="additions">
          {shown.map((item) => {
            const cited = target?.cited.includes(item.seq) ?? false;
            return (
              <li key={item.seq} className="host-feed__item" data-seq={item.seq}>
                <div className="host-feed__head">
                  <span className="mono host-feed__time">
                    {timeOfDay(anchor, item.at)} <span className="host-feed__relative">{relativeTime(item.at)}</span>
                  </span>
                  <span className="host-feed__who">{item.by ? item.by.name : 'Room'}</span>
                  {target && (
                    <button type="button" className="btn btn--small" aria-pressed={cited} onClick={() => target.cite(item.seq)} aria-label={`${cited ? 'Cited' : 'Cite'} ${item.text.slice(0, 80)} as evidence for ${target.title}`}>
                      {cited ? 'Cited' : 'Cite'}
                    </button>
                  )}
                </div>
                <p className={item.type === 'terminal.run' || item.type === 'sql.run' ? 'host-feed__line mono' : 'host-feed__line'}>
                  {item.type === 'terminal.run' ? '$ ' : item.type === 'sql.run' ? '=> ' : ''}
                  {item.text}
                </p>
                {item.running && <p className="room-card__help">Running…</p>}
                {item.output !== null && item.output !== '' && (
                  <pre className="host-feed__output mono" tabIndex={0} aria-label={`Output of ${item.text.slice(0, 80)}`}>
                    {item.output}
                  </pre>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
