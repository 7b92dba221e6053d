import type { MilestoneName, Scenario } from '../../scenarios/schema';
import { playModel } from '../bots/model-bot';
import type { SimState } from '../state';

/** One milestone as the scoreboard shows it: when the room reached it, and when the model would have. */
export interface ScoreboardMilestone {
  milestone: Exclude<MilestoneName, 'impactStart'>;
  label: string;
  at: number | null;
  /** The model's time, counted from this room's first page (null before the page, or when the model never reaches it). */
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

// The model's milestones after its first page, per prepared scenario and seed: the model is replayed once.
const modelOffsets = new WeakMap<Scenario, Map<number, Partial<Record<MilestoneName, number>>>>();

function offsetsFor(s: Scenario, seed: number): Partial<Record<MilestoneName, number>> {
  let bySeed = modelOffsets.get(s);
  if (!bySeed) modelOffsets.set(s, (bySeed = new Map()));
  const held = bySeed.get(seed);
  if (held) return held;
  const m = playModel(s, seed).state.milestones;
  const offsets: Partial<Record<MilestoneName, number>> = {};
  if (m.detected !== null) for (const [k, v] of Object.entries(m)) if (v !== null) offsets[k as MilestoneName] = v - m.detected;
  bySeed.set(seed, offsets);
  return offsets;
}

/** The room's scoreboard now. */
export function scoreboard(s: Scenario, state: SimState): Scoreboard {
  const pagedAt = state.milestones.detected;
  const offsets = offsetsFor(s, state.seed);
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
