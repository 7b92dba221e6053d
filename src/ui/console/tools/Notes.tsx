import { noteTone } from './output-text';

/** The `# ...` annotations a tool printed under its output, set out as callouts. */
export function Notes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="tools-notes">
      {notes.map((note, i) => (
        <li key={i} className={`tools-note tools-note--${noteTone(note)}`}>
          <span className="tools-note__mark" aria-hidden="true">
            #
          </span>
          <span>{note}</span>
        </li>
      ))}
    </ul>
  );
}
