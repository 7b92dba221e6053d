import type { Command, PhaseName, Scenario } from '../../scenarios/schema';
import { penalties, type ScorePart, type ScoreReport } from '../scoring/score-run';
import type { SimState } from '../state';
import { relativeTime } from '../wall-clock';
import { commandLabel, sameCommand } from './command-label';

/** One step of the model walkthrough, told with the time the model took it on this seed. */
export interface WalkthroughLine {
  index: number;
  phase: PhaseName;
  /** Absolute sim time the model issued it on this seed. */
  at: number;
  label: string;
  why: string;
  command: Command;
}

/** A key step of the model walkthrough, and whether, when and at what cost the player did it. */
export interface KeyStep {
  index: number;
  phase: PhaseName;
  label: string;
  why: string;
  modelAt: number;
  /** When the player did it (first accepted matching command), or null if they never did. */
  playerAt: number | null;
  /** How much later than the model the player was; negative when earlier. */
  delayS: number | null;
  /** What not doing it cost, in words and points (scoreRun's rules); null when it was done. */
  cost: string | null;
}


/**
 * The walkthrough with absolute times: the model's own log when it issued the step (the model
 * bot logs `session.start` and then one entry per step), otherwise the page time plus `atS`.
 */
export function walkthroughLines(s: Scenario, modelLog: readonly { at: number; command: Command }[], pagedAt: number): WalkthroughLine[] {
  const steps = modelLog.slice(1);
  return s.walkthrough.map((step, index) => {
    const entry = steps[index];
    const at = entry && sameCommand(entry.command, step.command) ? entry.at : pagedAt + step.atS;
    return { index, phase: step.phase, at, label: commandLabel(s, step.command), why: step.why, command: step.command };
  });
}

/** Whether a walkthrough command is a key step: a key action, or one of the incident's structural steps. */
function isKey(s: Scenario, c: Command): boolean {
  if (c.type === 'action.start') return s.actions.find((a) => a.id === c.action)?.verdict.kind === 'key';
  return c.type === 'alert.acknowledge' || c.type === 'incident.declare-cause' || c.type === 'incident.resolve' || c.type === 'postmortem.submit';
}

/** Compares the player's run with each key step of the walkthrough. */
export function keySteps(s: Scenario, state: SimState, report: ScoreReport, lines: readonly WalkthroughLine[]): KeyStep[] {
  return lines
    .filter((line) => isKey(s, line.command))
    .map((line) => {
      const playerAt = playerTime(state, line.command);
      return {
        index: line.index,
        phase: line.phase,
        label: line.label,
        why: line.why,
        modelAt: line.at,
        playerAt,
        delayS: playerAt === null ? null : playerAt - line.at,
        cost: playerAt === null ? missingCost(s, state, report, line.command) : null,
      };
    });
}

function playerTime(state: SimState, c: Command): number | null {
  switch (c.type) {
    case 'action.start':
      // Scoring counts a key action only once it has completed.
      return state.decisions.find((d) => d.action === c.action && d.completedAt !== null)?.startedAt ?? null;
    case 'alert.acknowledge':
      // Any page counts as the acknowledgement, as it does for MTTA.
      return state.milestones.acknowledged;
    case 'incident.declare-cause':
      return state.causeDeclarations.find((d) => d.correct)?.at ?? null;
    case 'incident.resolve':
      return state.milestones.resolved;
    case 'postmortem.submit':
      return state.postmortem?.at ?? null;
    default:
      return null;
  }
}

function partMax(report: ScoreReport, id: ScorePart['id']): number {
  return report.parts.find((p) => p.id === id)?.max ?? 0;
}

function missingCost(s: Scenario, state: SimState, report: ScoreReport, c: Command): string | null {
  switch (c.type) {
    case 'action.start': {
      const started = state.decisions.find((d) => d.action === c.action);
      const penalty = `−${penalties.missedKeyAction} decision points (each missed key step costs ${penalties.missedKeyAction} of the ${partMax(report, 'decisions')})`;
      return started ? `Started at ${relativeTime(started.startedAt)} but not finished before the session ended, so it counts as missed: ${penalty}.` : `Not done: ${penalty}.`;
    }
    case 'alert.acknowledge':
      return `The page was never acknowledged: the acknowledge part scores 0 of ${partMax(report, 'acknowledge')}, and since the first-update clock starts at the acknowledgement, the first-update points of communication are lost too.`;
    case 'incident.declare-cause': {
      const wrong = state.causeDeclarations.filter((d) => !d.correct).length;
      return `The correct cause was never declared: the diagnose part scores 0 of ${partMax(report, 'diagnose')}${wrong > 0 ? ` (${wrong} other cause(s) were declared instead)` : ''}.`;
    }
    case 'incident.resolve': {
      const failed = state.resolveAttempts.filter((a) => a.failures.length > 0);
      const first = failed[0]?.failures[0];
      return `Never resolved: the resolve part scores 0 of ${partMax(report, 'resolve')}${first ? `; ${failed.length} attempt(s) failed their checks (first: ${first})` : ''}.`;
    }
    case 'postmortem.submit':
      return `No postmortem was submitted: the prevention part scores 0 of ${partMax(report, 'prevention')} and the postmortem facts part 0 of ${partMax(report, 'postmortem')}.`;
    default:
      return null;
  }
}
