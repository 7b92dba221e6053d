import type { DagSpec } from '../../../scenarios/schema';
import { runId } from '../../reveal/dag-output';
import type { DagRun, DagState } from '../../state';
import { isoLocal, localDate } from '../../wall-clock';
import { has, opt, parseFlags, type FlagSpec } from '../flags';
import { parseDateTime, type ShellNames } from '../platform';
import { failed, printed, type Tool, type ToolContext, type ToolResult } from '../types';
import { poolsSet, variableKeys, variables } from './airflow-settings';

const help = `usage: airflow [-h] GROUP_OR_COMMAND ...

positional arguments:
  GROUP_OR_COMMAND
    Groups
      dags         Manage DAGs (list, list-runs, pause, unpause, trigger, backfill, state)
      jobs         Manage jobs (check)
      pools        Manage pools (list, set)
      tasks        Manage tasks (states-for-dag-run, clear)
      variables    Manage variables (list, get, set): the DAGs' sensor mode, schedule timezone and write mode`;

/** A pipe-separated table as Airflow 2's CLI prints it with `-o table`. */
function table(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] as number)).join(' | ').trimEnd();
  return [line(rows[0] as string[]), widths.map((w) => '='.repeat(w)).join('=+='), ...rows.slice(1).map(line)].join('\n');
}

// A windowed build's run ids name the UTC data-interval start.
function dagWindowed(ctx: ToolContext, spec: DagSpec): boolean {
  return ctx.state.world.tables[spec.build.writes]?.windows !== undefined;
}

function argparseError(sub: string, message: string): ToolResult {
  return failed(`usage: airflow ${sub} [-h] ...\nairflow ${sub}: error: ${message}`, 2);
}

function dagOf(ctx: ToolContext, id: string | undefined): { spec: DagSpec; dag: DagState } | string {
  const spec = ctx.s.world.dags.find((d) => d.id === id);
  const dag = spec && ctx.state.world.dags[spec.id];
  if (!id) return 'the following arguments are required: dag_id';
  return spec && dag ? { spec, dag } : `Dag id ${id} not found`;
}

function iso(ctx: ToolContext, t: number | null): string {
  // With no declared UTC offset the platform's clock is UTC and, like the run ids, printed without one.
  return t === null ? '' : isoLocal(ctx.s.clock, t);
}

function run(ctx: ToolContext, args: readonly string[]): ToolResult {
  const [group, command, ...rest] = args;
  if (group === undefined || group === '-h' || group === '--help') return printed(help);
  if (group === 'dags') return dags(ctx, command, rest);
  if (group === 'tasks') return tasks(ctx, command, rest);
  if (group === 'pools') return command === 'list' ? pools(ctx) : command === 'set' ? poolsSet(ctx, rest) : argparseError('pools', `argument COMMAND: invalid choice: '${command ?? ''}' (choose from 'list', 'set')`);
  if (group === 'variables') return variables(ctx, command, rest);
  if (group === 'jobs') return command === 'check' ? jobsCheck(ctx) : argparseError('jobs', `argument COMMAND: invalid choice: '${command ?? ''}' (choose from 'check')`);
  return failed(`usage: airflow [-h] GROUP_OR_COMMAND ...\nairflow command error: argument GROUP_OR_COMMAND: invalid choice: '${group}' (choose from 'dags', 'jobs', 'pools', 'tasks', 'variables'), see help above.`, 2);
}

const runFlags: FlagSpec = { 'dag-id': { value: true, short: 'd' }, output: { value: true, short: 'o' }, state: { value: true }, 'start-date': { value: true, short: 's' }, 'end-date': { value: true, short: 'e' }, yes: { value: false, short: 'y' }, 'only-failed': { value: false, short: 'f' }, 'only-running': { value: false, short: 'r' }, help: { value: false, short: 'h' }, 'no-backfill': { value: false } };

