import type { Command, LogEntry, PhaseName, Scenario } from '../../scenarios/schema';
import { commandLabel } from '../debrief/command-label';
import type { SimState } from '../state';

/** How far from the model's time a step still counts as on par, in sim seconds. */
export const onParToleranceS = 120;

/** Where the room stands on one walkthrough step. */
export type StepStanding = 'ahead' | 'on-par' | 'behind' | 'skipped' | 'upcoming';

/** One step of the model walkthrough beside what the room did. */
export interface ProgressStep {
  index: number;
  phase: PhaseName;
  label: string;
  why: string;
  /** When the model takes it on this run: the room's first page plus the step's offset (null before the page). */
  modelAt: number | null;
  /** When the room did it (the log entry that matched), or null. */
  roomAt: number | null;
  /** The log entry (its seq) that matched. */
  seq: number | null;
  standing: StepStanding;
}

/** The room against the walkthrough: each step, and the room overall (from its latest matched step). */
export interface WalkthroughProgress {
  steps: ProgressStep[];
  overall: 'not-started' | 'ahead' | 'on-par' | 'behind';
}

// A typed line compared without its spacing; a pipeline is compared by its first command (the greps after it vary).
function normalLine(line: string): string {
  return line.trim().replace(/\s+/g, ' ');
}
function firstSegment(line: string): string {
  return normalLine(line.split('|')[0] ?? line);
}

/** Whether a room's log entry does what a walkthrough step does (for steps judged by what they are, not their wording). */
function matches(step: Command, entry: Command, state: SimState, seq: number): boolean {
  if (step.type !== entry.type) return false;
  switch (step.type) {
    case 'terminal.run':
      return entry.type === 'terminal.run' && (normalLine(entry.line) === normalLine(step.line) || firstSegment(entry.line) === firstSegment(step.line));
    case 'sql.run':
      return entry.type === 'sql.run' && normalLine(entry.query).toLowerCase() === normalLine(step.query).toLowerCase();
    case 'action.start':
      return entry.type === 'action.start' && entry.action === step.action;
    case 'incident.declare-cause':
      // Declaring some cause is not the step: only the right one is.
      return state.causeDeclarations.some((d) => d.correct && d.at === state.log[seq]?.at);
    case 'facilitator.inject':
      return entry.type === 'facilitator.inject' && entry.inject === step.inject;
    default:
      // Acknowledging any page, setting a severity, posting an update, resolving: the kind of step is what counts.
      return true;
  }
}

function standingOf(modelAt: number | null, roomAt: number | null, now: number, laterDone: boolean): StepStanding {
  if (roomAt !== null && modelAt !== null) {
    const delta = roomAt - modelAt;
    if (delta < -onParToleranceS) return 'ahead';
    return delta > onParToleranceS ? 'behind' : 'on-par';
  }
  if (roomAt !== null) return 'ahead';
  // Not done yet: only once the model would have done it (past the tolerance) is it late, and it
  // was skipped if the room has moved on to later steps. Before the page nothing is due.
  if (modelAt === null || now <= modelAt + onParToleranceS) return 'upcoming';
  return laterDone ? 'skipped' : 'behind';
}

/**
 * The model walkthrough as a timeline beside the room's log: each step matched, in order, to the
 * first unused log entry that does the same thing, and whether the room is ahead of the model, on
 * par (within two minutes), behind or skipped it. The model keeps pace with the page, so its
 * times count from the room's own first page. For the facilitator only: it names every step.
 */
export function walkthroughProgress(s: Scenario, state: SimState): WalkthroughProgress {
  const pagedAt = state.milestones.detected;
  const log: readonly LogEntry[] = state.log;
  const used = new Set<number>();
  const found = s.walkthrough.map((step) => {
    const seq = log.findIndex((e, i) => !used.has(i) && e.command.type !== 'session.start' && matches(step.command, e.command, state, i));
    if (seq >= 0) used.add(seq);
    return seq >= 0 ? seq : null;
  });
  const steps = s.walkthrough.map((step, index): ProgressStep => {
    const seq = found[index] ?? null;
    const modelAt = pagedAt === null ? null : pagedAt + step.atS;
    const roomAt = seq === null ? null : (log[seq]?.at ?? null);
    const laterDone = found.slice(index + 1).some((x) => x !== null);
    return { index, phase: step.phase, label: commandLabel(s, step.command), why: step.why, modelAt, roomAt, seq, standing: standingOf(modelAt, roomAt, state.t, laterDone) };
  });
  const last = [...steps].reverse().find((x) => x.roomAt !== null);
  const overdue = steps.some((x) => x.standing === 'behind' && x.roomAt === null);
  const overall = !last ? (overdue ? 'behind' : 'not-started') : overdue || last.standing === 'behind' ? 'behind' : last.standing === 'ahead' ? 'ahead' : 'on-par';
  return { steps, overall };
}
