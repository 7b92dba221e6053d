import { useId, useState } from 'react';

/** A value to hand on (a link, a code) with a button that copies it, and a polite confirmation. */
export function CopyField({ label, value, help, secret = false }: { label: string; value: string; help?: string; secret?: boolean }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // No clipboard permission (an insecure origin on the network): select it so Ctrl+C works.
      (document.getElementById(`${id}-value`) as HTMLInputElement | null)?.select();
      setCopied('no');
    }
  };
  return (
    <div className={secret ? 'copy-field copy-field--secret' : 'copy-field'}>
      <label className="field__label" htmlFor={`${id}-value`}>
        {label}
      </label>
      <div className="copy-field__row">
        <input id={`${id}-value`} className="copy-field__value mono" readOnly value={value} onFocus={(e) => e.target.select()} aria-describedby={help ? `${id}-help` : undefined} />
        <button type="button" className="btn" aria-label={`Copy the ${label.toLowerCase()}`} onClick={() => void copy()}>
          Copy
        </button>
      </div>
      {help && (
        <p id={`${id}-help`} className="copy-field__help">
          {help}
        </p>
      )}
      <span className="copy-field__status" role="status">
        {copied === 'yes' ? 'Copied.' : copied === 'no' ? 'Selected: press Ctrl+C (⌘C) to copy.' : ''}
      </span>
    </div>
  );
}
