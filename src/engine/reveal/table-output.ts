import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import { formatDuration, timeOfDay } from '../wall-clock';
import { columns, type Printed } from './render-reveal';
import { dashboardLakeLines } from './lake-output';

/** Freshness, row count and null ratios of a table, as a SQL check returns them. */
export function tableCheckOutput(s: Scenario, state: SimState, tableId: string): Printed {
  const spec = s.world.tables.find((t) => t.id === tableId);
  const table = state.world.tables[tableId];
  const nullColumns = spec ? spec.columns.filter((c) => c !== spec.columns[0]) : [];
  const command = `SELECT max(event_ts), count(*)${nullColumns.map((c) => `, avg(CASE WHEN ${c} IS NULL THEN 1 ELSE 0 END) AS null_${c}`).join('')} FROM ${tableId} WHERE dt = current_date;`;
  if (!spec || !table) return { title: 'Table check', command, body: `ERROR: relation "${tableId}" does not exist` };
  const m = state.metrics;
  const header = ['max_event_ts', 'row_count', ...nullColumns.map((c) => `null_${c}`)];
  const values = [
    `${s.clock.dateAtZero} ${timeOfDay(s.clock, table.loadedThrough)}`,
    String(m[`table.${tableId}.rows`] ?? table.rows),
    ...nullColumns.map((c) => ((m[`table.${tableId}.nullRatio:${c}`] ?? 0) * 100).toFixed(2) + '%'),
  ];
  const freshness = m[`table.${tableId}.freshnessS`] ?? 0;
  const duplicates = m[`table.${tableId}.duplicates`] ?? 0;
  const notes = [
    `# freshness ${formatDuration(freshness)} (SLA ${formatDuration(spec.freshnessSlaS)})${freshness > spec.freshnessSlaS ? ' — STALE' : ''}`,
    ...(duplicates > 0 ? [`# ${duplicates} duplicate event ids (SELECT ${spec.columns[0]}, count(*) ... HAVING count(*) > 1)`] : []),
  ];
  return { title: `Table ${tableId}`, command, body: `${columns([header, values])}\n${notes.join('\n')}` };
}

/** What a dashboard shows right now. */
export function dashboardOutput(s: Scenario, state: SimState, dashboardId: string): Printed {
  const spec = s.world.dashboards.find((d) => d.id === dashboardId);
  const command = `open https://bi.internal/dashboards/${dashboardId}`;
  if (!spec) return { title: 'Dashboard', command, body: 'Dashboard not found.' };
  const freshness = state.metrics[`dashboard.${dashboardId}.freshnessS`] ?? 0;
  const sla = s.world.tables.find((t) => t.id === spec.table)?.freshnessSlaS ?? spec.blankAfterS;
  const table = state.world.tables[spec.table];
  const asOf = `Data as of ${timeOfDay(s.clock, table?.loadedThrough ?? 0)} (${formatDuration(freshness)} ago).`;
  const tiles = spec.tiles.map((x) => `"${x}"`).join(', ') || 'every tile';
  const body =
    freshness > spec.blankAfterS
      ? `${spec.title}\n\n  No data for today.\n  ${tiles}: empty.\n  ${asOf}`
      : freshness > sla
        ? `${spec.title}\n\n  ⚠ Stale: ${tiles} show figures that stopped updating.\n  ${asOf}`
        : `${spec.title}\n\n  ${tiles}: updating normally.\n  ${asOf}`;
  return { title: `Dashboard ${spec.title}`, command, body: body + dashboardLakeLines(s, state, dashboardId) };
}
