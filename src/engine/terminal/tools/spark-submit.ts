import { lookup } from '../../scenario-lookup';
import { tableModel } from '../../sql/table-model';
import { tableRoles } from '../../sql/table-roles';
import { localDate, timeOfDay } from '../../wall-clock';
import { columns } from '../../reveal/render-reveal';
import { has, opt, parseFlags, type FlagSpec } from '../flags';
import type { ShellNames } from '../platform';
import { failed, printed, type Tool, type ToolContext, type ToolResult } from '../types';

const jobsDir = '/opt/spark/jobs';
const dedupeJob = `${jobsDir}/dedupe_by_key.py`;
const sparkVersion = '3.5.1';

const help = `Usage: spark-submit [options] <app jar | python file | R file> [app arguments]

Options:
  --master MASTER_URL         k8s://https://kubernetes.default.svc:443 (set in spark-defaults.conf)
  --deploy-mode DEPLOY_MODE   Whether to launch the driver program locally ("client") or
                              on one of the worker machines inside the cluster ("cluster")
                              (Default: client).
  --name NAME                 A name of your application.
  --conf, -c PROP=VALUE       Arbitrary Spark configuration property.
  --verbose, -v               Print additional debug output.
  -h, --help                  Show this help message and exit.
  --version,                  Print the version of current Spark.

The lake's maintenance jobs, in ${jobsDir}:
  dedupe_by_key.py --table TABLE --key COLUMN [--dry-run]
      rewrite a table that a streaming sink appends to, keeping one row per key (the
      earliest ingested); --dry-run counts the duplicate rows per dt partition and
      writes nothing`;

const submitFlags: FlagSpec = {
  master: { value: true },
  'deploy-mode': { value: true },
  name: { value: true },
  conf: { value: true, short: 'c' },
  verbose: { value: false, short: 'v' },
  help: { value: false, short: 'h' },
  version: { value: false },
};
const dedupeFlags: FlagSpec = { table: { value: true }, key: { value: true }, 'dry-run': { value: false }, help: { value: false, short: 'h' } };
const dedupeUsage = 'usage: dedupe_by_key.py [-h] --table TABLE --key KEY [--dry-run]';

/** How long the job runs, read from its arguments: a dry run only scans. */
function durationS(args: readonly string[]): number {
  if (args.includes('--help') || args.includes('-h') || args.includes('--version') || !args.some((a) => a.endsWith('.py'))) return 2;
  return args.includes('--dry-run') ? 45 : 120;
}

// Spark's log4j console lines: `24/03/14 11:42:05 INFO SparkContext: …`.
function sparkLog(ctx: ToolContext, t: number, text: string): string {
  return `${localDate(ctx.s.clock, t).slice(2).replaceAll('-', '/')} ${timeOfDay(ctx.s.clock, t)} INFO ${text}`;
}

function run(ctx: ToolContext, args: readonly string[]): ToolResult {
  const appAt = args.findIndex((a) => !a.startsWith('-') && /\.(py|jar|R)$/.test(a));
  const options = parseFlags(appAt < 0 ? args : args.slice(0, appAt), submitFlags);
  if (has(options, 'help') || args.length === 0) return printed(help);
  if (has(options, 'version')) return printed(`Welcome to Spark version ${sparkVersion}\nUsing Scala version 2.12.18, OpenJDK 64-Bit Server VM, 17.0.10`);
  if (options.unknown) return failed(`Error: Unrecognized option: ${options.unknown}\n\n${help}`);
  if (options.missingValue) return failed(`Error: Missing argument for option '${options.missingValue.replace(/^-+/, '')}'.\n\n${help}`);
  if (appAt < 0) return failed(`Error: Missing application resource.\n\n${help}`);
  const mode = opt(options, 'deploy-mode') ?? 'client';
  if (mode !== 'client' && mode !== 'cluster') return failed(`Error: Deploy mode must be either client or cluster`);
  if (mode === 'cluster') return failed('Error: the on-call host submits maintenance jobs in client mode only (--deploy-mode client), so their output is printed here.');
  const app = args[appAt] as string;
  if (app !== dedupeJob && app !== 'dedupe_by_key.py') return failed(`python3: can't open file '${app}': [Errno 2] No such file or directory (the maintenance jobs are in ${jobsDir}: dedupe_by_key.py)`, 2);
  return dedupe(ctx, args.slice(appAt + 1));
}

