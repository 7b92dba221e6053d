import type { Scenario } from '../../scenarios/schema';

/** How a debrief chart writes its numbers (the UI maps each to its axis and value format). */
export type KeyMetricUnit =
  | 'seconds'
  | 'records'
  | 'rows'
  | 'ratio'
  | 'count'
  | 'recPerSec'
  | 'perMin'
  | 'files'
  | 'megabytes'
  | 'usdPerDay'
  | 'tasks'
  | 'percent'
  | 'usd'
  | 'flag';

/** A metric the debrief charts, with a human name and its unit. */
export interface KeyMetric {
  metric: string;
  label: string;
  unit: KeyMetricUnit;
}

const recordLabels: Record<string, string> = {
  produced: 'Records produced',
  pending: 'Records pending',
  delivered: 'Records delivered',
  dlq: 'Records in the dead-letter queue',
  lost: 'Records lost',
  duplicates: 'Records written twice',
};

type Phrase = [label: (name: string) => string, unit: KeyMetricUnit];

const jobPhrases: Record<string, Phrase> = {
  lag: [(n) => `${n} consumer lag`, 'records'],
  consumeRate: [(n) => `${n} consume rate`, 'recPerSec'],
  running: [(n) => `${n} running (1 = yes)`, 'flag'],
  readerRegistry: [(n) => `${n} reads with the registry (1 = yes)`, 'flag'],
  restarts: [(n) => `${n} restarts`, 'count'],
  errorRate: [(n) => `${n} errors per minute`, 'perMin'],
  dlqDepth: [(n) => `${n} DLQ depth`, 'records'],
  instances: [(n) => `${n} instances`, 'count'],
  backfillRemaining: [(n) => `${n} backfill remaining`, 'records'],
  lateDropped: [(n) => `${n} late records dropped`, 'records'],
  lateDropRate: [(n) => `${n} late drops per minute`, 'perMin'],
  allowedLatenessS: [(n) => `${n} allowed lateness`, 'seconds'],
  reprocessRemaining: [(n) => `${n} reprocess remaining`, 'records'],
  rebalances: [(n) => `${n} consumer-group rebalances`, 'count'],
  commitFailures: [(n) => `${n} offset commit failures`, 'count'],
  pollLoopS: [(n) => `${n} poll-loop duration`, 'seconds'],
  sinkTimeoutMs: [(n) => `${n} sink-call timeout in ms (0 = none)`, 'count'],
  idempotentSink: [(n) => `${n} sink MERGEs on the event id (1 = yes)`, 'flag'],
};

const tablePhrases: Record<string, Phrase> = {
  freshnessS: [(n) => `${n} freshness`, 'seconds'],
  rows: [(n) => `${n} rows`, 'rows'],
  duplicates: [(n) => `${n} duplicate rows`, 'rows'],
  completeness: [(n) => `${n} completeness`, 'ratio'],
  provisional: [(n) => `${n} marked provisional (1 = yes)`, 'flag'],
  files: [(n) => `${n} data files`, 'files'],
  avgFileMb: [(n) => `${n} average file size`, 'megabytes'],
  filesPerHour: [(n) => `${n} files written per hour`, 'files'],
  queryP95S: [(n) => `${n} query time (p95)`, 'seconds'],
  costPerDayUsd: [(n) => `${n} projected cost per day`, 'usdPerDay'],
  compactionRemainingMb: [(n) => `${n} compaction remaining`, 'megabytes'],
  deletedRows: [(n) => `${n} deleted rows`, 'rows'],
  missingRows: [(n) => `${n} missing rows`, 'rows'],
  volumeRatio: [(n) => `${n} row volume vs expected`, 'ratio'],
};

const dagPhrases: Record<string, Phrase> = {
  queuedTasks: [(n) => `${n} queued tasks`, 'tasks'],
  runningTasks: [(n) => `${n} running tasks`, 'tasks'],
  failedRuns: [(n) => `${n} failed runs`, 'count'],
  paused: [(n) => `${n} paused (1 = yes)`, 'flag'],
  pokeSensors: [(n) => `${n} sensors poking (holding a slot)`, 'tasks'],
  localTime: [(n) => `${n} scheduled in local time (1 = yes)`, 'flag'],
  appendMode: [(n) => `${n} writes in append mode (1 = yes)`, 'flag'],
};

const schedulerPhrases: Record<string, Phrase> = {
  heartbeatAgeS: [(n) => `Scheduler ${n} heartbeat age`, 'seconds'],
  slots: [(n) => `Scheduler ${n} worker slots`, 'tasks'],
  freeSlots: [(n) => `Scheduler ${n} free worker slots`, 'tasks'],
  queuedTasks: [(n) => `Scheduler ${n} queued tasks`, 'tasks'],
  runningTasks: [(n) => `Scheduler ${n} running tasks`, 'tasks'],
};

/** Names a metric reference the way an engineer would say it, with the unit its chart uses. */
export function metricLabel(s: Scenario, ref: string): KeyMetric {
  const [path = '', column] = ref.split(':');
  const [kind = '', entity = '', metric = ''] = path.split('.');
  const phrase = (p: Phrase | undefined, name: string): KeyMetric => (p ? { metric: ref, label: p[0](name), unit: p[1] } : { metric: ref, label: `${name} ${metric}`, unit: 'count' });
  switch (kind) {
    case 'records':
      return { metric: ref, label: recordLabels[entity] ?? ref, unit: 'records' };
    case 'producer':
      return { metric: ref, label: `${entity} produce rate`, unit: 'recPerSec' };
    case 'flag':
      return { metric: ref, label: `Flag ${entity} on (1 = yes)`, unit: 'flag' };
    case 'job':
      return phrase(jobPhrases[metric], entity);
    case 'dag':
      return phrase(dagPhrases[metric], `DAG ${entity}`);
    case 'scheduler':
      return phrase(schedulerPhrases[metric], entity);
    case 'table':
      if (metric === 'nullRatio') return { metric: ref, label: `${entity}.${column ?? ''} null ratio`, unit: 'ratio' };
      return phrase(tablePhrases[metric], entity);
    case 'dashboard': {
      const d = s.world.dashboards.find((x) => x.id === entity);
      const name = d?.title ?? entity;
      if (metric === 'freshnessS') return { metric: ref, label: `${name} freshness`, unit: 'seconds' };
      if (metric === 'blank') return { metric: ref, label: `${name} blank (1 = yes)`, unit: 'flag' };
      if (metric === 'kpi') {
        const kpi = d?.kpi;
        return { metric: ref, label: kpi ? `${name}: ${kpi.label}` : `${name} headline figure`, unit: kpi?.unit ?? 'count' };
      }
      return { metric: ref, label: `${name} ${metric}`, unit: 'count' };
    }
    default:
      return { metric: ref, label: ref, unit: 'count' };
  }
}
