import type { ReactNode } from 'react';

/** The details under a debrief section's digest: folded on screen, opened for print. */
export function Fold({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="debrief-disclosure">
      <summary className="debrief-disclosure__summary">{summary}</summary>
      {children}
    </details>
  );
}
