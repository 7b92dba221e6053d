import type { CommandType, MilestoneName, Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';

/** One milestone as the scoreboard shows it: when the room reached it, and when the model would have. */
export interface ScoreboardMilestone {
  milestone: Exclude<MilestoneName, 'impactStart'>;
  label: string;
  at: number | null;
  /** The model's time, counted from this room's first page (null before the page, or when its walkthrough has no such step). */
  parAt: number | null;
  /** `missed`: the session ended without it; `not-reached`: nothing says when it is due yet (before the page). */
  standing: 'done-on-par' | 'done-late' | 'due' | 'overdue' | 'missed' | 'not-reached';
}

/** The live scoreboard of a room: milestones against par, the data lost so far, and the update cadence. Host only. */
export interface Scoreboard {
  milestones: ScoreboardMilestone[];
  recordsLost: number;
  duplicates: number;
  updates: { count: number; lastAt: number | null; cadenceS: number; nextDueAt: number | null; overdue: boolean };
}

const labels: Record<ScoreboardMilestone['milestone'], string> = {
  detected: 'Paged',
  acknowledged: 'Acknowledged',
  diagnosed: 'Right cause declared',
  mitigated: 'Impact stopped',
  resolved: 'Resolved, data complete',
};

/** Grace before a milestone counts as late against par, in sim seconds. */
const graceS = 120;

// The walkthrough step that reaches each milestone when the model plays it (the page itself is the model's start).
const stepFor: Record<'acknowledged' | 'diagnosed' | 'resolved', CommandType> = {
  acknowledged: 'alert.acknowledge',
  diagnosed: 'incident.declare-cause',
  resolved: 'incident.resolve',
};

/**
 * The model's milestones as offsets from its first page, read from the walkthrough's own step
 * times (the model keeps pace with the page), so the live scoreboard never replays the model.
 * The world decides when the impact stops; the model has stopped it by its first verify step.
 */
function offsetsFor(s: Scenario): Partial<Record<ScoreboardMilestone['milestone'], number>> {
  const offsets: Partial<Record<ScoreboardMilestone['milestone'], number>> = { detected: 0 };
  for (const [milestone, type] of Object.entries(stepFor) as [keyof typeof stepFor, CommandType][]) {
    const step = s.walkthrough.find((w) => w.command.type === type);
    if (step) offsets[milestone] = step.atS;
  }
  const verify = s.walkthrough.find((w) => w.phase === 'verify');
  if (verify) offsets.mitigated = verify.atS;
  return offsets;
}

/** The room's scoreboard now. */
export function scoreboard(s: Scenario, state: SimState): Scoreboard {
  const pagedAt = state.milestones.detected;
  const offsets = offsetsFor(s);
  const milestones = (Object.keys(labels) as ScoreboardMilestone['milestone'][]).map((milestone): ScoreboardMilestone => {
    const at = state.milestones[milestone];
    const offset = offsets[milestone];
    const parAt = pagedAt === null || offset === undefined ? null : pagedAt + offset;
    const standing = at !== null ? (parAt === null || at <= parAt + graceS ? 'done-on-par' : 'done-late') : state.ended ? 'missed' : parAt === null ? 'not-reached' : state.t > parAt + graceS ? 'overdue' : 'due';
    return { milestone, label: labels[milestone], at, parAt, standing };
  });
  const posts = state.messages.filter((m) => m.kind === 'status-update');
  const lastAt = posts.at(-1)?.at ?? null;
  const { firstUpdateWithinS, cadenceS } = s.communication;
  const ack = state.milestones.acknowledged;
  const nextDueAt = lastAt !== null ? lastAt + cadenceS : ack !== null ? ack + firstUpdateWithinS : null;
  const running = state.ended === null;
  return {
    milestones,
    recordsLost: state.metrics['records.lost'] ?? 0,
    duplicates: state.metrics['records.duplicates'] ?? 0,
    updates: { count: posts.length, lastAt, cadenceS, nextDueAt, overdue: running && nextDueAt !== null && state.t > nextDueAt },
  };
}
