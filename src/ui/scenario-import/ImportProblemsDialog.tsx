import { useId } from 'react';
import { ModalDialog } from './ModalDialog';
import type { RefusedFile } from './use-scenario-import';

/** Lists every problem of every refused file as `path: problem`, in a dialog the player dismisses. */
export function ImportProblemsDialog({ refused, onClose }: { refused: readonly RefusedFile[]; onClose: () => void }) {
  const id = useId();
  const total = refused.reduce((n, r) => n + r.problems.length, 0);
  const title = refused.length === 1 ? `${refused[0]?.fileName ?? 'The file'} was not imported` : `${refused.length} files were not imported`;
  return (
    <ModalDialog labelledBy={`${id}-title`} describedBy={`${id}-lead`} className="import-problems" onClose={onClose}>
      <div className="import-problems__head">
        <span className="import-problems__mark" aria-hidden="true">
          !
        </span>
        <div>
          <h2 id={`${id}-title`} className="import-problems__title">
            {title}
          </h2>
          <p id={`${id}-lead`} className="import-problems__lead">
            {total === 1 ? 'It has 1 problem.' : `${refused.length === 1 ? 'It has' : 'They have'} ${total} problems.`} Nothing in your catalogue changed. Fix the file and import it again.
          </p>
        </div>
      </div>
      <div className="import-problems__body" tabIndex={0} role="region" aria-label="Problems found">
        {refused.map((r) => (
          <section key={r.fileName} className="import-problems__file" aria-label={`Problems in ${r.fileName}`}>
            {refused.length > 1 && <h3 className="import-problems__file-name">{r.fileName}</h3>}
            <ul className="import-problems__list">
              {r.problems.map((p, i) => (
                <li key={i} className="import-problems__item">
                  <code className="import-problems__path">{p.path || '(top level)'}</code>
                  <span className="visually-hidden">: </span>
                  <span className="import-problems__message">{p.message}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <div className="import-problems__footer">
        <button type="button" className="btn btn--primary" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
