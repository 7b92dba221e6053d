/**
 * Every metric the engine computes, by entity kind. A metric reference is
 * `kind.entity.metric` (`job.orders-enricher.lag`), `records.<bucket>` for the data accounting,
 * or `table.<id>.nullRatio:<column>` for one column's null ratio.
 */
export const metricCatalogue = {
  producer: ['rate'],
  job: ['lag', 'consumeRate', 'running', 'readerRegistry', 'restarts', 'errorRate', 'dlqDepth', 'instances', 'backfillRemaining', 'lateDropped', 'lateDropRate', 'allowedLatenessS', 'reprocessRemaining', 'rebalances', 'commitFailures', 'pollLoopS', 'sinkTimeoutMs', 'idempotentSink'],
  table: ['freshnessS', 'rows', 'duplicates', 'nullRatio', 'completeness', 'provisional', 'files', 'avgFileMb', 'filesPerHour', 'queryP95S', 'costPerDayUsd', 'compactionRemainingMb', 'deletedRows', 'missingRows', 'volumeRatio'],
  dashboard: ['freshnessS', 'blank', 'kpi'],
  dag: ['queuedTasks', 'runningTasks', 'failedRuns', 'paused', 'pokeSensors', 'localTime', 'appendMode'],
  scheduler: ['heartbeatAgeS', 'slots', 'freeSlots', 'queuedTasks', 'runningTasks'],
  flag: ['on'],
  records: ['produced', 'pending', 'delivered', 'dlq', 'lost', 'duplicates'],
} as const;

/**
 * Metrics that only the simulation's data accounting knows: what became of every record, counted
 * against the truth. No console on a real platform reads them live, so they drive conditions and
 * the debrief but stay out of the player's view; a reconciliation query measures the same damage.
 */
export const accountingMetrics = { records: metricCatalogue.records, table: ['duplicates', 'missingRows'] } as const;

const accountingTableSuffixes = accountingMetrics.table.map((m) => `.${m}`);

/**
 * A job's settings as metrics, for conditions (`resolvedWhen`): the player reads them with the
 * tools (`kubectl set env --list`), so they stay out of the player's view like the accounting.
 */
export const settingMetrics = { job: ['sinkTimeoutMs', 'idempotentSink'] } as const;

const settingSuffixes = settingMetrics.job.map((m) => `.${m}`);

/** Whether a metric reference is a job setting (see `settingMetrics`). */
export function isSettingMetric(ref: string): boolean {
  return ref.startsWith('job.') && settingSuffixes.some((suffix) => ref.endsWith(suffix));
}

/** Whether a metric reference is data accounting (see `accountingMetrics`). */
export function isAccountingMetric(ref: string): boolean {
  if (ref.startsWith('records.')) return true;
  return ref.startsWith('table.') && accountingTableSuffixes.some((suffix) => ref.endsWith(suffix));
}

/** An entity kind that has metrics. */
export type MetricKind = keyof typeof metricCatalogue;

/** A metric reference split into its parts. */
export interface ParsedMetricRef {
  kind: MetricKind;
  entity: string;
  metric: string;
  column?: string;
}

/** Splits a metric reference, or says in plain words why it is not one. */
export function parseMetricRef(ref: string): ParsedMetricRef | { error: string } {
  const [path = '', column] = ref.split(':');
  const parts = path.split('.');
  const kind = parts[0] as MetricKind;
  if (!(kind in metricCatalogue)) {
    return { error: `"${ref}" starts with "${parts[0]}", which is not a metric kind (${Object.keys(metricCatalogue).join(', ')})` };
  }
  const known: readonly string[] = metricCatalogue[kind];
  if (kind === 'records') {
    const metric = parts[1] ?? '';
    if (parts.length !== 2 || !known.includes(metric)) return { error: `"${ref}" should be records.<${known.join('|')}>` };
    return { kind, entity: 'all', metric };
  }
  const [, entity = '', metric = ''] = parts;
  if (parts.length !== 3 || !known.includes(metric)) {
    return { error: `"${ref}" should be ${kind}.<id>.<${known.join('|')}>` };
  }
  if (metric === 'nullRatio' && !column) return { error: `"${ref}" needs a column, like ${kind}.${entity}.nullRatio:<column>` };
  if (metric !== 'nullRatio' && column) return { error: `"${ref}" takes no ":${column}"` };
  return column ? { kind, entity, metric, column } : { kind, entity, metric };
}