function dags(ctx: ToolContext, command: string | undefined, args: readonly string[]): ToolResult {
  const f = parseFlags(args, runFlags);
  if (f.unknown) return argparseError(`dags ${command ?? ''}`, `unrecognized arguments: ${f.unknown}`);
  if (has(f, 'help')) return printed(`usage: airflow dags ${command ?? ''} [-h] ...\n\nSee 'airflow dags --help'.`);
  const { s } = ctx;
  switch (command) {
    case 'list':
      return printed(table([['dag_id', 'fileloc', 'owners', 'is_paused'], ...s.world.dags.map((d) => [d.id, `/opt/airflow/dags/${d.id}.py`, 'data-platform', String(ctx.state.world.dags[d.id]?.paused ?? false)]).sort((a, b) => (a[0] as string).localeCompare(b[0] as string))]));
    case 'list-runs': {
      const found = dagOf(ctx, opt(f, 'dag-id'));
      if (typeof found === 'string') return opt(f, 'dag-id') ? failed(`Dag id ${opt(f, 'dag-id')} not found in DagModel`) : argparseError('dags list-runs', 'the following arguments are required: -d/--dag-id');
      const wanted = opt(f, 'state');
      const runs = [...found.dag.runs].reverse().filter((r) => (wanted ? r.state === wanted : true)).filter((r) => (has(f, 'no-backfill') ? r.runType !== 'backfill' : true));
      if (runs.length === 0) return printed('No data found');
      return printed(table([['dag_id', 'run_id', 'state', 'execution_date', 'start_date', 'end_date'], ...runs.map((r) => [found.spec.id, idOf(ctx, found.spec, r), r.state, iso(ctx, r.logicalTime), iso(ctx, r.sensorStartedAt ?? (r.state === 'queued' ? null : r.queuedAt)), iso(ctx, r.endedAt)])]));
    }
    case 'pause':
    case 'unpause': {
      const found = dagOf(ctx, f.positionals[0]);
      if (typeof found === 'string') return found.startsWith('the following') ? argparseError(`dags ${command}`, found) : failed(found);
      const paused = command === 'pause';
      return { ...printed(`Dag: ${found.spec.id}, paused: ${paused ? 'True' : 'False'}`), effects: [{ op: paused ? 'dag.pause' : 'dag.unpause', dag: found.spec.id }], changed: `DAG ${found.spec.id} ${paused ? 'paused' : 'unpaused'}` };
    }
    case 'trigger': {
      const found = dagOf(ctx, f.positionals[0]);
      if (typeof found === 'string') return found.startsWith('the following') ? argparseError('dags trigger', found) : failed(found);
      const logical = Math.floor(ctx.state.t / found.spec.everyS) * found.spec.everyS;
      return { ...printed(`Created <DagRun ${found.spec.id} @ ${iso(ctx, logical)}: ${runId(s, found.spec, logical, 'manual', dagWindowed(ctx, found.spec))}, state:queued, queued_at: ${iso(ctx, ctx.state.t)}. externally triggered: True>`), effects: [{ op: 'dag.trigger', dag: found.spec.id }], changed: `DAG ${found.spec.id} triggered` };
    }
    case 'backfill': {
      const found = dagOf(ctx, f.positionals[0]);
      if (typeof found === 'string') return found.startsWith('the following') ? argparseError('dags backfill', found) : failed(found);
      const range = dateRange(ctx, opt(f, 'start-date'), opt(f, 'end-date'));
      if (typeof range === 'string') return argparseError('dags backfill', range);
      const runs = Math.max(0, Math.ceil((range.toS - Math.ceil(range.fromS / found.spec.everyS) * found.spec.everyS) / found.spec.everyS));
      return { ...printed(`[backfill] ${runs} run(s) of ${found.spec.id} queued for ${localDate(s.clock, range.fromS)} ${iso(ctx, range.fromS).slice(11, 19)} → ${iso(ctx, range.toS).slice(11, 19)}; the scheduler runs them as worker slots free up.`), effects: [{ op: 'dag.backfill', dag: found.spec.id, fromS: range.fromS, toS: range.toS }], changed: `Backfill of ${found.spec.id} queued (${runs} runs)` };
    }
    case 'state': {
      const found = dagOf(ctx, f.positionals[0]);
      if (typeof found === 'string') return failed(found);
      const date = f.positionals[1];
      const at = date ? parseDateTime(s.clock, date, localDate(s.clock, ctx.state.t)) : null;
      const r = at === null ? undefined : found.dag.runs.find((x) => x.logicalTime === at);
      return r ? printed(r.state) : failed(`DagRun for ${found.spec.id} with logical date ${date ?? ''} not found`);
    }
    default:
      return argparseError('dags', `argument COMMAND: invalid choice: '${command ?? ''}' (choose from 'backfill', 'list', 'list-runs', 'pause', 'state', 'trigger', 'unpause')`);
  }
}

