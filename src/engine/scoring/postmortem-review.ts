import type { Scenario } from '../../scenarios/schema';
import { mechanisms } from '../../scenarios/schema/cause-taxonomy';
import type { SimState } from '../state';
import { dataOutcome } from './data-outcomes';

/** One checkable part of the postmortem: what was written, what the run says, and whether they agree. */
export interface PostmortemCheck {
  id: 'duration' | 'detection' | 'data' | 'cause' | 'owners' | 'contributing';
  label: string;
  ok: boolean;
  why: string;
}

/** The postmortem's checkable parts, judged against the run; free text is kept but never scored. */
export interface PostmortemReview {
  submitted: boolean;
  checks: PostmortemCheck[];
  passed: number;
}

/** How far a stated duration may be from the run's: this many minutes, or this share of it, whichever is larger. */
export const durationTolerance = { minutes: 5, share: 0.2 } as const;
/** How far a stated count may be from the run's: this share of it, or this many, whichever is larger. */
export const countTolerance = { share: 0.1, absolute: 100 } as const;

/** The run's facts a postmortem should state: impact minutes, detection minutes, data lost and duplicated. */
export interface RunFacts {
  durationMin: number | null;
  detectedAfterMin: number | null;
  lost: number | null;
  duplicated: number | null;
}

/** Measures the facts of a finished run that its postmortem's numbers are checked against. */
export function runFacts(s: Scenario, state: SimState): RunFacts {
  const m = state.milestones;
  const start = m.impactStart;
  const stopped = m.mitigated ?? state.ended?.at ?? state.t;
  const data = dataOutcome(s, state);
  return {
    durationMin: start === null ? null : Math.round((stopped - start) / 60),
    detectedAfterMin: start === null || m.detected === null ? null : Math.round((m.detected - start) / 60),
    lost: data.atRisk ? data.lost : null,
    duplicated: data.atRisk ? data.duplicates : null,
  };
}

const count = (n: number) => n.toLocaleString('en-US');

function minutesCheck(stated: number | undefined, actual: number): { ok: boolean; why: string } {
  if (stated === undefined) return { ok: false, why: `not stated (the run's: ${actual} min)` };
  const allowed = Math.max(durationTolerance.minutes, actual * durationTolerance.share);
  const off = Math.abs(stated - actual);
  return off <= allowed ? { ok: true, why: `stated ${stated} min, the run's ${actual} min: within ${Math.round(allowed)} min` } : { ok: false, why: `stated ${stated} min, the run's ${actual} min: off by ${Math.round(off)} min (allowed ${Math.round(allowed)})` };
}

function countCheck(stated: number | undefined, actual: number, what: string): { ok: boolean; why: string } {
  if (stated === undefined) return { ok: false, why: `${what} not stated (the run's: ${count(actual)})` };
  const allowed = Math.max(countTolerance.absolute, actual * countTolerance.share);
  return Math.abs(stated - actual) <= allowed ? { ok: true, why: `${what}: stated ${count(stated)}, the run's ${count(actual)}` } : { ok: false, why: `${what}: stated ${count(stated)}, the run's ${count(actual)} (allowed ±${count(Math.round(allowed))})` };
}

/**
 * Checks the postmortem's checkable parts against the run: the impact's duration, the detection
 * time and the data lost or duplicated within a stated tolerance, the root cause in the taxonomy,
 * an owner for every follow-up, and contributing factors. Prose is kept as written and scores
 * nothing, so "It broke and then we fixed it" earns no points here.
 */
export function reviewPostmortem(s: Scenario, state: SimState): PostmortemReview {
  const pm = state.postmortem;
  const facts = runFacts(s, state);
  const checks: PostmortemCheck[] = [];
  const impact = pm?.impact ?? {};
  // A check whose fact the run never produced (no page, say) is left out rather than handed out.
  if (facts.durationMin !== null) checks.push({ id: 'duration', label: 'Impact duration', ...minutesCheck(impact.durationMin, facts.durationMin) });
  if (facts.detectedAfterMin !== null) checks.push({ id: 'detection', label: 'Time to detect', ...minutesCheck(impact.detectedAfterMin, facts.detectedAfterMin) });
  if (facts.lost !== null && facts.duplicated !== null) {
    const lost = countCheck(impact.lost, facts.lost, 'lost');
    const dup = countCheck(impact.duplicated, facts.duplicated, 'duplicated');
    checks.push({ id: 'data', label: 'Data lost and duplicated', ok: lost.ok && dup.ok, why: `${lost.why}; ${dup.why}` });
  }
  const rc = s.rootCause;
  const cause = pm?.cause;
  const mechanismLabel = (id: string) => mechanisms.find((x) => x.id === id)?.label ?? id;
  // A decision drill has no root cause to name, so its postmortem is not asked for one.
  if (s.kind !== 'decision' && !cause) checks.push({ id: 'cause', label: 'Root cause in the taxonomy', ok: false, why: 'no component and mechanism named' });
  else if (s.kind !== 'decision' && cause) {
    const component = rc.components.includes(cause.component);
    const mechanism = (rc.mechanisms as string[]).includes(cause.mechanism);
    const wrong = [!component && `component ${cause.component}`, !mechanism && `mechanism "${mechanismLabel(cause.mechanism)}"`].filter(Boolean);
    checks.push({ id: 'cause', label: 'Root cause in the taxonomy', ok: component && mechanism, why: wrong.length === 0 ? `${cause.component}, ${mechanismLabel(cause.mechanism)}: matches the run's cause` : `${wrong.join(' and ')} do not match the run's cause` });
  }
  // A follow-up for another variant's cause is neither counted nor held against the postmortem.
  const otherCause = new Set(s.prevention.filter((p) => p.otherCause).map((p) => p.id));
  const chosen = (pm?.followUps ?? []).filter((f) => !otherCause.has(f));
  const unowned = chosen.filter((f) => !(pm?.owners?.[f] ?? '').trim());
  checks.push({
    id: 'owners',
    label: 'Action items with owners',
    ok: chosen.length > 0 && unowned.length === 0,
    why: chosen.length === 0 ? 'no follow-up chosen' : unowned.length === 0 ? `all ${chosen.length} follow-ups have an owner` : `${unowned.length} of ${chosen.length} follow-ups have no owner`,
  });
  const factors = (pm?.contributing ?? []).filter((f) => f.trim().split(/\s+/).length >= 3);
  checks.push({ id: 'contributing', label: 'Contributing factors', ok: factors.length > 0, why: factors.length > 0 ? `${factors.length} named` : 'none named (a factor takes at least three words)' });
  return { submitted: pm !== null, checks, passed: checks.filter((c) => c.ok).length };
}
