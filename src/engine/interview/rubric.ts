import type { Scenario } from '../../scenarios/schema';

/** A score on a rubric criterion, from 1 (weak) to 4 (strong). */
export type RubricScore = 1 | 2 | 3 | 4;

/** One rubric criterion with what each score looks like. */
export interface RubricCriterion {
  /** `shared:<name>` for the shared criteria, `scenario:<n>` for the scenario's own. */
  id: string;
  title: string;
  /** What a score of 1, 2, 3 and 4 looks like, in that order. */
  anchors: [string, string, string, string];
  source: 'shared' | 'scenario';
}

/**
 * The criteria every incident round is scored on, from what interviewers and incident reviews
 * of data platforms look for. Each anchor describes what was seen, so two interviewers score alike.
 */
export const sharedCriteria: readonly RubricCriterion[] = [
  {
    id: 'shared:detect-and-scope',
    title: 'Detect and scope',
    anchors: [
      'Reacts only when told; cannot say what is affected.',
      'Notices the page but scopes by guessing (one table, one dashboard) without checking.',
      'Checks freshness or lag and names the affected tables and consumers.',
      'Measures the impact (since when, which data, who is hurt) before acting, and keeps it up to date.',
    ],
    source: 'shared',
  },
  {
    id: 'shared:acknowledge-and-severity',
    title: 'Acknowledge and set severity',
    anchors: [
      'Leaves the page unacknowledged or never sets a severity.',
      'Acknowledges late, or sets a severity with no reason given.',
      'Acknowledges promptly and sets a severity that fits the impact.',
      'Acknowledges at once, sets the severity from impact and deadline, and revisits it when the picture changes.',
    ],
    source: 'shared',
  },
  {
    id: 'shared:diagnose-from-hypotheses',
    title: 'Diagnose from hypotheses',
    anchors: [
      'Changes things at random hoping something helps.',
      'Follows one idea and does not test it against the evidence.',
      'States hypotheses and checks them with the tools before declaring a cause.',
      'Ranks hypotheses, rules them out with targeted checks, and backs the cause with the lines that prove it.',
    ],
    source: 'shared',
  },
  {
    id: 'shared:mitigate-reversibly',
    title: 'Mitigate reversibly without losing data',
    anchors: [
      'Loses or duplicates data (resets past the backlog, replays into an append sink).',
      'Stops the impact but with a step that cannot be undone or risks data.',
      'Stops the impact with a reversible step and keeps every record.',
      'Chooses the least risky reversible step, says what it could break, and protects the data (DLQ, overwrite, idempotent replay).',
    ],
    source: 'shared',
  },
  {
    id: 'shared:verify',
    title: 'Verify',
    anchors: [
      'Declares it fixed without looking.',
      'Looks at one signal (the dashboard loads) and calls it done.',
      'Checks the data itself (counts, distinct keys, freshness) before resolving.',
      'Verifies completeness and correctness against the source, by hour, and watches it hold before resolving.',
    ],
    source: 'shared',
  },
  {
    id: 'shared:communicate',
    title: 'Communicate',
    anchors: [
      'Says nothing to stakeholders, or says something wrong.',
      'Posts late or vague updates with no impact or next time.',
      'Posts updates on a cadence with impact, status and the next update time.',
      'Keeps stakeholders ahead of their questions: impact in their terms, an ETA that holds, and a clear all-clear.',
    ],
    source: 'shared',
  },
  {
    id: 'shared:prevent',
    title: 'Prevent',
    anchors: [
      'Proposes nothing, or only "be more careful".',
      'Proposes generic fixes (more tests, bigger machines) unrelated to this cause.',
      'Proposes follow-ups that address this cause.',
      'Proposes follow-ups that stop this class of incident and catch it earlier, with owners and priorities.',
    ],
    source: 'shared',
  },
];

/** The scenario's own criteria, scored on the same four steps between its weak and strong descriptions. */
export function scenarioCriteria(rubric: Scenario['rubric']): RubricCriterion[] {
  return rubric.map((r, i) => ({
    id: `scenario:${i}`,
    title: r.criterion,
    anchors: [r.weak, `Closer to weak than strong: ${r.weak.charAt(0).toLowerCase()}${r.weak.slice(1)}`, `Closer to strong than weak: ${r.strong.charAt(0).toLowerCase()}${r.strong.slice(1)}`, r.strong],
    source: 'scenario',
  }));
}

/** Every criterion a round is scored on: the shared ones, then the scenario's own. */
export function rubricCriteria(rubric: Scenario['rubric']): RubricCriterion[] {
  return [...sharedCriteria, ...scenarioCriteria(rubric)];
}
