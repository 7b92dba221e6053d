import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import { windowedTotals } from '../world/dag-windows';
import { formatDuration, isoLocal, timeOfDay } from '../wall-clock';
import { columns, type Printed } from './render-reveal';

const dbtVersion = '1.8.7';
const lineWidth = 72;

// dbt's progress lines: "09:12:04  1 of 3 PASS freshness of raw.orders .......... [PASS in 0.41s]".
function progress(clock: string, head: string, status: string): string {
  const dots = '.'.repeat(Math.max(3, lineWidth - head.length - 1));
  return `${clock}  ${head} ${dots} [${status}]`;
}

// A stable, plausible duration for a line, drawn from the table name (no randomness in rendering).
function seconds(name: string, base: number): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) % 997;
  return (base + (h % 90) / 100).toFixed(2);
}

function header(clock: string, what: string): string[] {
  return [`${clock}  Running with dbt=${dbtVersion}`, `${clock}  Registered adapter: snowflake=1.8.4`, `${clock}  Found 42 models, 118 data tests, 9 sources, 3 exposures, 612 macros`, `${clock}  `, `${clock}  Concurrency: 8 threads (target='prod')`, `${clock}  `, ...(what ? [`${clock}  ${what}`, `${clock}  `] : [])];
}

/** The thresholds dbt checks a table's freshness against: warn_after and error_after, in seconds. */
export function freshnessThresholds(s: Scenario, tableId: string): { warnS: number; errorS: number } | null {
  const spec = s.world.tables.find((t) => t.id === tableId);
  if (!spec) return null;
  const warnS = spec.freshnessWarnS ?? spec.freshnessSlaS;
  return { warnS, errorS: spec.freshnessErrorS ?? 2 * warnS };
}

/** `dbt source freshness`: PASS, WARN or ERROR STALE per table, with max_loaded_at and its age. */
export function dbtSourceFreshnessOutput(s: Scenario, state: SimState, tables: readonly string[]): Printed {
  const clock = timeOfDay(s.clock, state.t);
  const command = `dbt source freshness --select ${tables.map((t) => `source:${sourceName(s, t)}`).join(' ')}`;
  const lines = header(clock, '');
  const rows: string[][] = [];
  let warn = 0;
  let error = 0;
  tables.forEach((tableId, i) => {
    const table = state.world.tables[tableId];
    const limits = freshnessThresholds(s, tableId);
    const name = `${sourceName(s, tableId)}`;
    const head = `${i + 1} of ${tables.length}`;
    if (!table || !limits) {
      lines.push(progress(clock, `${head} ERROR freshness of ${name}`, 'ERROR in 0.12s'));
      rows.push([name, '-', '-', '-', '-', 'relation does not exist']);
      error += 1;
      return;
    }
    const age = Math.max(0, state.t - table.loadedThrough);
    const status = age > limits.errorS ? 'ERROR STALE' : age > limits.warnS ? 'WARN' : 'PASS';
    if (status === 'WARN') warn += 1;
    if (status === 'ERROR STALE') error += 1;
    lines.push(progress(clock, `${head} START freshness of ${name}`, 'RUN'));
    lines.push(progress(clock, `${head} ${status} freshness of ${name}`, `${status} in ${seconds(tableId, 0.3)}s`));
    // Today's loads show their time of day only, so the summary fits the terminal.
    const loaded = isoLocal(s.clock, table.loadedThrough);
    const today = loaded.slice(0, 10) === isoLocal(s.clock, state.t).slice(0, 10);
    rows.push([name, today ? loaded.slice(11) : loaded, formatDuration(age), formatDuration(limits.warnS), formatDuration(limits.errorS), status.toLowerCase()]);
  });
  lines.push(`${clock}  `, `${clock}  Finished running ${tables.length} source${tables.length === 1 ? '' : 's'} in 0 hours 0 minutes and ${seconds(tables.join(','), 1)} seconds.`);
  lines.push(`${clock}  Done.${error > 0 ? ` ${error} source(s) past error_after.` : ''}${warn > 0 ? ` ${warn} source(s) past warn_after.` : ''}`);
  const table = columns([['source', 'max_loaded_at', 'age', 'warn_after', 'error_after', 'status'], ...rows]);
  return { title: 'dbt source freshness', command, body: [...lines, '', '# target/sources.json (max_loaded_at, today unless dated):', table].join('\n') };
}

