import type { Scenario } from '../../scenarios/schema';
import { lookup } from '../scenario-lookup';
import type { SimState } from '../state';
import { windowRows } from '../world/dag-windows';
import { apportion } from './apportion';
import { cell, hourPieces, type Cell } from './cells';
import { jobCells } from './job-cells';
import { tableRoles, type TableRoles } from './table-roles';
import { truncTo } from './warehouse-clock';

/** A lake table as the warehouse holds it at `state.t`: its columns and its rows, slice by slice. */
export interface TableModel extends TableRoles {
  cells: Cell[];
  rows: number;
  duplicates: number;
  /** Event time up to which the table holds data (what the engine keeps). */
  loadedThrough: number;
}

/** Table models built during one query (a model is derived from the state, never stored in it). */
export type ModelCache = Map<string, TableModel | null>;

/**
 * Derives a table's rows from what writes it: a streaming job's ledger, a DAG build's windows,
 * an upstream extract's landed periods, or (for a DAG build that mirrors its source) the source
 * table up to the build's watermark. Totals always equal the engine's: rows and duplicates from
 * the table metrics, so `count(*)` agrees with every other tool.
 */
export function tableModel(s: Scenario, state: SimState, tableId: string, cache: ModelCache = new Map(), depth = 0): TableModel | null {
  const hit = cache.get(tableId);
  if (hit !== undefined) return hit;
  const roles = tableRoles(s, tableId);
  const table = state.world.tables[tableId];
  if (!roles || !table) return null;
  const rows = state.metrics[`table.${tableId}.rows`] ?? table.rows;
  const duplicates = state.metrics[`table.${tableId}.duplicates`] ?? 0;
  const spec = s.world.tables.find((t) => t.id === tableId);
  const nextHour = (t: number) => truncTo(s, t, 3600) + 3600;
  let cells: Cell[] = [];
  if (lookup(s).jobOfTable.has(tableId)) {
    cells = jobCells(s, state, tableId);
  } else if (table.windows) {
    const w = table.windows;
    for (const boundary of Object.keys(w.marks).map(Number).sort((a, b) => a - b)) {
      const n = windowRows(w, boundary);
      const copies = w.copies[String(boundary)] ?? 0;
      if (n <= 0 || copies <= 0) continue;
      cells.push(...spread(hourPieces(boundary, boundary + w.everyS, nextHour), n * copies, (copies - 1) * n));
    }
  } else if (spec?.landing) {
    const every = spec.landing.everyS;
    const pieces: [number, number][] = [];
    for (let a = Math.ceil(s.clock.worldStartS / every) * every; a + every <= table.loadedThrough; a += every) pieces.push(...hourPieces(a, a + every, nextHour));
    cells = spread(pieces, rows, duplicates);
  } else {
    const dag = lookup(s).dagOfTable.get(tableId);
    const source = dag && depth < 8 ? tableModel(s, state, dag.sensor.table, cache, depth + 1) : null;
    if (source) cells = mirror(source.cells, rows, duplicates);
  }
  addBaselineNulls(cells, spec?.nullBaseline ?? {}, rows, !lookup(s).jobOfTable.has(tableId));
  const model: TableModel = { ...roles, cells, rows, duplicates, loadedThrough: table.loadedThrough };
  cache.set(tableId, model);
  return model;
}

// Rows spread over time pieces in proportion to their length; duplicates likewise.
function spread(pieces: [number, number][], rows: number, duplicates: number): Cell[] {
  const weights = pieces.map(([a, b]) => b - a);
  const r = apportion(rows, weights);
  const d = apportion(duplicates, weights);
  return pieces.map(([from, to], i) => cell(from, to, to - 1, null, r[i] as number, Math.min(r[i] as number, d[i] as number), null)).filter((c) => c.rows > 0);
}

// A build that copies its source holds the source's oldest rows, in event-time order, up to its
// own row count (a stale mart misses the newest hours); a mart holding more than its source is scaled up.
function mirror(source: readonly Cell[], rows: number, duplicates: number): Cell[] {
  const sorted = [...source].sort((a, b) => a.from - b.from || (a.partition ?? 0) - (b.partition ?? 0));
  const total = sorted.reduce((n, c) => n + c.rows, 0);
  let kept: Cell[];
  if (rows > total) {
    const r = apportion(rows, sorted.map((c) => c.rows));
    kept = sorted.map((c, i) => ({ ...c, rows: r[i] as number }));
  } else {
    kept = [];
    let left = rows;
    for (const c of sorted) {
      if (left <= 0) break;
      const take = Math.min(left, c.rows);
      const last = take === c.rows ? c.last : c.from + Math.floor(((c.last - c.from) * take) / Math.max(1, c.rows));
      kept.push({ ...c, rows: take, last });
      left -= take;
    }
  }
  const d = apportion(duplicates, kept.map((c) => c.rows));
  return kept.map((c, i) => cell(c.from, c.to, c.last, null, c.rows, Math.min(c.rows, d[i] as number), null)).filter((c) => c.rows > 0);
}

// Tables no job writes hold their healthy share of nulls, as the table metrics say.
function addBaselineNulls(cells: Cell[], baseline: Record<string, number>, rows: number, apply: boolean): void {
  if (!apply) return;
  for (const [column, share] of Object.entries(baseline)) {
    const parts = apportion(Math.round(rows * share), cells.map((c) => c.rows));
    cells.forEach((c, i) => {
      if ((parts[i] as number) > 0) c.nulls[column] = Math.min(c.rows, parts[i] as number);
    });
  }
}
