import type { DagSpec, Scenario } from '../../scenarios/schema';
import type { DagState, SimState } from '../state';
import { localDate, timeOfDay } from '../wall-clock';
import type { WindowedTable } from './orchestration-state';

/** Notes the source's row count at each window boundary, so each window's rows come from the world. */
export function recordWindowMarks(state: SimState, spec: DagSpec): void {
  const windows = state.world.tables[spec.build.writes]?.windows;
  const source = state.world.tables[spec.sensor.table];
  if (!windows || !source) return;
  const boundary = String(Math.floor(state.t / windows.everyS) * windows.everyS);
  if (windows.marks[boundary] === undefined) windows.marks[boundary] = source.rows;
}

/** The rows the source holds for the window starting at `start` (0 while unknown). */
export function windowRows(windows: WindowedTable, start: number): number {
  const a = windows.marks[String(start)];
  const b = windows.marks[String(start + windows.everyS)];
  return a === undefined || b === undefined ? 0 : Math.max(0, b - a);
}

/** The partition key a window is written under: its local date and time for a local-time DAG, else its UTC start. */
export function partitionKey(s: Scenario, timezone: 'UTC' | 'local', start: number): string {
  return timezone === 'local' ? `local ${localDate(s.clock, start)} ${timeOfDay(s.clock, start)}` : `utc ${start}`;
}

/** The DAG's timezone and build mode now (runtime overrides first). */
export function buildSettings(spec: DagSpec, dag: DagState): { timezone: 'UTC' | 'local'; mode: 'append' | 'overwrite' } {
  return { timezone: dag.timezone ?? spec.timezone ?? 'UTC', mode: dag.mode ?? spec.build.mode ?? 'append' };
}

/**
 * Writes one window into the target as a run of the DAG does. A local-time run selects every
 * window under its local hour: when the hour repeats, `append` re-inserts the first one
 * (duplicates) and `overwrite` replaces the partition with only its own window (an hour lost).
 */
export function writeWindow(s: Scenario, windows: WindowedTable, settings: { timezone: 'UTC' | 'local'; mode: 'append' | 'overwrite' }, start: number): void {
  const key = partitionKey(s, settings.timezone, start);
  const previous = windows.keys[key] ?? [];
  const covered = previous.includes(start) ? previous : [...previous, start];
  if (settings.mode === 'append') {
    for (const w of covered) windows.copies[String(w)] = (windows.copies[String(w)] ?? 0) + 1;
  } else {
    for (const w of previous) windows.copies[String(w)] = 0;
    windows.copies[String(start)] = 1;
  }
  windows.keys[key] = covered;
}

/** Rebuilds the windows in [fromS, toS) that have ended; `replace` deletes what they held first. */
export function rerunWindows(s: Scenario, state: SimState, spec: DagSpec, dag: DagState, fromS: number, toS: number, replace: boolean): number {
  const target = state.world.tables[spec.build.writes];
  const windows = target?.windows;
  if (!target || !windows) return 0;
  const every = windows.everyS;
  const starts: number[] = [];
  for (let a = Math.ceil(fromS / every) * every; a < toS && a + every <= state.t; a += every) starts.push(a);
  if (replace) {
    const dropped = new Set(starts);
    for (const a of starts) windows.copies[String(a)] = 0;
    for (const key of Object.keys(windows.keys)) windows.keys[key] = (windows.keys[key] ?? []).filter((w) => !dropped.has(w));
  }
  const settings = buildSettings(spec, dag);
  for (const a of starts) writeWindow(s, windows, settings, a);
  target.rows = windowedTotals(windows).rows;
  target.lastLoadAt = state.t;
  return starts.length;
}

/** A windowed table's totals: rows it holds, duplicate rows, rows missing from windows it should hold, and rows expected. */
export function windowedTotals(windows: WindowedTable): { rows: number; duplicates: number; missing: number; expected: number } {
  let latest = -Infinity;
  for (const list of Object.values(windows.keys)) for (const w of list) latest = Math.max(latest, w);
  let rows = 0;
  let duplicates = 0;
  let missing = 0;
  let expected = 0;
  for (const boundary of Object.keys(windows.marks)) {
    const start = Number(boundary);
    const n = windowRows(windows, start);
    const copies = windows.copies[boundary] ?? 0;
    rows += copies * n;
    duplicates += Math.max(0, copies - 1) * n;
    if (start <= latest) {
      expected += n;
      if (copies === 0) missing += n;
    }
  }
  return { rows, duplicates, missing, expected };
}
