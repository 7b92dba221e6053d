import { formatJson, parseJsonSegments } from './json-text';
import { Notes } from './Notes';

/** A REST answer: each JSON document pretty-printed with light syntax colouring, notes below. */
export function JsonOutput({ body }: { body: string }) {
  const segments = parseJsonSegments(body);
  const notes = segments.flatMap((s) => (s.type === 'note' ? [s.text] : []));
  return (
    <div className="tools-stack">
      {segments.map((seg, i) => {
        if (seg.type === 'note') return null;
        if (seg.type === 'text') {
          return (
            <pre key={i} className="terminal tools-term">
              {seg.text}
            </pre>
          );
        }
        return (
          <pre key={i} className="terminal tools-term tools-json">
            {formatJson(seg.value).map((line, l) => (
              <span key={l} className="tools-json__line">
                {line.map((tok, t) => (tok.kind === 'space' || tok.kind === 'punct' ? tok.text : <span key={t} className={`tools-json__${tok.kind}`}>{tok.text}</span>))}
                {'\n'}
              </span>
            ))}
          </pre>
        );
      })}
      <Notes notes={notes} />
    </div>
  );
}
