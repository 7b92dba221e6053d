import type { ReactNode } from 'react';
import { ThemeToggle } from './ThemeToggle';
import './screen-header.css';

/** The banner on every non-console screen: the Firedrill brand, optional context, the theme toggle. */
export function ScreenHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="page__header screen-header">
      <span className="brand">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        Firedrill
      </span>
      <div className="screen-header__tools">
        {children}
        <ThemeToggle />
      </div>
    </header>
  );
}
