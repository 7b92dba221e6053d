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

/** How far a table's rows may stray from its source's before the volume card says so. */
const volumeTolerance = 0.005;

/** The volume card in words: the table's rows against its source's, above or below. */
export function readVolume(spec: ChartSpec, now: Now): Reading {
  const ratio = now.metrics[spec.lines[0]?.metric ?? ''];
  const rows = now.metrics[`table.${spec.scope}.rows`];
  const status =
    ratio === undefined
      ? { label: 'NO DATA', tone: 'neutral' as const }
      : ratio > 1 + volumeTolerance
        ? { label: 'ABOVE SOURCE', tone: 'danger' as const }
        : ratio < 1 - volumeTolerance
          ? { label: 'BELOW SOURCE', tone: 'danger' as const }
          : { label: 'MATCHES SOURCE', tone: 'ok' as const };
  return { headline: formatValue('ratio', ratio), comparison: null, detail: rows === undefined ? null : `${formatCompact(rows)} rows`, status };
}
