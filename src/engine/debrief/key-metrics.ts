import type { Condition, Scenario } from '../../scenarios/schema';
import type { SeriesState } from '../state';
import { metricLabel, type KeyMetric } from './metric-labels';

export { metricLabel, type KeyMetric, type KeyMetricUnit } from './metric-labels';

/** At most this many charts: the impact's own metrics first, so they are never the ones cut. */
const maxCharts = 6;

/** Switches and progress counters: how a fix is going, not what the incident is about. */
const stateMetrics = new Set(['running', 'readerRegistry', 'on', 'paused', 'localTime', 'appendMode', 'blank', 'provisional', 'backfillRemaining', 'reprocessRemaining', 'compactionRemainingMb', 'instances', 'slots']);

/** The entity-level metrics that show the same damage as each records.* bucket, by name. */
const sameDamage: Record<string, RegExp> = {
  duplicates: /^table\.[^.]+\.duplicates$/,
  lost: /^table\.[^.]+\.missingRows$/,
  dlq: /^job\.[^.]+\.dlqDepth$/,
};

function metricsOf(conditions: readonly Condition[]): string[] {
  return conditions.flatMap((c) => ('metric' in c ? [c.metric] : []));
}

function metricName(ref: string): string {
  return ref.split(':')[0]?.split('.').at(-1) ?? '';
}

/** The highest value a metric reached in any of the runs' samples (0 when never sampled). */
function peakOf(runs: readonly SeriesState[], ref: string): number {
  return Math.max(0, ...runs.flatMap((r) => r.values[ref] ?? []));
}

/** Whether a metric changed at all during any of the runs: a flat line tells the reader nothing. */
function moves(runs: readonly SeriesState[], ref: string): boolean {
  return runs.some((r) => {
    const column = r.values[ref] ?? [];
    return column.some((v) => v !== column[0]);
  });
}

/**
 * The metrics the debrief's timeline charts, derived from the scenario, in this order:
 * 1. what defines the impact and the page (mitigation conditions, page rules), always;
 * 2. the critical consumers' lag, when it moved in your run or the model's;
 * 3. damage: entity-level duplicates, missing rows or DLQ depth the resolution checks, and the
 *    data accounting (records lost, written twice, parked in the DLQ) when it shows damage no
 *    entity-level chart already shows, when either moved;
 * 4. the other quantities the resolution checks, when they moved (switches and progress counters
 *    are left out);
 * 5. an accounting line that stayed at zero in both runs, only when the scenario checks that
 *    bucket itself or an entity-level twin it does not chart: a streaming ledger's zero next to a
 *    table's real duplicates would only mislead.
 * Only metrics the runs actually sampled are listed, and no more than six.
 */
export function keyMetrics(s: Scenario, runs: readonly SeriesState[]): KeyMetric[] {
  const sampled = (ref: string) => runs.some((r) => Object.hasOwn(r.values, ref));
  const resolution = metricsOf(s.resolvedWhen.map((r) => r.when));
  const checked = [...metricsOf(s.mitigatedWhen), ...resolution, ...metricsOf(s.alerts.map((a) => a.when))];
  const impact = [...metricsOf(s.mitigatedWhen), ...metricsOf(s.alerts.filter((a) => a.severity === 'page').map((a) => a.when))];
  const lag = s.world.jobs.filter((j) => j.critical).map((j) => `job.${j.id}.lag`).filter((ref) => moves(runs, ref));
  const extras = resolution.filter((ref) => !ref.startsWith('records.') && !stateMetrics.has(metricName(ref)) && moves(runs, ref));
  const isDamage = (ref: string) => Object.values(sameDamage).some((re) => re.test(ref));
  const candidates = new Set([...impact, ...lag, ...extras]);
  const accounting = (['lost', 'duplicates', 'dlq'] as const).flatMap((bucket) => {
    const ref = `records.${bucket}`;
    if (!sampled(ref) || candidates.has(ref)) return [];
    const twins = [...candidates].filter((c) => sameDamage[bucket]?.test(c));
    const peak = peakOf(runs, ref);
    // Shown when it holds more than the entity-level charts do, or (with none charted) any damage at all.
    if (twins.length > 0) return peak > Math.max(...twins.map((t) => peakOf(runs, t))) ? [{ ref, peak }] : [];
    if (peak > 0 || checked.some((c) => c === ref || sameDamage[bucket]?.test(c))) return [{ ref, peak }];
    return [];
  });
  const ordered = [
    ...impact,
    ...lag,
    ...extras.filter(isDamage),
    ...accounting.filter((a) => a.peak > 0).map((a) => a.ref),
    ...extras.filter((ref) => !isDamage(ref)),
    ...accounting.filter((a) => a.peak === 0).map((a) => a.ref),
  ];
  return [...new Set(ordered)].filter(sampled).slice(0, maxCharts).map((ref) => metricLabel(s, ref));
}
