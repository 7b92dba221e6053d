import type { Condition, Scenario } from '../../scenarios/schema';

/** A metric the debrief charts, with a human name and its unit. */
export interface KeyMetric {
  metric: string;
  label: string;
  unit: 'seconds' | 'records' | 'ratio' | 'count';
}

const recordLabels: Record<string, string> = {
  produced: 'Records produced',
  pending: 'Records pending',
  delivered: 'Records delivered',
  dlq: 'Records in the dead-letter queue',
  lost: 'Records lost',
  duplicates: 'Duplicate rows',
};

/** Names a metric reference the way an engineer would say it. */
export function metricLabel(s: Scenario, ref: string): KeyMetric {
  const [path = '', column] = ref.split(':');
  const [kind = '', entity = '', metric = ''] = path.split('.');
  if (kind === 'records') return { metric: ref, label: recordLabels[entity] ?? ref, unit: 'records' };
  const name = kind === 'dashboard' ? (s.world.dashboards.find((d) => d.id === entity)?.title ?? entity) : entity;
  switch (metric) {
    case 'freshnessS':
      return { metric: ref, label: `${name} freshness`, unit: 'seconds' };
    case 'lag':
      return { metric: ref, label: `${name} consumer lag`, unit: 'records' };
    case 'nullRatio':
      return { metric: ref, label: `${name}.${column ?? ''} null ratio`, unit: 'ratio' };
    case 'dlqDepth':
      return { metric: ref, label: `${name} DLQ depth`, unit: 'records' };
    case 'duplicates':
      return { metric: ref, label: `${name} duplicate rows`, unit: 'records' };
    case 'rows':
      return { metric: ref, label: `${name} rows`, unit: 'records' };
    default:
      return { metric: ref, label: `${name} ${metric}`, unit: 'count' };
  }
}

function metricsOf(conditions: readonly Condition[]): string[] {
  return conditions.flatMap((c) => ('metric' in c ? [c.metric] : []));
}

/**
 * The metrics the debrief's timeline charts, derived from the scenario: what defines the impact
 * (mitigation conditions, page rules), the critical consumers' lag, and the data accounting.
 * Only metrics the run actually sampled are listed.
 */
export function keyMetrics(s: Scenario, sampled: Readonly<Record<string, unknown>>): KeyMetric[] {
  const refs = [
    ...metricsOf(s.mitigatedWhen),
    ...metricsOf(s.alerts.filter((a) => a.severity === 'page').map((a) => a.when)),
    ...s.world.jobs.filter((j) => j.critical).map((j) => `job.${j.id}.lag`),
    'records.lost',
    'records.duplicates',
    'records.dlq',
  ];
  return [...new Set(refs)].filter((ref) => Object.hasOwn(sampled, ref)).map((ref) => metricLabel(s, ref));
}
