import type { ReactNode } from 'react';

/** Renders briefing prose, showing `backticked` names as code, as scenario authors write them. */
export function withInlineCode(text: string): ReactNode[] {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

/** How far away the deadline is, in words: "in 31 min", "in 1 h 05 min", or "now" once past. */
export function timeUntil(seconds: number): string {
  if (seconds <= 0) return 'now';
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `in ${minutes} min`;
  return `in ${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
