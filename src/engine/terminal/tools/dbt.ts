import { dbtSourceFreshnessOutput, dbtTestOutput } from '../../reveal/dbt-output';
import { has, parseFlags, type FlagSpec } from '../flags';
import { parseFlowYaml } from '../flow-yaml';
import type { ShellNames } from '../platform';
import { failed, printed, type Tool, type ToolContext, type ToolResult } from '../types';

const spec: FlagSpec = { select: { value: true, short: 's' }, models: { value: true, short: 'm' }, help: { value: false, short: 'h' }, 'full-refresh': { value: false }, target: { value: true, short: 't' }, args: { value: true } };

const help = `Usage: dbt [OPTIONS] COMMAND [ARGS]...

  An ELT tool for managing your SQL transformations and data models.

Commands:
  source  Manage your project's sources (freshness)
  test    Runs tests on data in deployed models (--select)
  run     Compile SQL and execute against the current target database (--select)
  run-operation  Run the named macro with any supplied arguments (--args '{key: value}')

This project's operations (macros/ops/):
  mark_provisional  --args '{model: <model>, hours: <n>}'
      label a model's most recent n hours provisional in the BI layer (0 marks them all final)`;

const operationUsage = "Usage: dbt run-operation [OPTIONS] MACRO\n\n  Run the named macro with any supplied arguments.\n\nOptions:\n  --args YAML  Supply arguments to the macro. This dictionary will be mapped to the keyword arguments defined in the selected macro. This argument should be a YAML string, eg. '{my_variable: my_value}'";

// `--select source:billing.invoices`, `--select revenue_mart`, `--select +revenue_mart`.
function selected(ctx: ToolContext, selectors: readonly string[], kind: 'source' | 'model'): { tables: string[]; unknown: string | null } {
  const tables: string[] = [];
  for (const raw of selectors.flatMap((x) => x.split(/[\s,]+/)).filter(Boolean)) {
    const name = raw.replace(/^\+|\+$/g, '').replace(/^source:/, '').replace(/^(raw|analytics)\./, '');
    const table = ctx.s.world.tables.find((t) => t.id === name);
    if (!table) return { tables, unknown: raw };
    if (kind === 'source' && !raw.startsWith('source:')) return { tables, unknown: raw };
    tables.push(table.id);
  }
  return { tables, unknown: null };
}

function run(ctx: ToolContext, args: readonly string[]): ToolResult {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h') return printed(help);
  const sub = command === 'source' ? rest[0] : null;
  const f = parseFlags(command === 'source' ? rest.slice(1) : rest, spec);
  if (f.unknown) return failed(`Usage: dbt ${command} [OPTIONS]\nTry 'dbt ${command} -h' for help.\n\nError: No such option: ${f.unknown}`, 2);
  if (has(f, 'help')) return printed(`Usage: dbt ${command} [OPTIONS]\n\n  --select, -s TEXT  Specify the nodes to include.`);
  const selectors = [...(f.opts.select ?? []), ...(f.opts.models ?? []), ...f.positionals];
  if (command === 'source') {
    if (sub !== 'freshness') return failed(`Usage: dbt source [OPTIONS] COMMAND [ARGS]...\nTry 'dbt source -h' for help.\n\nError: No such command '${sub ?? ''}'.`, 2);
    const sources = ctx.s.world.tables.filter((t) => t.landing).map((t) => t.id);
    const picked = selectors.length === 0 ? { tables: sources.length > 0 ? sources : ctx.s.world.tables.map((t) => t.id), unknown: null } : selected(ctx, selectors, 'source');
    if (picked.unknown) return nothingMatches(picked.unknown);
    const out = dbtSourceFreshnessOutput(ctx.s, ctx.state, picked.tables).body;
    return { ...printed(out), exit: /ERROR STALE/.test(out) ? 1 : 0 };
  }
  if (command === 'test') {
    const picked = selected(ctx, selectors, 'model');
    if (picked.unknown) return nothingMatches(picked.unknown);
    if (picked.tables.length === 0) return failed('This console runs dbt test on a selection: dbt test --select <model>', 2);
    const bodies = picked.tables.map((t) => dbtTestOutput(ctx.s, ctx.state, t).body);
    const out = bodies.join('\n');
    return { ...printed(out), exit: /ERROR=[1-9]/.test(out) ? 1 : 0 };
  }
  if (command === 'run-operation') return runOperation(ctx, f);
  if (command === 'run') {
    const picked = selected(ctx, selectors, 'model');
    if (picked.unknown) return nothingMatches(picked.unknown);
    if (picked.tables.length === 0) return failed('This console runs dbt run on a selection: dbt run --select <model>', 2);
    // Models are built by their DAG's build task; a manual run is a manual trigger of that DAG.
    const dags = picked.tables.map((t) => ctx.s.world.dags.find((d) => d.build.writes === t));
    const missing = picked.tables.find((_, i) => !dags[i]);
    if (missing) return failed(`${missing} is not a dbt model (it is loaded by a streaming job or an upstream extract); nothing to run.`);
    return {
      ...printed(`Running with dbt=1.8.7\nQueued ${picked.tables.map((t, i) => `${t} (via ${dags[i]?.id}, manual run)`).join(', ')}.\nThe build runs on the Airflow workers; follow it with: airflow dags list-runs -d ${dags[0]?.id}`),
      effects: dags.flatMap((d) => (d ? [{ op: 'dag.trigger' as const, dag: d.id }] : [])),
      changed: `dbt run queued for ${picked.tables.join(', ')}`,
    };
  }
  return failed(`Usage: dbt [OPTIONS] COMMAND [ARGS]...\nTry 'dbt -h' for help.\n\nError: No such command '${command}'.`, 2);
}

