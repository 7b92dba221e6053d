import { JsonOutput } from './JsonOutput';
import { diffSign } from './output-text';

/** A schema diff: `+` added, `-` removed, `~` changed, each coloured with its sign kept as text. */
export function SchemaDiffOutput({ body }: { body: string }) {
  if (body.trimStart().startsWith('{')) return <JsonOutput body={body} />;
  const lines = body.split('\n').filter((l) => l.trim() !== '');
  return (
    <div className="tools-stack">
      <pre className="terminal tools-term tools-diff">
        {lines.map((line, i) => {
          const sign = diffSign(line);
          return (
            <span key={i} className={`tools-diff__line tools-diff__line--${sign}`}>
              {sign === 'context' ? (
                line
              ) : (
                <>
                  <span className="tools-diff__sign">{line.slice(0, 1)}</span>
                  {line.slice(1)}
                </>
              )}
              {'\n'}
            </span>
          );
        })}
      </pre>
      <p className="tools-legend" aria-hidden="true">
        <span className="tools-diff__sign tools-diff__line--add">+</span> added <span className="tools-diff__sign tools-diff__line--remove">-</span> removed{' '}
        <span className="tools-diff__sign tools-diff__line--change">~</span> changed
      </p>
    </div>
  );
}
