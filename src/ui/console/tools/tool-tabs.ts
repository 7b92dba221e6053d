import type { ToolOutput } from '../../../engine';
import type { RevealKind } from '../../../scenarios/schema';

/**
 * The tools panel's tabs, in display order. `short` is what a narrow panel shows; it is part of
 * the full label, which stays the tab's accessible name.
 */
export const toolTabs = [
  { id: 'plan', label: 'Plan', short: null },
  { id: 'terminal', label: 'Terminal', short: null },
  { id: 'sql', label: 'SQL', short: null },
  { id: 'consumers', label: 'Consumer groups', short: null },
  { id: 'jobs', label: 'Job logs', short: 'Logs' },
  { id: 'dags', label: 'DAG runs', short: null },
  { id: 'registry', label: 'Schema registry', short: 'Registry' },
  { id: 'lineage', label: 'Lineage', short: null },
  { id: 'tables', label: 'Tables & BI', short: 'Tables' },
  { id: 'runbook', label: 'Runbook & notes', short: 'Runbook' },
] as const;

/** One tab of the tools panel. */
export type ToolTabId = (typeof toolTabs)[number]['id'];

/** Which tab shows each kind of output; a new reveal kind will not compile until it has a home. */
export const tabOfKind: Record<RevealKind, ToolTabId> = {
  'consumer-groups': 'consumers',
  'job-logs': 'jobs',
  'job-status': 'jobs',
  'record-dump': 'jobs',
  'dag-runs': 'dags',
  'registry-subjects': 'registry',
  'registry-versions': 'registry',
  'registry-config': 'registry',
  'schema-diff': 'registry',
  lineage: 'lineage',
  'table-check': 'tables',
  dashboard: 'tables',
  'table-files': 'tables',
  'query-profile': 'tables',
  'late-events': 'jobs',
  reconciliation: 'tables',
  text: 'runbook',
  'dbt-source-freshness': 'tables',
  'dbt-test': 'tables',
  'scheduler-status': 'dags',
};

/** What one completed investigation printed into one tab (an action may print several outputs). */
export interface ToolResult {
  key: string;
  at: number;
  action: string;
  outputs: ToolOutput[];
}

/** Groups the session's outputs into results per tab, oldest first. */
export function resultsByTab(outputs: readonly ToolOutput[]): Record<ToolTabId, ToolResult[]> {
  const byTab = Object.fromEntries(toolTabs.map((t) => [t.id, [] as ToolResult[]])) as Record<ToolTabId, ToolResult[]>;
  for (const output of outputs) {
    const results = byTab[tabOfKind[output.kind]];
    const last = results.at(-1);
    if (last && last.at === output.at && last.action === output.action) last.outputs.push(output);
    else results.push({ key: `${output.action}@${output.at}#${results.length}`, at: output.at, action: output.action, outputs: [output] });
  }
  return byTab;
}

/** An action as the empty state names it. */
export interface ToolAction {
  id: string;
  label: string;
}

/** The actions whose results land in each tab, in catalogue order, from the reveal kinds alone. */
export function fillersByTab(actions: readonly { id: string; label: string; reveals: readonly { kind: RevealKind }[] }[]): Record<ToolTabId, ToolAction[]> {
  const byTab = Object.fromEntries(toolTabs.map((t) => [t.id, [] as ToolAction[]])) as Record<ToolTabId, ToolAction[]>;
  for (const action of actions) {
    const tabs = new Set(action.reveals.map((r) => tabOfKind[r.kind]));
    for (const tab of tabs) byTab[tab].push({ id: action.id, label: action.label });
  }
  return byTab;
}

/** Counts of results per tab. */
export function resultCounts(results: Record<ToolTabId, ToolResult[]>): Record<ToolTabId, number> {
  return Object.fromEntries(toolTabs.map((t) => [t.id, results[t.id].length])) as Record<ToolTabId, number>;
}