function tasks(ctx: ToolContext, command: string | undefined, args: readonly string[]): ToolResult {
  const f = parseFlags(args, runFlags);
  if (f.unknown) return argparseError(`tasks ${command ?? ''}`, `unrecognized arguments: ${f.unknown}`);
  if (command === 'states-for-dag-run') {
    const found = dagOf(ctx, f.positionals[0]);
    if (typeof found === 'string') return found.startsWith('the following') ? argparseError('tasks states-for-dag-run', 'the following arguments are required: dag_id, execution_date_or_run_id') : failed(found);
    const wanted = f.positionals[1];
    if (!wanted) return argparseError('tasks states-for-dag-run', 'the following arguments are required: execution_date_or_run_id');
    const r = found.dag.runs.find((x) => idOf(ctx, found.spec, x) === wanted || iso(ctx, x.logicalTime) === wanted);
    if (!r) return failed(`DagRun with run_id or execution_date of '${wanted}' not found`);
    return printed(
      table([
        ['dag_id', 'execution_date', 'task_id', 'state', 'start_date', 'end_date'],
        [found.spec.id, iso(ctx, r.logicalTime), found.spec.sensor.task, r.sensor, iso(ctx, r.sensorStartedAt), iso(ctx, r.sensor === 'success' || r.sensor === 'failed' ? (r.buildStartedAt ?? r.endedAt) : null)],
        [found.spec.id, iso(ctx, r.logicalTime), found.spec.build.task, r.build, iso(ctx, r.buildStartedAt), iso(ctx, r.build === 'success' || r.build === 'failed' ? r.endedAt : null)],
      ]),
    );
  }
  if (command === 'clear') {
    const found = dagOf(ctx, f.positionals[0]);
    if (typeof found === 'string') return found.startsWith('the following') ? argparseError('tasks clear', found) : failed(found);
    if (!has(f, 'yes')) return failed('You are about to clear task instances; re-run with -y (--yes) to confirm: this console cannot answer an interactive prompt.');
    if (has(f, 'only-failed')) {
      const n = found.dag.runs.filter((r) => r.state === 'failed').length;
      return { ...printed(n === 0 ? 'No task instances to clear' : `Cleared ${n * 2} task instance(s) in ${n} failed run(s) of ${found.spec.id}`), effects: n > 0 ? [{ op: 'dag.clear', dag: found.spec.id }] : [], ...(n > 0 ? { changed: `Failed runs of ${found.spec.id} cleared` } : {}) };
    }
    if (has(f, 'only-running')) {
      const n = found.dag.runs.filter((r) => r.state === 'running' || r.state === 'queued').length;
      if (n === 0) return printed('No task instances to clear');
      return { ...printed(`Cleared the running task instances of ${n} run(s) of ${found.spec.id}; their worker slots are free${found.dag.paused ? ' (the DAG is paused: the runs end failed)' : ' (the DAG is active: the runs queue again)'}.`), effects: [{ op: 'dag.clear-running', dag: found.spec.id }], changed: `Running tasks of ${found.spec.id} cleared` };
    }
    const range = dateRange(ctx, opt(f, 'start-date'), opt(f, 'end-date'));
    if (typeof range === 'string') return argparseError('tasks clear', `${range} (or pass --only-failed or --only-running)`);
    return { ...printed(`Cleared the task instances of ${found.spec.id} from ${iso(ctx, range.fromS)} to ${iso(ctx, range.toS)}; they run again with the DAG's current code.`), effects: [{ op: 'dag.rerun', dag: found.spec.id, fromS: range.fromS, toS: range.toS }], changed: `${found.spec.id} re-run for ${iso(ctx, range.fromS).slice(11, 16)}–${iso(ctx, range.toS).slice(11, 16)}` };
  }
  return argparseError('tasks', `argument COMMAND: invalid choice: '${command ?? ''}' (choose from 'clear', 'states-for-dag-run')`);
}

