import type { ReactNode } from 'react';
import './table-scroll.css';

/**
 * A box that scrolls a table sideways when the screen is narrower than the table, instead of
 * the page. Focusable, so a keyboard can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
