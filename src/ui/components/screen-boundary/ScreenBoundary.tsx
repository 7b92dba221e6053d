import { Component, type ReactNode } from 'react';
import './screen-boundary.css';

interface State {
  error: Error | null;
}

/**
 * The last line of defence: a screen that throws (its code failed to download, a bug) shows what
 * happened and a way on, instead of a blank page. The solo session is saved after every change,
 * so reloading resumes it; a room's seat is kept by the server.
 */
export class ScreenBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="screen-boundary" aria-labelledby="screen-boundary-title">
        <h1 id="screen-boundary-title">This screen could not open</h1>
        <p>{error.message}</p>
        <p>Your incident in progress is saved in this browser: reloading picks it up where it was.</p>
        <div className="screen-boundary__actions">
          <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
            Reload
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              window.location.hash = '#/';
              window.location.reload();
            }}
          >
            Back to the catalogue
          </button>
        </div>
      </main>
    );
  }
}
