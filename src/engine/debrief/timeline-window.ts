import type { MilestoneName, Scenario } from '../../scenarios/schema';

/** The span of sim time the debrief's timeline charts and scrubber cover. */
export interface TimelineWindow {
  /** Left edge of the charts. */
  from: number;
  /** Right edge of the charts. */
  to: number;
  /** The scrubber's range: the console can only be replayed from when the player took it. */
  scrubFrom: number;
  scrubTo: number;
  /** When the impact began, if that is left of the window (the charts then say so at their left edge). */
  impactBefore: { at: number; beforePageS: number } | null;
}

/** How much of the time before the first page the timeline shows, at most. */
export const leadBeforePageS = 3600;
/** Margin left of the first moment shown, so its line is not drawn on the axis. */
const marginS = 5 * 60;

type Milestones = Record<MilestoneName, number | null>;

/**
 * The timeline's window: from the later of impact start and an hour before the first page (so
 * an incident whose impact began hours before anyone was paged does not squeeze every action
 * into the last few pixels), or from when the player took the console if that is earlier, with
 * a five-minute margin; to the end of the session or the model's resolution, whichever is later.
 * The scrubber runs from the player's start (or the window's, if later) to the session's end.
 */
export function timelineWindow(s: Scenario, player: Milestones, model: Milestones, endedAt: number): TimelineWindow {
  const start = s.clock.playerStartS;
  const impact = player.impactStart ?? model.impactStart ?? start;
  const page = player.detected ?? model.detected;
  const shownFrom = page === null ? impact : Math.max(impact, page - leadBeforePageS);
  const from = Math.min(shownFrom, start) - marginS;
  const to = Math.max(endedAt, model.resolved ?? endedAt);
  return {
    from,
    to,
    scrubFrom: Math.max(start, from),
    scrubTo: endedAt,
    impactBefore: impact < from && page !== null ? { at: impact, beforePageS: page - impact } : null,
  };
}
