import type { MilestoneName } from '../../scenarios/schema';

/** The incident's headline durations, in sim seconds; null when a milestone was never reached. */
export interface IncidentTimes {
  mttdS: number | null;
  mttaS: number | null;
  timeToDiagnoseS: number | null;
  mttmS: number | null;
  mttrS: number | null;
}

/** How each duration is defined, for labels and exports. */
export const timeDefinitions: Record<keyof IncidentTimes, string> = {
  mttdS: 'MTTD: impact start → first page',
  mttaS: 'MTTA: first page → acknowledged by a person',
  timeToDiagnoseS: 'Time to diagnose: first page → correct root cause declared',
  mttmS: 'MTTM: impact start → impact stopped (dashboards fresh again)',
  mttrS: 'MTTR: impact start → resolved (declared, every data check passing)',
};

/** Computes the durations from the milestones. */
export function incidentTimes(m: Record<MilestoneName, number | null>): IncidentTimes {
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return {
    mttdS: diff(m.detected, m.impactStart),
    mttaS: diff(m.acknowledged, m.detected),
    timeToDiagnoseS: diff(m.diagnosed, m.detected),
    mttmS: diff(m.mitigated, m.impactStart),
    mttrS: diff(m.resolved, m.impactStart),
  };
}
