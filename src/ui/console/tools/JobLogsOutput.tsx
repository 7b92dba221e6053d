import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import { countByLevel, filterLogLines, highlight, logLevels, parseLogLines, type LogLevelFilter, type LogLine } from './log-lines';

/** The log viewer's filter, kept by the panel so it survives switching tabs. */
export interface LogFilter {
  level: LogLevelFilter;
  query: string;
  wrap: boolean;
}

/** The filter a log viewer starts with. */
export const defaultLogFilter: LogFilter = { level: 'ALL', query: '', wrap: true };

function lineClass(line: LogLine): string {
  if (line.cause) return 'tools-log__line tools-log__line--cause';
  if (line.continuation) return `tools-log__line tools-log__line--trace tools-log__line--trace-${line.level.toLowerCase()}`;
  return `tools-log__line tools-log__line--${line.level.toLowerCase()}`;
}

function Marked({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlight(text, query).map((seg, i) => (seg.match ? <mark key={i}>{seg.text}</mark> : <span key={i}>{seg.text}</span>))}
    </>
  );
}

/** A job's log lines: level filter, search with highlighted matches, errors tinted, tailing the end. */
export function JobLogsOutput({ body, filter, onFilter }: { body: string; filter: LogFilter; onFilter: (next: LogFilter) => void }) {
  const lines = useMemo(() => parseLogLines(body), [body]);
  const counts = useMemo(() => countByLevel(lines), [lines]);
  const shown = filterLogLines(lines, filter.level, filter.query);
  const listRef = useRef<HTMLOListElement>(null);
  const searchId = useId();

  useLayoutEffect(() => {
    const scroller = listRef.current?.closest('.tools-output');
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  }, [body, filter.level, filter.query]);

  return (
    <div className="tools-log-viewer">
      <div className="tools-log-toolbar">
        <div className="tools-segmented" role="group" aria-label="Log level">
          {logLevels.map((level) => (
            <button
              key={level}
              type="button"
              className={`tools-segmented__btn tools-segmented__btn--${level.toLowerCase()}`}
              aria-pressed={filter.level === level}
              onClick={() => onFilter({ ...filter, level })}
            >
              {level}
              <span className="tools-segmented__count">
                <span className="visually-hidden"> (</span>
                {counts[level]}
                <span className="visually-hidden"> lines)</span>
              </span>
            </button>
          ))}
        </div>
        <label className="visually-hidden" htmlFor={searchId}>
          Search the log
        </label>
        <input
          id={searchId}
          type="search"
          className="tools-search"
          placeholder="Search log…"
          value={filter.query}
          onChange={(e) => onFilter({ ...filter, query: e.target.value })}
        />
        <span className="tools-log-count" role="status">
          {shown.length} of {lines.length} lines
        </span>
        <button type="button" className="tools-toggle" aria-pressed={filter.wrap} onClick={() => onFilter({ ...filter, wrap: !filter.wrap })}>
          Wrap
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="tools-log-none">No lines match{filter.level === 'ALL' ? '' : ` at level ${filter.level}`}{filter.query.trim() ? ` for “${filter.query.trim()}”` : ''}.</p>
      ) : (
        <ol ref={listRef} className={`tools-log${filter.wrap ? ' tools-log--wrap' : ''}`} aria-label="Log lines">
          {shown.map((line) => (
            <li key={line.index} className={lineClass(line)}>
              {line.continuation ? (
                <span className="tools-log__msg">
                  <Marked text={line.text} query={filter.query} />
                </span>
              ) : (
                <>
                  <span className="tools-log__ts">
                    <Marked text={line.timestamp} query={filter.query} />
                  </span>{' '}
                  <span className={`tools-log__level tools-log__level--${line.level.toLowerCase()}`}>{line.level.padEnd(5)}</span>{' '}
                  <span className="tools-log__msg">
                    <Marked text={line.message} query={filter.query} />
                  </span>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
