import { markdownTable } from '../debrief/markdown';
import type { RubricCriterion, RubricScore } from './rubric';

/** One marker's score on a criterion (null: not scored). */
interface ScoredMark {
  criterion: string;
  score: RubricScore | null;
}

/** One criterion scored by both interviewers. */
export interface CalibrationRow {
  criterion: string;
  title: string;
  first: RubricScore | null;
  second: RubricScore | null;
  /** Second minus first; null when either left it unscored. */
  gap: number | null;
  /** Whether the two disagree: different scores, or one scored it and the other did not. */
  differs: boolean;
}

/** Two interviewers' rubrics side by side, and how far they agree. */
export interface Calibration {
  rows: CalibrationRow[];
  /** Criteria both scored. */
  bothScored: number;
  /** Of those, how many got the same score, and how many were at most one apart. */
  exact: number;
  withinOne: number;
  /** The mean of |gap| over the criteria both scored; null when there are none. */
  meanAbsGap: number | null;
}

/**
 * Compares a second interviewer's independent marks with the first's, criterion by criterion, in
 * the rubric's order. Pure: the report and the review screen show the same numbers.
 */
export function calibrate(criteria: readonly RubricCriterion[], first: readonly ScoredMark[], second: readonly ScoredMark[]): Calibration {
  const a = new Map(first.map((m) => [m.criterion, m.score]));
  const b = new Map(second.map((m) => [m.criterion, m.score]));
  const rows = criteria.map((c): CalibrationRow => {
    const x = a.get(c.id) ?? null;
    const y = b.get(c.id) ?? null;
    const gap = x === null || y === null ? null : y - x;
    return { criterion: c.id, title: c.title, first: x, second: y, gap, differs: x !== y };
  });
  const both = rows.filter((r) => r.gap !== null).map((r) => Math.abs(r.gap as number));
  return {
    rows,
    bothScored: both.length,
    exact: both.filter((g) => g === 0).length,
    withinOne: both.filter((g) => g <= 1).length,
    meanAbsGap: both.length === 0 ? null : both.reduce((s, g) => s + g, 0) / both.length,
  };
}

const shown = (s: RubricScore | null) => (s === null ? '—' : String(s));

/** The calibration as a report section: both scores per criterion, the gap, and where they differ. */
export function calibrationMarkdown(c: Calibration, names: { first: string; second: string }): string[] {
  const summary =
    c.bothScored === 0
      ? 'No criterion was scored by both interviewers.'
      : `Both scored ${c.bothScored} of ${c.rows.length} criteria: ${c.exact} the same, ${c.withinOne} within one point, mean gap ${(c.meanAbsGap ?? 0).toFixed(1)}.`;
  const differ = c.rows.filter((r) => r.differs);
  return [
    '## Calibration',
    `${names.second} scored the replay without seeing ${names.first}'s marks. ${summary}`,
    markdownTable(
      ['Criterion', names.first, names.second, 'Gap', 'Agree?'],
      c.rows.map((r) => [r.title, shown(r.first), shown(r.second), r.gap === null ? '—' : `${r.gap > 0 ? '+' : r.gap < 0 ? '−' : ''}${Math.abs(r.gap)}`, r.differs ? '**differs**' : r.first === null ? 'neither scored' : 'same']),
    ),
    differ.length === 0 ? 'They agree on every criterion.' : `Talk these through: ${differ.map((r) => r.title).join('; ')}.`,
  ];
}
