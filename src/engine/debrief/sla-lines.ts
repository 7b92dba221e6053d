import type { Scenario } from '../../scenarios/schema';
import type { IncidentTimes } from '../scoring/incident-times';
import type { SimState } from '../state';
import { formatDuration } from '../wall-clock';

/** A reference line on the milestone chart. */
export interface SlaLine {
  id: 'deadline' | 'first-update' | 'mitigation-par' | 'resolution-par';
  /** Absolute sim time, or null when what it is measured from never happened. */
  at: number | null;
  label: string;
  /** What the line is measured from, for the chart's legend. */
  basis: string;
}

/**
 * The reference lines the debrief draws behind the milestones:
 * - `deadline`: the briefing's deadline (the moment that matters, e.g. the leadership review);
 * - `first-update`: the communication target, counted from the player's acknowledgement (from
 *   the first page when they never acknowledged), as scoring counts it;
 * - `mitigation-par` and `resolution-par`: impact start plus the model's MTTM and MTTR on this
 *   seed (par), since the scenario states no separate restore target.
 */
export function slaLines(s: Scenario, state: SimState, par: IncidentTimes): SlaLine[] {
  const m = state.milestones;
  const updateFrom = m.acknowledged ?? m.detected;
  const plus = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
  return [
    { id: 'deadline', at: s.briefing.deadline.atS, label: s.briefing.deadline.label, basis: 'the briefing’s deadline' },
    {
      id: 'first-update',
      at: plus(updateFrom, s.communication.firstUpdateWithinS),
      label: `First status update due (${formatDuration(s.communication.firstUpdateWithinS)} after acknowledging)`,
      basis: m.acknowledged !== null ? 'the acknowledgement' : 'the first page (never acknowledged)',
    },
    { id: 'mitigation-par', at: plus(m.impactStart, par.mttmS), label: 'Model stopped the impact (par MTTM)', basis: 'impact start plus the model’s MTTM on this seed' },
    { id: 'resolution-par', at: plus(m.impactStart, par.mttrS), label: 'Model resolved (par MTTR)', basis: 'impact start plus the model’s MTTR on this seed' },
  ];
}
