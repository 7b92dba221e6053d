import { Notes } from './Notes';
import { splitNotes } from './output-text';

/** An `xxd` dump: the offset column dimmed, the hex and ASCII columns as printed, notes below. */
export function RecordDumpOutput({ body }: { body: string }) {
  const { lines, notes } = splitNotes(body);
  return (
    <div className="tools-stack">
      <pre className="terminal tools-term tools-hex">
        {lines.map((line, i) => {
          const m = /^([0-9a-f]{8}:)(.*)$/.exec(line);
          return (
            <span key={i}>
              {m ? (
                <>
                  <span className="tools-dim">{m[1]}</span>
                  {m[2]}
                </>
              ) : (
                line
              )}
              {'\n'}
            </span>
          );
        })}
      </pre>
      <Notes notes={notes} />
    </div>
  );
}
