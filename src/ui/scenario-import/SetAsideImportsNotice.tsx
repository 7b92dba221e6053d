import type { SetAsideImport } from './imported-scenario-db';
import { useImportedScenarios } from './imported-scenarios-store';

function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Says which imported scenarios no longer validate and why; they are kept (and downloadable) until discarded. */
export function SetAsideImportsNotice({ records, onDiscard, discarding }: { records: readonly SetAsideImport[]; onDiscard: () => void; discarding: boolean }) {
  const n = records.length;
  const summary = n === 1 ? '1 imported scenario no longer validates and was set aside:' : `${n} imported scenarios no longer validate and were set aside:`;
  const download = async (r: SetAsideImport) => {
    const text = await useImportedScenarios.getState().setAsideText(r.key);
    if (text !== null) downloadText(text, r.fileName ?? `${r.key}.yaml`);
  };
  return (
    <div className="notice import-set-aside" role="status">
      <p className="import-set-aside__summary">{summary}</p>
      <ul className="import-set-aside__list">
        {records.map((r) => (
          <li key={r.key} className="import-set-aside__item">
            <span>
              <code>{r.fileName ?? r.key}</code>: {r.reason}.
            </span>
            <button type="button" className="btn btn--small" aria-label={`Download ${r.fileName ?? r.key}`} onClick={() => void download(r)}>
              Download the file
            </button>
          </li>
        ))}
      </ul>
      <div className="import-set-aside__footer">
        <p>They are kept apart in this browser, not deleted. Fix a file and import it again to play it.</p>
        <button type="button" className="btn btn--small" onClick={onDiscard} disabled={discarding}>
          Discard {n === 1 ? 'it' : 'them'}
        </button>
      </div>
    </div>
  );
}
