import type { ChartSpec } from './chart-catalogue';
import type { Now, Reading } from './card-readings';
import { formatDuration } from '../../engine';
import { formatCompact, formatValue } from './format';

/** The scheduler card in words: tasks waiting, free slots, and whether the scheduler heartbeats. */
export function readScheduler(spec: ChartSpec, now: Now): Reading {
  const [queuedKey = '', freeKey = '', heartbeatKey = ''] = spec.lines.map((l) => l.metric);
  const queued = now.metrics[queuedKey] ?? 0;
  const free = now.metrics[freeKey] ?? 0;
  const heartbeat = now.metrics[heartbeatKey] ?? 0;
  const status =
    heartbeat > 120
      ? { label: 'NO HEARTBEAT', tone: 'danger' as const }
      : free === 0 && queued > 0
        ? { label: 'SATURATED', tone: 'warn' as const }
        : free === 0
          ? // Every slot held (poking sensors, say) with nothing queued yet: the next task will wait.
            { label: 'POOL FULL', tone: 'warn' as const }
          : { label: 'OK', tone: 'ok' as const };
  return {
    headline: { value: formatCompact(queued), unit: 'queued' },
    comparison: null,
    detail: `${free} free slot${free === 1 ? '' : 's'} · heartbeat ${formatDuration(heartbeat)} ago`,
    status,
  };
}

/** The duplicates card in words: rows held twice and rows missing. */
export function readDuplicates(spec: ChartSpec, now: Now): Reading {
  const [dupKey = '', missingKey = ''] = spec.lines.map((l) => l.metric);
  const duplicates = now.metrics[dupKey] ?? 0;
  const missing = now.metrics[missingKey] ?? 0;
  const status = duplicates > 0 ? { label: 'DUPLICATES', tone: 'danger' as const } : missing > 0 ? { label: 'MISSING ROWS', tone: 'danger' as const } : { label: 'OK', tone: 'ok' as const };
  // Tables loaded from a stream track duplicates only; there the detail says how fast they grow.
  const rows = now.metrics[`table.${spec.scope}.rows`] ?? 0;
  const share = rows > 0 ? `${formatValue('ratio', duplicates / rows).value} of rows` : null;
  const detail = missingKey ? `${formatCompact(missing)} missing` : duplicates > 0 ? share : null;
  return { headline: formatValue('rows', duplicates), comparison: null, detail, status };
}
