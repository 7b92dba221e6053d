import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import { windowedTotals } from '../world/dag-windows';

/** What became of one kind of data the incident could damage. */
export interface DataKindOutcome {
  /** Plain words for the data: "streaming records into orders_fact", "rows of events_hourly (built by DAG events_hourly_rollup)". */
  label: string;
  /** Records produced, or rows the table should hold. */
  expected: number;
  lost: number;
  duplicates: number;
}

/** The run's data damage across every kind of data the scenario can lose or duplicate. */
export interface DataOutcome {
  /** False when nothing in the scenario can lose or duplicate data: then no points are offered for keeping it. */
  atRisk: boolean;
  kinds: DataKindOutcome[];
  expected: number;
  lost: number;
  duplicates: number;
}

/**
 * Counts lost and duplicated data the way the world holds it: streaming records through the
 * critical jobs (with the rows dropped partitions deleted), and rows of every table a DAG builds
 * window by window (a window never written is missing, a window written twice is duplicated).
 */
export function dataOutcome(s: Scenario, state: SimState): DataOutcome {
  const kinds: DataKindOutcome[] = [];
  const critical = s.world.jobs.filter((j) => j.critical);
  if (critical.length > 0) {
    const m = state.metrics;
    const sinks = [...new Set(critical.map((j) => j.sink.table))].join(', ');
    kinds.push({ label: `streaming records into ${sinks}`, expected: m['records.produced'] ?? 0, lost: m['records.lost'] ?? 0, duplicates: m['records.duplicates'] ?? 0 });
  }
  for (const dag of s.world.dags) {
    if (dag.build.mode === undefined || dag.build.kind === 'test') continue;
    const windows = state.world.tables[dag.build.writes]?.windows;
    if (!windows) continue;
    const totals = windowedTotals(windows);
    kinds.push({ label: `rows of ${dag.build.writes} (built by DAG ${dag.id})`, expected: totals.expected, lost: totals.missing, duplicates: totals.duplicates });
  }
  const sum = (f: (k: DataKindOutcome) => number) => kinds.reduce((n, k) => n + f(k), 0);
  return { atRisk: kinds.length > 0, kinds, expected: sum((k) => k.expected), lost: sum((k) => k.lost), duplicates: sum((k) => k.duplicates) };
}
