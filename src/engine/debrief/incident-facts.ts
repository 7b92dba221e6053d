import type { AlertSpec, Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';

/** A dashboard or table that was over its freshness SLA during the incident. */
export interface StaleAsset {
  kind: 'dashboard' | 'table';
  id: string;
  name: string;
  audience: string | null;
  /** Sampled time over the SLA since impact start, in seconds. */
  staleS: number;
  slaS: number;
}

/** The page that detected the incident (the first page at or after impact start), if any. */
export function detectingPage(s: Scenario, state: SimState): AlertSpec | undefined {
  const at = state.milestones.detected;
  if (at === null) return undefined;
  const pages = s.alerts.filter((a) => a.severity === 'page');
  return pages.find((a) => state.alerts[a.id]?.firedAt === at || state.alerts[a.id]?.lastFiredAt === at) ?? pages[0];
}

/** Warnings that fired before the first page (or at all, if nothing paged): signals nobody was paged for. */
export function earlyWarnings(s: Scenario, state: SimState): { alert: AlertSpec; at: number }[] {
  const detected = state.milestones.detected ?? Infinity;
  return s.alerts
    .filter((a) => a.severity === 'warning')
    .flatMap((alert) => {
      const at = state.alerts[alert.id]?.firedAt ?? null;
      return at !== null && at < detected ? [{ alert, at }] : [];
    })
    .sort((a, b) => a.at - b.at);
}

/**
 * Dashboards and tables that went over their freshness SLA after impact start, measured on the
 * run's chart samples, longest first.
 */
export function staleAssets(s: Scenario, state: SimState): StaleAsset[] {
  const { times, values, stepS } = state.series;
  const from = state.milestones.impactStart ?? s.clock.playerStartS;
  const overFor = (metric: string, slaS: number) => {
    const column = values[metric];
    if (!column) return 0;
    let n = 0;
    times.forEach((t, i) => {
      if (t >= from && (column[i] ?? 0) > slaS) n++;
    });
    return n * stepS;
  };
  const slaOf = (table: string) => s.world.tables.find((t) => t.id === table)?.freshnessSlaS ?? Infinity;
  const dashboards: StaleAsset[] = s.world.dashboards.map((d) => ({
    kind: 'dashboard',
    id: d.id,
    name: d.title,
    audience: d.audience === '' ? null : d.audience,
    staleS: overFor(`dashboard.${d.id}.freshnessS`, slaOf(d.table)),
    slaS: slaOf(d.table),
  }));
  const tables: StaleAsset[] = s.world.tables.map((t) => ({ kind: 'table', id: t.id, name: t.id, audience: null, staleS: overFor(`table.${t.id}.freshnessS`, t.freshnessSlaS), slaS: t.freshnessSlaS }));
  return [...dashboards, ...tables].filter((a) => a.staleS > 0).sort((a, b) => b.staleS - a.staleS);
}

/** The most records the run had lost at any sampled moment (a later replay may have recovered them). */
export function peakLost(state: SimState): number {
  const column = state.series.values['records.lost'] ?? [];
  return Math.max(state.metrics['records.lost'] ?? 0, ...column);
}

/**
 * The most rows the run had written twice at any sampled moment: the data accounting's
 * duplicates, or a table's, whichever was higher (a dedupe or an overwrite may have removed
 * them by the end, which the final count alone would hide).
 */
export function peakDuplicates(state: SimState): number {
  const columns = Object.entries(state.series.values).filter(([ref]) => ref === 'records.duplicates' || /^table\.[^.]+\.duplicates$/.test(ref));
  return Math.max(state.metrics['records.duplicates'] ?? 0, ...columns.flatMap(([, column]) => column));
}
