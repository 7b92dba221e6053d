import type { AttemptRecord } from '../../history/attempt-record';

/** The badge tone of a grade, as the debrief shows it (the letter is always printed too). */
export const gradeTone: Record<AttemptRecord['score']['grade'], 'ok' | 'warn' | 'danger'> = { A: 'ok', B: 'ok', C: 'warn', D: 'danger', F: 'danger' };
