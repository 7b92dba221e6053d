import { usePreferences } from '../../store/preferences-store';

/** Switches between the dark (default) and light themes; the choice is remembered. */
export function ThemeToggle() {
  const theme = usePreferences((p) => p.theme);
  const setTheme = usePreferences((p) => p.setTheme);
  const light = theme === 'light';
  return (
    <button type="button" className="btn btn--ghost theme-toggle" aria-pressed={light} onClick={() => setTheme(light ? 'dark' : 'light')}>
      <svg className="theme-toggle__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        {light ? (
          <g fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
            <circle cx="8" cy="8" r="3" />
            <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
          </g>
        ) : (
          <path fill="currentColor" d="M6.2 1.6a6.5 6.5 0 1 0 8.2 8.2A5.5 5.5 0 0 1 6.2 1.6z" />
        )}
      </svg>
      <span className="theme-toggle__label">Light theme</span>
    </button>
  );
}