// `dbt run-operation mark_provisional --args '{model: m, hours: 12}'`: the project's one operation.
function runOperation(ctx: ToolContext, f: ReturnType<typeof parseFlags>): ToolResult {
  if (has(f, 'help')) return printed(operationUsage);
  const [macro, extra] = f.positionals;
  if (macro === undefined) return failed(`${operationUsage.split('\n')[0]}\nTry 'dbt run-operation -h' for help.\n\nError: Missing argument 'MACRO'.`, 2);
  if (extra !== undefined) return failed(`${operationUsage.split('\n')[0]}\nTry 'dbt run-operation -h' for help.\n\nError: Got unexpected extra argument (${extra})`, 2);
  const banner = 'Running with dbt=1.8.7';
  if (macro !== 'mark_provisional') return failed(`${banner}\nEncountered an error while running operation: Runtime Error\n  dbt could not find a macro with the name '${macro}' in any package`, 1);
  let args: unknown;
  try {
    args = parseFlowYaml(f.opts.args?.at(-1) ?? '{}');
  } catch {
    return failed(`${banner}\nEncountered an error while running operation: Runtime Error\n  The --args argument must be a YAML dictionary, e.g. '{model: my_model, hours: 12}'`, 1);
  }
  const a = (args !== null && typeof args === 'object' && !Array.isArray(args) ? args : {}) as Record<string, unknown>;
  const model = a.model;
  const hours = a.hours;
  if (typeof model !== 'string') return failed(`${banner}\nEncountered an error while running operation: Compilation Error in macro mark_provisional (macros/ops/mark_provisional.sql)\n  mark_provisional() missing 1 required argument: 'model'`, 1);
  if (!ctx.s.world.tables.some((t) => t.id === model)) return failed(`${banner}\nEncountered an error while running operation: Compilation Error in macro mark_provisional (macros/ops/mark_provisional.sql)\n  Model '${model}' was not found in this project`, 1);
  if (typeof hours !== 'number' || !Number.isInteger(hours) || hours < 0 || hours > 168) {
    return failed(`${banner}\nEncountered an error while running operation: Compilation Error in macro mark_provisional (macros/ops/mark_provisional.sql)\n  hours must be a whole number of hours from 0 to 168, got ${JSON.stringify(hours ?? null)}`, 1);
  }
  const said = hours === 0 ? `every partition of ${model} is final` : `the last ${hours} h of ${model} are provisional`;
  return {
    ...printed(`${banner}\nRegistered adapter: trino=1.8.1\nmark_provisional: ${said} (table property 'provisional.window.hours'='${hours}', read by the BI layer).`),
    effects: [{ op: 'table.set-provisional', table: model, windowS: hours * 3600 }],
    changed: `${model}: ${said}`,
  };
}

function nothingMatches(selector: string): ToolResult {
  return { ...printed(`Running with dbt=1.8.7\n[WARNING]: The selection criterion '${selector}' does not match any enabled nodes\nNothing to do. Try checking your model configs and model specification args`), exit: 0 };
}

function complete(n: ShellNames, before: readonly string[]): readonly string[] {
  if (before.length === 0) return ['run', 'run-operation', 'source', 'test'];
  if (before[0] === 'run-operation') return before.length === 1 ? ['mark_provisional'] : ['--args'];
  if (before[0] === 'source' && before.length === 1) return ['freshness'];
  if (before.at(-1) === '--select' || before.at(-1) === '-s') return before[0] === 'source' ? n.tables.map((t) => `source:${t}`) : n.tables;
  return ['--select'];
}

/** dbt: source freshness, tests and manual model runs against the warehouse. */
export const dbt: Tool = {
  name: 'dbt',
  summary: 'source freshness, tests (--select), model runs and the project’s operations',
  durationS: (args) => (args[0] === 'run' ? 20 : args[0] === 'test' ? 25 : args[0] === 'source' ? 15 : args[0] === 'run-operation' ? 12 : 1),
  run,
  complete,
};
