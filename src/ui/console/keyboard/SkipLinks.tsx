import './skip-links.css';

/** A part of the console a skip link reaches. */
export type SkipTarget = 'pager' | 'actions' | 'dashboards' | 'tools' | 'chat';

const targets: { id: SkipTarget; label: string }[] = [
  { id: 'pager', label: 'the pager' },
  { id: 'actions', label: 'the actions' },
  { id: 'dashboards', label: 'the dashboards' },
  { id: 'tools', label: 'the tools' },
  { id: 'chat', label: 'the chat' },
];

/**
 * Links that skip the top bar to each main part of the console, hidden until the keyboard
 * reaches them. Buttons, not fragment links: the URL's fragment names the screen.
 */
export function SkipLinks({ onSkip }: { onSkip: (target: SkipTarget) => void }) {
  return (
    <nav className="skip-links" aria-label="Skip links">
      {targets.map((t) => (
        <button key={t.id} type="button" className="btn btn--small skip-links__link" onClick={() => onSkip(t.id)}>
          Skip to {t.label}
        </button>
      ))}
    </nav>
  );
}
