import { memo, useState } from 'react';
import type { TerminalEntry } from '../../../engine';
import { PinLines } from '../evidence/PinLines';

const levelOf = (text: string) => (/ ERROR |Exception|^Error|error:|ERROR:/.test(text) ? 'error' : / WARN /.test(text) ? 'warn' : null);

/** One command and what it printed; log lines keep their level colour, and the output can be copied. */
export const TerminalEntryView = memo(function TerminalEntryView({ entry, prompt, time }: { entry: TerminalEntry; prompt: string; time: string }) {
  const [copied, setCopied] = useState(false);
  const output = entry.output ?? '';
  const copy = () => {
    void navigator.clipboard?.writeText(output).then(() => {
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    });
  };
  return (
    <div className="term__entry">
      <p className="term__cmd">
        <span className="term__prompt" aria-hidden="true">
          {prompt}
        </span>{' '}
        <code>{entry.line}</code>
        <span className="term__time">
          <time>{time}</time>
          {entry.exit !== null && entry.exit !== 0 && <span className="term__exit"> exit {entry.exit}</span>}
        </span>
      </p>
      {entry.output !== null && output !== '' && (
        <div className="term__out-wrap">
          <pre className="term__out">
            {output
              .replace(/\n$/, '')
              .split('\n')
              .map((text, i) => {
                const level = levelOf(text);
                return (
                  <span key={i} className={level ? `term__line term__line--${level}` : 'term__line'}>
                    {text}
                    {'\n'}
                  </span>
                );
              })}
          </pre>
          <button type="button" className="term__copy" onClick={copy} aria-label={`Copy the output of ${entry.line}`}>
            {copied ? 'Copied' : 'Copy'}
          </button>
          <PinLines text={output} what={`“${entry.line}”`} />
        </div>
      )}
    </div>
  );
});
