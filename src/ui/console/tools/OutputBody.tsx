import type { ToolOutput } from '../../../engine';
import { ConsumerGroupsOutput } from './ConsumerGroupsOutput';
import { DagRunsOutput } from './DagRunsOutput';
import { DashboardOutput } from './DashboardOutput';
import { JobLogsOutput, type LogFilter } from './JobLogsOutput';
import { JsonOutput } from './JsonOutput';
import { LineageOutput } from './LineageOutput';
import { RecordDumpOutput } from './RecordDumpOutput';
import { SchemaDiffOutput } from './SchemaDiffOutput';
import { TableCheckOutput } from './TableCheckOutput';
import { TerminalText } from './TerminalText';

/** Presents one output's body the way its real tool looks; the text itself is the engine's. */
export function OutputBody({ output, logFilter, onLogFilter }: { output: ToolOutput; logFilter: LogFilter; onLogFilter: (next: LogFilter) => void }) {
  switch (output.kind) {
    case 'consumer-groups':
      return <ConsumerGroupsOutput body={output.body} />;
    case 'job-logs':
      return <JobLogsOutput body={output.body} filter={logFilter} onFilter={onLogFilter} />;
    case 'job-status':
    case 'registry-subjects':
    case 'registry-versions':
    case 'registry-config':
      return <JsonOutput body={output.body} />;
    case 'schema-diff':
      return <SchemaDiffOutput body={output.body} />;
    case 'record-dump':
      return <RecordDumpOutput body={output.body} />;
    case 'dag-runs':
      return <DagRunsOutput body={output.body} />;
    case 'lineage':
      return <LineageOutput body={output.body} />;
    case 'table-check':
      return <TableCheckOutput body={output.body} />;
    case 'dashboard':
      return <DashboardOutput body={output.body} />;
    case 'reconciliation':
    case 'dbt-source-freshness':
    case 'dbt-test':
    case 'scheduler-status':
    case 'table-files':
    case 'query-profile':
    case 'late-events':
      return <TerminalText text={output.body} wrap={false} />;
    case 'text':
      return <TerminalText text={output.body.replace(/\n+$/, '')} wrap={output.command === ''} />;
  }
}
