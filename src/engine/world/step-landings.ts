import type { Scenario } from '../../scenarios/schema';
import type { SimState, TableState } from '../state';

type Landing = NonNullable<Scenario['world']['tables'][number]['landing']>;

/** Lands upstream extracts: each period's data arrives `delayS` after the period ends (a stuck export has a large delay). */
export function stepLandings(s: Scenario, state: SimState): void {
  for (const spec of s.world.tables) {
    const table = state.world.tables[spec.id];
    if (!spec.landing || !table) continue;
    const delay = table.landingDelayS ?? spec.landing.delayS;
    landThrough(spec.landing, table, Math.floor((state.t - delay) / spec.landing.everyS) * spec.landing.everyS, state.t);
  }
}

/** Upstream re-runs its export now: everything through the latest complete period lands and the usual delay returns. */
export function landNow(s: Scenario, state: SimState, tableId: string): void {
  const spec = s.world.tables.find((t) => t.id === tableId);
  const table = state.world.tables[tableId];
  if (!spec?.landing || !table) return;
  table.landingDelayS = spec.landing.delayS;
  landThrough(spec.landing, table, Math.floor(state.t / spec.landing.everyS) * spec.landing.everyS, state.t);
}

function landThrough(landing: Landing, table: TableState, through: number, t: number): void {
  if (through <= table.loadedThrough) return;
  table.rows += Math.round(((through - table.loadedThrough) / landing.everyS) * landing.rowsPerPeriod);
  table.loadedThrough = through;
  table.lastLoadAt = t;
}