function dedupe(ctx: ToolContext, args: readonly string[]): ToolResult {
  const f = parseFlags(args, dedupeFlags);
  if (has(f, 'help')) return printed(`${dedupeUsage}\n\nRewrite an append-only lake table keeping one row per key.\n\noptions:\n  -h, --help     show this help message and exit\n  --table TABLE  the table to rewrite\n  --key KEY      the column that identifies one event\n  --dry-run      count the duplicate rows per dt partition and write nothing`);
  if (f.unknown) return failed(`${dedupeUsage}\ndedupe_by_key.py: error: unrecognized arguments: ${f.unknown}`, 2);
  if (f.missingValue) return failed(`${dedupeUsage}\ndedupe_by_key.py: error: argument ${f.missingValue}: expected one argument`, 2);
  if (f.positionals.length > 0) return failed(`${dedupeUsage}\ndedupe_by_key.py: error: unrecognized arguments: ${f.positionals.join(' ')}`, 2);
  const missing = ['table', 'key'].filter((k) => !has(f, k));
  if (missing.length > 0) return failed(`${dedupeUsage}\ndedupe_by_key.py: error: the following arguments are required: ${missing.map((k) => `--${k}`).join(', ')}`, 2);
  const tableId = opt(f, 'table') as string;
  const key = opt(f, 'key') as string;
  const roles = tableRoles(ctx.s, tableId);
  if (!roles) return failed(`pyspark.errors.exceptions.captured.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view \`lake\`.\`${tableId}\` cannot be found. Verify the spelling and correctness of the schema and catalog.`, 1);
  if (!roles.columns.some((c) => c.name === key)) {
    return failed(`pyspark.errors.exceptions.captured.AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name \`${key}\` cannot be resolved. Did you mean one of the following? [${roles.columns.map((c) => `\`${c.name}\``).join(', ')}].`, 1);
  }
  if (!lookup(ctx.s).jobOfTable.has(tableId)) return failed(`dedupe_by_key: ${tableId} is not appended to by a streaming sink; it is rebuilt from its sources, so rebuild it there instead.`, 1);
  if (key !== roles.key) return failed(`dedupe_by_key: refusing to dedupe ${tableId} on ${key}: the table's row key (TBLPROPERTIES 'row.key') is ${roles.key ?? 'not set'}; collapsing rows on any other column deletes distinct events.`, 1);
  const dryRun = has(f, 'dry-run');
  const dates = rowsByDate(ctx, tableId);
  const total = dates.reduce((n, [, e]) => n + e.duplicates, 0);
  const t0 = ctx.state.t - durationS(dryRun ? ['x.py', '--dry-run'] : ['x.py']);
  const lines = [
    sparkLog(ctx, t0, `SparkContext: Running Spark version ${sparkVersion}`),
    sparkLog(ctx, t0, `SparkContext: Submitted application: dedupe_by_key ${tableId}`),
    `dedupe_by_key: ${tableId}, one row per ${key} (the earliest ingested)${dryRun ? ', dry run' : ''}`,
    columns([['dt', 'rows', `distinct ${key}`, 'duplicate rows'], ...dates.map(([dt, e]) => [dt, String(e.rows), String(e.rows - e.duplicates), String(e.duplicates)])]),
    dryRun ? `dedupe_by_key: dry run: ${total} duplicate rows would be deleted; nothing written.` : total === 0 ? `dedupe_by_key: no duplicate rows; nothing written.` : `dedupe_by_key: MERGE INTO ${tableId} committed: ${total} duplicate rows deleted.`,
    sparkLog(ctx, ctx.state.t, 'SparkContext: Successfully stopped SparkContext'),
  ];
  const out = printed(lines.join('\n'));
  if (dryRun || total === 0) return out;
  return { ...out, effects: [{ op: 'table.dedupe', table: tableId }], changed: `${tableId} deduplicated on ${key} (${total} duplicate rows deleted)` };
}

// Rows and duplicate rows per dt partition: the table's totals (as every tool counts them) when the world
// holds one day, else split as the warehouse's table model places them.
function rowsByDate(ctx: ToolContext, tableId: string): [string, { rows: number; duplicates: number }][] {
  const { clock } = ctx.s;
  const today = localDate(clock, ctx.state.t);
  if (localDate(clock, clock.worldStartS) === today) {
    const rows = ctx.state.metrics[`table.${tableId}.rows`] ?? 0;
    return rows > 0 ? [[today, { rows, duplicates: ctx.state.metrics[`table.${tableId}.duplicates`] ?? 0 }]] : [];
  }
  const byDate = new Map<string, { rows: number; duplicates: number }>();
  for (const cell of tableModel(ctx.s, ctx.state, tableId)?.cells ?? []) {
    const dt = localDate(clock, cell.from);
    const entry = byDate.get(dt) ?? { rows: 0, duplicates: 0 };
    entry.rows += cell.rows;
    entry.duplicates += cell.duplicates;
    byDate.set(dt, entry);
  }
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function complete(n: ShellNames, before: readonly string[]): readonly string[] {
  if (!before.some((w) => w.endsWith('.py'))) return ['--deploy-mode', '--help', '--master', '--name', '--version', dedupeJob];
  if (before.at(-1) === '--table') return n.tables;
  if (before.at(-1) === '--key') return [];
  return ['--dry-run', '--key', '--table'];
}

/** spark-submit: runs the lake's maintenance jobs (a dedupe of an append-only table) in client mode. */
export const sparkSubmit: Tool = { name: 'spark-submit', summary: 'run a lake maintenance job (dedupe a table on its key)', durationS, run, complete };
