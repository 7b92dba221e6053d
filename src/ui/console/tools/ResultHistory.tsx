import { useId } from 'react';
import type { ToolResult } from './tool-tabs';

const maxButtons = 4;

/** Picks which of a tab's results to show: the latest by default, or an earlier one. */
export function ResultHistory({ results, shownKey, timeOf, onPick }: { results: readonly ToolResult[]; shownKey: string; timeOf: (t: number) => string; onPick: (key: string | null) => void }) {
  const selectId = useId();
  if (results.length < 2) return null;
  const latest = results.at(-1) as ToolResult;
  const titleOf = (r: ToolResult) => r.outputs.at(-1)?.title ?? '';
  const titled = new Set(results.map(titleOf)).size > 1;
  const describe = (r: ToolResult) => r.outputs.map((o) => o.title).join(' + ');
  if (results.length > maxButtons) {
    return (
      <div className="tools-history">
        <label className="tools-history__label" htmlFor={selectId}>
          Result
        </label>
        <select id={selectId} className="tools-history__select" value={shownKey} onChange={(e) => onPick(e.target.value === latest.key ? null : e.target.value)}>
          {[...results].reverse().map((r) => (
            <option key={r.key} value={r.key}>
              {timeOf(r.at)}
              {r === latest ? ' (latest)' : ''}
              {titled ? ` — ${titleOf(r)}` : ''}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const earlier = results.slice(0, -1);
  return (
    <div className="tools-history" role="group" aria-label="Earlier results">
      <span className="tools-history__label" aria-hidden="true">
        Earlier results:
      </span>
      {earlier.map((r) => (
        <button key={r.key} type="button" className="tools-chip" aria-pressed={shownKey === r.key} title={describe(r)} onClick={() => onPick(r.key)}>
          {timeOf(r.at)}
          {titled ? <span className="tools-chip__title"> {titleOf(r)}</span> : <span className="visually-hidden"> {describe(r)}</span>}
        </button>
      ))}
      {shownKey !== latest.key && (
        <button type="button" className="tools-chip tools-chip--latest" onClick={() => onPick(null)}>
          Back to latest ({timeOf(latest.at)})
        </button>
      )}
    </div>
  );
}