function dateRange(ctx: ToolContext, start: string | undefined, end: string | undefined): { fromS: number; toS: number } | string {
  if (!start || !end) return 'the following arguments are required: -s/--start-date, -e/--end-date';
  const today = localDate(ctx.s.clock, ctx.state.t);
  const fromS = parseDateTime(ctx.s.clock, start, today);
  const toS = parseDateTime(ctx.s.clock, end, today);
  if (fromS === null) return `argument -s/--start-date: invalid parse value: '${start}'`;
  if (toS === null) return `argument -e/--end-date: invalid parse value: '${end}'`;
  if (toS <= fromS) return `end date ${end} is not after start date ${start}`;
  return { fromS, toS };
}

function idOf(ctx: ToolContext, spec: DagSpec, r: DagRun): string {
  return runId(ctx.s, spec, r.logicalTime, r.runType, dagWindowed(ctx, spec));
}

function pools(ctx: ToolContext): ToolResult {
  const slots = ctx.state.world.scheduler?.slots ?? ctx.s.world.workerSlots;
  return printed(table([['pool', 'slots', 'description'], ['default_pool', String(slots), 'Default pool']]));
}

function jobsCheck(ctx: ToolContext): ToolResult {
  const scheduler = ctx.state.world.scheduler;
  if (!scheduler || ctx.state.t - scheduler.lastHeartbeatAt <= 30) return printed('Found one alive job.');
  return failed('No alive jobs found.');
}

function complete(n: ShellNames, before: readonly string[]): readonly string[] {
  if (before.length === 0) return ['dags', 'jobs', 'pools', 'tasks', 'variables'];
  const [group, command] = before;
  if (before.length === 1) return group === 'dags' ? ['backfill', 'list', 'list-runs', 'pause', 'state', 'trigger', 'unpause'] : group === 'tasks' ? ['clear', 'states-for-dag-run'] : group === 'pools' ? ['list', 'set'] : group === 'jobs' ? ['check'] : group === 'variables' ? ['get', 'list', 'set'] : [];
  if (group === 'variables') return before.length === 2 && command !== 'list' ? variableKeys(n.dags) : [];
  if (group === 'pools') return command === 'set' && before.length === 2 ? ['default_pool'] : [];
  if (command === 'list-runs' && before.at(-1) !== '-d') return ['-d', '--state', '--no-backfill'];
  return [...n.dags, '-s', '-e', '-y', '--only-failed', '--only-running'];
}

/** The Airflow 2 CLI: DAG runs and task states, pause and unpause, trigger, backfill, clear, pools, variables, the scheduler's liveness. */
export const airflow: Tool = {
  name: 'airflow',
  summary: 'DAG runs, task states, pause/unpause, trigger, backfill, clear, pools, variables, scheduler check',
  durationS: (args) => (args[0] === 'dags' && ['backfill', 'trigger', 'pause', 'unpause'].includes(args[1] ?? '') ? 6 : args[0] === 'tasks' && args[1] === 'clear' ? 6 : args[1] === 'set' ? 6 : 4),
  run,
  complete,
};
