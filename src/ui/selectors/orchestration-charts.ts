import type { SeriesState } from '../../engine';
import type { ChartSpec, SeriesLine, Topology } from './chart-catalogue';

function line(metric: string, label: string, index: number, color: SeriesLine['color'], shape: SeriesLine['shape'], axis: SeriesLine['axis'] = 'left'): SeriesLine {
  return { dataKey: `s${index}`, metric, label, color, axis, shape, stacked: false, dashed: false };
}

/** The scheduler's card (queued tasks, free worker slots, heartbeat age), when the world has a scheduler. */
export function schedulerSpecs(series: SeriesState): ChartSpec[] {
  const queued = Object.keys(series.values).find((k) => k.startsWith('scheduler.') && k.endsWith('.queuedTasks'));
  if (!queued) return [];
  const id = queued.split('.')[1] ?? 'main';
  return [
    {
      type: 'chart',
      id: `scheduler:${id}`,
      kind: 'scheduler',
      title: 'Airflow worker slots',
      scope: `scheduler ${id} · default_pool`,
      unit: 'tasks',
      rightUnit: 'seconds',
      lines: [line(queued, 'Queued tasks', 0, 4, 'area'), line(`scheduler.${id}.freeSlots`, 'Free slots', 1, 3, 'step'), line(`scheduler.${id}.heartbeatAgeS`, 'Heartbeat age', 2, 6, 'line', 'right')],
      reference: null,
      job: null,
      producers: [],
    },
  ];
}

/**
 * The volume monitor of each table built window by window: its rows against its source's rows
 * for the same windows. What a real console shows; it cannot tell duplicated rows from missing
 * ones when both are there.
 */
export function windowedTableSpecs(topology: Topology, series: SeriesState): ChartSpec[] {
  return topology.dags
    .filter((d) => `table.${d.writes}.volumeRatio` in series.values)
    .map((d) => ({
      type: 'chart' as const,
      id: `table:${d.writes}:volume`,
      kind: 'volume' as const,
      title: 'Rows vs source',
      scope: d.writes,
      unit: 'ratio' as const,
      rightUnit: null,
      lines: [line(`table.${d.writes}.volumeRatio`, 'Rows / source rows', 0, 3, 'line')],
      reference: { value: 1, label: 'source' },
      job: null,
      producers: [],
    }));
}
