import type { Scenario } from '../../scenarios/schema';

/** The scheduler's runtime state; present only when the scenario declares a scheduler. */
export interface SchedulerState {
  running: boolean;
  /** Worker slots in the default pool. */
  slots: number;
  lastHeartbeatAt: number;
}

/**
 * A DAG-built table tracked per window (only for builds declaring a mode): the source's row
 * count at each window boundary, how many copies of each window the table holds, and which
 * windows each partition key has covered (two under one key when a local hour repeats).
 */
export interface WindowedTable {
  everyS: number;
  /** Source rows at each window boundary, keyed by the boundary's sim time. */
  marks: Record<string, number>;
  /** Copies of each window in the table (0 = missing, 2 = duplicated), keyed by window start. */
  copies: Record<string, number>;
  /** Window starts each partition key has covered. */
  keys: Record<string, number[]>;
}

/** The orchestration fields a table starts with: an extract's delay, or per-window tracking for a DAG build with a mode. */
export function initialTableExtras(s: Scenario, tableId: string): { landingDelayS?: number; windows?: WindowedTable } {
  const spec = s.world.tables.find((t) => t.id === tableId);
  if (spec?.landing) return { landingDelayS: spec.landing.delayS };
  const dag = s.world.dags.find((d) => d.build.writes === tableId && d.build.mode !== undefined && d.build.kind !== 'test');
  if (dag) return { windows: { everyS: dag.everyS, marks: {}, copies: {}, keys: {} } };
  return {};
}

/** The scheduler a scenario starts with, if it declares one. */
export function initialScheduler(s: Scenario): { scheduler?: SchedulerState } {
  return s.world.scheduler ? { scheduler: { running: true, slots: s.world.workerSlots, lastHeartbeatAt: s.clock.worldStartS } } : {};
}