function sourceName(s: Scenario, tableId: string): string {
  const spec = s.world.tables.find((t) => t.id === tableId);
  return spec?.landing ? `raw.${tableId}` : `analytics.${tableId}`;
}

interface TestResult {
  name: string;
  failures: number;
}

/**
 * `dbt test` on a table, from its live state: not_null per column (against its healthy null
 * share), unique on its key. Tests only look at the rows that are there, so a stale table passes.
 */
export function dbtTestOutput(s: Scenario, state: SimState, tableId: string): Printed {
  const clock = timeOfDay(s.clock, state.t);
  const command = `dbt test --select ${tableId}`;
  const spec = s.world.tables.find((t) => t.id === tableId);
  const table = state.world.tables[tableId];
  if (!spec || !table) return { title: 'dbt test', command, body: [...header(clock, ''), `${clock}  The selection criterion '${tableId}' does not match any enabled nodes`, `${clock}  Nothing to do. Try checking your model configs and model specification args`].join('\n') };
  const m = state.metrics;
  const rows = m[`table.${tableId}.rows`] ?? table.rows;
  const key = spec.columns[0] as string;
  const duplicates = table.windows ? windowedTotals(table.windows).duplicates : (m[`table.${tableId}.duplicates`] ?? 0);
  const tests: TestResult[] = spec.columns.map((column) => {
    const ratio = m[`table.${tableId}.nullRatio:${column}`] ?? spec.nullBaseline[column] ?? 0;
    const baseline = spec.nullBaseline[column] ?? 0;
    // A column with a known null share is tested with a tolerance (warn_if/error_if), as teams configure it.
    const over = Math.max(0, ratio - baseline * 1.5 - 0.001);
    return { name: `not_null_${tableId}_${column}`, failures: Math.round(over * rows) };
  });
  tests.splice(1, 0, { name: `unique_${tableId}_${key}`, failures: Math.round(duplicates) });
  const lines = header(clock, '');
  tests.forEach((test, i) => {
    const head = `${i + 1} of ${tests.length}`;
    lines.push(progress(clock, `${head} START test ${test.name}`, 'RUN'));
    lines.push(progress(clock, `${head} ${test.failures > 0 ? `FAIL ${test.failures}` : 'PASS'} ${test.name}`, `${test.failures > 0 ? `FAIL ${test.failures}` : 'PASS'} in ${seconds(test.name, 0.4)}s`));
  });
  const failed = tests.filter((x) => x.failures > 0);
  lines.push(`${clock}  `, `${clock}  Finished running ${tests.length} data tests in 0 hours 0 minutes and ${seconds(tableId, 2)} seconds.`, `${clock}  `);
  if (failed.length === 0) {
    lines.push(`${clock}  Completed successfully`);
  } else {
    lines.push(`${clock}  Completed with ${failed.length} error${failed.length === 1 ? '' : 's'} and 0 warnings:`);
    for (const test of failed) {
      lines.push(`${clock}  `, `${clock}  Failure in test ${test.name} (models/marts/schema.yml)`, `${clock}    Got ${test.failures} result${test.failures === 1 ? '' : 's'}, configured to fail if != 0`, `${clock}  `, `${clock}    compiled code at target/compiled/analytics/models/marts/schema.yml/${test.name}.sql`);
    }
  }
  lines.push(`${clock}  `, `${clock}  Done. PASS=${tests.length - failed.length} WARN=0 ERROR=${failed.length} SKIP=0 TOTAL=${tests.length}`);
  return { title: `dbt test ${tableId}`, command, body: lines.join('\n') };
}
