import type { PhaseName, Scenario } from '../../scenarios/schema';
import type { PhaseOrStage } from '../flow/phase';

/** A question an interviewer may ask, for one phase of the incident. */
export interface Probe {
  phase: PhaseName;
  text: string;
  source: 'shared' | 'scenario';
}

/**
 * The shared bank, by phase: what interviewers for data roles probe for (clear requirements,
 * real data problems such as duplicates, late data and backfills, measurable impact,
 * operational maturity). Neutral on purpose: none of them names a cause.
 */
export const sharedProbes: Record<PhaseName, readonly string[]> = {
  detect: [
    'What would you check first, and why that before anything else?',
    'Who is affected right now, and how would you measure it?',
    'Is this page the problem or a symptom of something upstream?',
  ],
  triage: [
    'What would you check next, and why?',
    'What does this lag tell you, and what would it look like if you were wrong?',
    'Which hypotheses are still open, and which check would rule one out fastest?',
    'What severity is this, and what would change it?',
  ],
  mitigate: [
    'What could this step break, and how would you undo it?',
    'How do you know nothing was lost?',
    'Could this step write duplicates? How would you find out?',
    'Is there a smaller step that stops the impact first?',
  ],
  verify: [
    'How do you know the data is complete, not only fresh?',
    'What would you compare against the source, and at what grain?',
    'What late or replayed data could still arrive, and where would it land?',
  ],
  prevent: [
    'What would have paged you earlier?',
    'Which follow-up stops this class of incident, not only this one?',
    'What would you put in the postmortem timeline, and what would you leave out?',
  ],
};

/** The probes for where the incident stands: the scenario's own first, then the shared bank. */
export function probesFor(phase: PhaseOrStage, scenarioProbes: Scenario['probes']): Probe[] {
  const at: PhaseName = phase === 'briefing' ? 'detect' : phase === 'debrief' ? 'prevent' : phase;
  return [
    ...scenarioProbes.filter((p) => p.phase === at).map((p): Probe => ({ phase: at, text: p.text, source: 'scenario' })),
    ...sharedProbes[at].map((text): Probe => ({ phase: at, text, source: 'shared' })),
  ];
}
