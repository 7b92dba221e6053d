import type { ReactNode } from 'react';

/** One rule's verdict in the debrief: a mark, the words "Passed" or "Failed" for screen readers, and why. */
export function Check({ ok, why, label }: { ok: boolean; why: string; label?: ReactNode }) {
  return (
    <li className={`result-checks__item result-checks__item--${ok ? 'ok' : 'bad'}`}>
      <span className="result-checks__mark" aria-hidden="true">
        {ok ? '✓' : '✗'}
      </span>
      <span className="visually-hidden">{ok ? 'Passed: ' : 'Failed: '}</span>
      {label && <strong>{label}: </strong>}
      {why}
    </li>
  );
}
