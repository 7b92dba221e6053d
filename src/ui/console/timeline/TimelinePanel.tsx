import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { relativeTime, timeOfDay } from '../../../engine';
import { useView } from '../../hooks/use-session';
import { countByFilter, describeEntry, filterEntries, timelineFilters, type TimelineFilter } from './timeline-entries';
import './timeline.css';

/** How close to the end (px) still counts as following the newest entries. */
const followSlack = 24;

/**
 * The incident timeline: every alert, action, message and declaration in order, oldest at the
 * top and following the newest, with a filter by kind. New pages are announced, nothing else.
 */
export function TimelinePanel() {
  const view = useView();
  const filterId = useId();
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const [following, setFollowing] = useState(true);
  const listRef = useRef<HTMLOListElement>(null);

  const entries = useMemo(() => view.timeline.map(describeEntry), [view.timeline]);
  const counts = countByFilter(entries);
  const shown = filterEntries(entries, filter);

  // Announce only pages that arrive while the panel is open, not the ones already on screen.
  const pages = entries.filter((e) => e.page);
  const [knownPages, setKnownPages] = useState(pages.length);
  const [announcement, setAnnouncement] = useState('');
  if (pages.length !== knownPages) {
    setKnownPages(pages.length);
    if (pages.length > knownPages) {
      setAnnouncement(
        pages
          .slice(knownPages)
          .map((p) => `New page at ${timeOfDay(view.scenario.clock, p.at)}: ${p.text}`)
          .join('. '),
      );
    }
  }

  useLayoutEffect(() => {
    const list = listRef.current;
    if (list && following) list.scrollTop = list.scrollHeight;
  }, [shown.length, filter, following]);

  const onScroll = () => {
    const list = listRef.current;
    if (!list) return;
    const atEnd = list.scrollHeight - list.scrollTop - list.clientHeight <= followSlack;
    if (atEnd !== following) setFollowing(atEnd);
  };

  return (
    <div className="timeline">
      <div className="timeline-toolbar">
        <label className="timeline-filter" htmlFor={filterId}>
          <span className="timeline-filter__label">Show</span>
          <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value as TimelineFilter)}>
            {timelineFilters.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label} ({counts[f.id]})
              </option>
            ))}
          </select>
        </label>
        <span className="timeline-count">
          {shown.length} {shown.length === 1 ? 'entry' : 'entries'}
        </span>
      </div>
      {shown.length === 0 ? (
        <p className="timeline-empty">{entries.length === 0 ? 'Nothing has happened yet.' : 'No entries of this kind yet.'}</p>
      ) : (
        <ol ref={listRef} className="timeline-list" aria-label="Incident timeline, oldest first" tabIndex={0} onScroll={onScroll}>
          {shown.map((e, i) => (
            <li key={`${e.at}-${i}-${e.badge}`} className={`timeline-entry timeline-entry--${e.tone}${e.page ? ' timeline-entry--page' : ''}${e.at < 0 ? ' timeline-entry--before' : ''}`}>
              <span className="timeline-entry__when">
                <time className="timeline-entry__clock">{timeOfDay(view.scenario.clock, e.at)}</time>
                <span className="timeline-entry__rel">{relativeTime(e.at)}</span>
              </span>
              <span className="timeline-entry__rail" aria-hidden="true" />
              <span className="timeline-entry__body">
                <span className={`timeline-badge timeline-badge--${e.tone}`} title={e.badgeLabel}>
                  <span aria-hidden="true">{e.badge}</span>
                  <span className="visually-hidden">{e.badgeLabel}:</span>
                </span>{' '}
                <span className="timeline-entry__text">{e.text}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
      {!following && shown.length > 0 && (
        <button
          type="button"
          className="timeline-jump"
          onClick={() => {
            setFollowing(true);
          }}
        >
          ↓ Jump to newest
        </button>
      )}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}
