import { Notes } from './Notes';
import { airflowStateTone, parseCliTable, splitNotes } from './output-text';
import { TerminalText } from './TerminalText';

function RunId({ id }: { id: string }) {
  const split = /^(.*T)(\d{2}:\d{2}(?::\d{2})?.*)$/.exec(id);
  if (!split) return <>{id}</>;
  return (
    <>
      <span className="tools-dim tools-dag__run-prefix">{split[1]}</span>
      {split[2]}
    </>
  );
}

/** Lets long task ids wrap after their underscores instead of widening the grid. */
function BreakAtUnderscores({ text }: { text: string }) {
  const parts = text.split('_');
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              _<wbr />
            </>
          )}
        </span>
      ))}
    </>
  );
}

/** Airflow's runs as a grid: one row per run, each task state a coloured cell that keeps its word. */
export function DagRunsOutput({ body }: { body: string }) {
  const { lines, notes } = splitNotes(body);
  const table = parseCliTable(lines, /^RUN\b/);
  if (!table) {
    return (
      <div className="tools-stack">
        <TerminalText text={lines.join('\n')} />
        <Notes notes={notes} />
      </div>
    );
  }
  return (
    <div className="tools-stack">
      <div className="tools-table-wrap">
        <table className="tools-table tools-dag">
          <thead>
            <tr>
              {table.header.map((h, i) => (
                <th key={i} scope="col" className={i === 0 ? undefined : 'tools-dag__task'}>
                  {i === 0 ? h : <BreakAtUnderscores text={h} />}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="tools-dag__run">
                      <RunId id={cell} />
                    </th>
                  ) : (
                    <td key={i} className="tools-dag__cell">
                      <span className={`tools-state tools-state--${airflowStateTone(cell)}${cell === 'none' ? ' tools-state--none' : ''}`}>{cell}</span>
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Notes notes={notes} />
    </div>
  );
}
