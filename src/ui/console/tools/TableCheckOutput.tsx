import { Notes } from './Notes';
import { isNumericColumn, splitColumns, splitNotes } from './output-text';
import { TerminalText } from './TerminalText';

const nonZeroPercent = (cell: string) => /^\d+(\.\d+)?%$/.test(cell) && Number.parseFloat(cell) > 0;

/** A SQL check's result set as a small table, with the check's notes below. */
export function TableCheckOutput({ body }: { body: string }) {
  const { lines, notes } = splitNotes(body);
  const rows = lines.filter((l) => l.trim() !== '').map(splitColumns);
  const [header, ...data] = rows;
  if (!header || data.length === 0 || /^ERROR\b/.test(lines[0] ?? '')) {
    return (
      <div className="tools-stack">
        <TerminalText text={lines.join('\n')} className={/^ERROR\b/.test(lines[0] ?? '') ? 'tools-term--error' : ''} />
        <Notes notes={notes} />
      </div>
    );
  }
  const numeric = header.map((_, i) => isNumericColumn(data, i));
  return (
    <div className="tools-stack">
      <div className="tools-table-wrap">
        <table className="tools-table tools-table--mono">
          <thead>
            <tr>
              {header.map((h, i) => (
                <th key={i} scope="col" className={numeric[i] ? 'tools-num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i} className={[numeric[i] ? 'tools-num' : '', header[i]?.startsWith('null_') && nonZeroPercent(cell) ? 'tools-cell--warn' : ''].filter(Boolean).join(' ') || undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="tools-summary">
        ({data.length} {data.length === 1 ? 'row' : 'rows'})
      </p>
      <Notes notes={notes} />
    </div>
  );
}
