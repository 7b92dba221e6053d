/** A quiet tile under the cards: the catalogue takes scenario files written from the player's own postmortems. */
export function ImportHint() {
  return (
    <div className="import-hint">
      <svg className="import-hint__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8zM14 3v5h5M12 17v-6m-3 3 3-3 3 3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <p className="import-hint__text">
        <strong>Bring your own incident.</strong> Drop a scenario file (YAML or JSON) anywhere on this page, or use <em>Import a scenario</em> at the top. It is checked in
        your browser with the same rules as the built-in ones and kept here for next time.
      </p>
    </div>
  );
}
