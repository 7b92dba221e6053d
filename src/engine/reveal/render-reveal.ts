import type { ActionSpec, Reveal, Scenario } from '../../scenarios/schema';
import type { SimState, ToolOutput } from '../state';
import { dagRunsOutput } from './dag-output';
import { consumerGroupOutput, recordDumpOutput } from './kafka-output';
import { jobLogsOutput, jobStatusOutput } from './job-output';
import { lineageOutput } from './lineage-output';
import { registryConfigOutput, registrySubjectsOutput, registryVersionsOutput, schemaDiffOutput } from './registry-output';
import { dashboardOutput, tableCheckOutput } from './table-output';
import { lateEventsOutput, queryProfileOutput, tableFilesOutput } from './lake-output';
import { reconciliationOutput } from './reconciliation-output';
import { textOutput } from './text-output';
import { dbtSourceFreshnessOutput, dbtTestOutput } from './dbt-output';
import { schedulerStatusOutput } from './scheduler-output';

/** What a renderer returns: the command as typed and what it printed. */
export interface Printed {
  title: string;
  command: string;
  body: string;
}

/** Renders what an investigation shows, from the world as it is when the action completes. */
export function renderReveal(s: Scenario, state: SimState, action: ActionSpec, reveal: Reveal): ToolOutput {
  const printed = print(s, state, reveal);
  return { at: state.t, action: action.id, kind: reveal.kind, title: printed.title, command: action.command ?? printed.command, body: printed.body };
}

function print(s: Scenario, state: SimState, r: Reveal): Printed {
  switch (r.kind) {
    case 'consumer-groups':
      return consumerGroupOutput(s, state, r.job);
    case 'record-dump':
      return recordDumpOutput(s, state, r.job);
    case 'job-logs':
      return jobLogsOutput(s, state, r.job);
    case 'job-status':
      return jobStatusOutput(s, state, r.job);
    case 'dag-runs':
      return dagRunsOutput(s, state, r.dag);
    case 'registry-subjects':
      return registrySubjectsOutput(s, state);
    case 'registry-versions':
      return registryVersionsOutput(s, state, r.subject);
    case 'registry-config':
      return registryConfigOutput(s, state, r.subject);
    case 'schema-diff':
      return schemaDiffOutput(s, state, r.subject, r.from, r.to);
    case 'lineage':
      return lineageOutput(s, state, r.dashboard);
    case 'table-check':
      return tableCheckOutput(s, state, r.table);
    case 'dashboard':
      return dashboardOutput(s, state, r.dashboard);
    case 'reconciliation':
      return reconciliationOutput(s, state, r.job);
    case 'table-files':
      return tableFilesOutput(s, state, r.table);
    case 'query-profile':
      return queryProfileOutput(s, state, r.table);
    case 'late-events':
      return lateEventsOutput(s, state, r.job);
    case 'text':
      return textOutput(state, r);
    case 'dbt-source-freshness':
      return dbtSourceFreshnessOutput(s, state, r.tables);
    case 'dbt-test':
      return dbtTestOutput(s, state, r.table);
    case 'scheduler-status':
      return schedulerStatusOutput(s, state);
  }
}

/** Pads table cells into aligned columns, as CLI tools print them. */
export function columns(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 1))).join(' ').trimEnd()).join('\n');
}
