import { consumerNoticeTone, isNumericColumn, parseCliTable, splitNotes } from './output-text';
import { Notes } from './Notes';
import { TerminalText } from './TerminalText';

/** `kafka-consumer-groups --describe`: status lines, then the partition table with LAG right-aligned. */
export function ConsumerGroupsOutput({ body }: { body: string }) {
  const { lines, notes } = splitNotes(body);
  const table = parseCliTable(lines, 'GROUP');
  if (!table) return <TerminalText text={body} />;
  const lagAt = table.header.indexOf('LAG');
  const numeric = table.header.map((_, i) => isNumericColumn(table.rows, i));
  const totalLag = lagAt < 0 ? null : table.rows.reduce((sum, r) => sum + (Number(r[lagAt]) || 0), 0);
  return (
    <div className="tools-stack">
      {table.before.map((line, i) => {
        const tone = consumerNoticeTone(line);
        return (
          <p key={i} className={`tools-notice tools-notice--${tone}`}>
            <span className={`tools-tag tools-tag--${tone}`}>{tone === 'danger' ? 'ERROR' : tone === 'warn' ? 'WARN' : 'INFO'}</span>
            <span className="tools-notice__text">{line.trim()}</span>
          </p>
        );
      })}
      <div className="tools-table-wrap">
        <table className="tools-table tools-table--mono">
          <thead>
            <tr>
              {table.header.map((h, i) => (
                <th key={i} scope="col" className={numeric[i] ? 'tools-num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => {
                  const behind = i === lagAt && Number(cell) > 0;
                  const classes = [numeric[i] ? 'tools-num' : '', cell === '-' ? 'tools-dim' : '', i === lagAt ? 'tools-lag' : '', behind ? 'tools-lag--behind' : ''].filter(Boolean).join(' ');
                  return (
                    <td key={i} className={classes || undefined}>
                      {cell}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {totalLag !== null && (
        <p className="tools-summary">
          {table.rows.length} partitions · total lag <span className={totalLag > 0 ? 'tools-lag--behind' : undefined}>{totalLag}</span>
        </p>
      )}
      {table.after.length > 0 && <TerminalText text={table.after.join('\n')} />}
      <Notes notes={notes} />
    </div>
  );
}
