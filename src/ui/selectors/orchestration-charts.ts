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

/** Duplicate and missing rows of tables built window by window, when a DAG tracks them. */
export function windowedTableSpecs(topology: Topology, series: SeriesState): ChartSpec[] {
  return topology.dags
    .filter((d) => `table.${d.writes}.missingRows` in series.values)
    .map((d) => ({
      type: 'chart' as const,
      id: `table:${d.writes}:duplicates`,
      kind: 'duplicates' as const,
      title: 'Duplicate & missing rows',
      scope: d.writes,
      unit: 'rows' as const,
      rightUnit: null,
      lines: [line(`table.${d.writes}.duplicates`, 'Duplicate rows', 0, 6, 'area'), line(`table.${d.writes}.missingRows`, 'Missing rows', 1, 5, 'area')],
      reference: null,
      job: null,
      producers: [],
    }));
}
