import { useId, type ChangeEvent } from 'react';
import type { ImportFile } from './imported-scenarios-store';

/** The file types the picker offers: scenario files are YAML or JSON. */
export const scenarioFileAccept = '.yaml,.yml,.json,application/json,application/yaml,text/yaml';

/** "Import a scenario": a file picker for one or more scenario files; checking happens in the caller. */
export function ImportScenarioControl({ onFiles, busy }: { onFiles: (files: ImportFile[]) => void; busy: boolean }) {
  const id = useId();
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const files = input.files ? [...input.files] : [];
    // Choosing the same file again (after fixing it) must import it again.
    input.value = '';
    if (files.length > 0) onFiles(files);
  };
  return (
    <div className="scenario-import">
      <label htmlFor={id} className="scenario-import__label btn btn--ghost" aria-disabled={busy || undefined}>
        <svg className="scenario-import__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M8 1.5v8.25M4.75 6.5 8 9.75l3.25-3.25M2.5 11v2.25c0 .69.56 1.25 1.25 1.25h8.5c.69 0 1.25-.56 1.25-1.25V11" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Import a scenario
      </label>
      <input id={id} type="file" accept={scenarioFileAccept} multiple className="scenario-import__input" disabled={busy} onChange={onChange} />
    </div>
  );
}
