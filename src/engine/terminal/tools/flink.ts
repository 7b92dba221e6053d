import type { Effect, JobSpec } from '../../../scenarios/schema';
import type { JobState } from '../../state';
import { localDate, timeOfDay } from '../../wall-clock';
import { flagNames, has, opt, parseFlags, type FlagSpec } from '../flags';
import { parseDateTime, type ShellNames } from '../platform';
import { failed, printed, type Tool, type ToolContext, type ToolResult } from '../types';
import { flinkJobId } from './flink-rest';

const jarDir = '/opt/flink/usrlib';

const help = `flink — the Flink command-line client (job manager flink-jobmanager:8081)

Usage:
  flink list [-r]                         running and restarting jobs, with their JobIDs
  flink run -d [-p <n>] <jar> [args]      submit a job from a jar (detached)
  flink cancel <jobId>                    cancel a job

Jars in ${jarDir}: one per streaming job (<job>.jar). Their program arguments:
  --backfill-from <datetime>    run a bounded job beside the live one that re-reads the
                                job's topic from this time up to the live job's offsets,
                                with the live job's reader settings
                                (a job with event-time windows re-aggregates every window
                                from that time, late events included)
  --sink-mode append|overwrite  how the bounded job writes: append adds rows (the live
                                job's mode), overwrite replaces the hourly partitions it
                                re-reads (default: append)
  --replay-dlq                  re-deliver the job's dead-letter topic through the live
                                job's current reader

Options for run:
  -d, --detached                  submit and return (the console cannot attach)
  -p, --parallelism <n>           parallelism of the submitted job (1 to 64; default 1)`;

const runFlags: FlagSpec = { detached: { value: false, short: 'd' }, parallelism: { value: true, short: 'p' }, class: { value: true, short: 'c' }, help: { value: false, short: 'h' } };
const programFlags: FlagSpec = { 'backfill-from': { value: true }, 'sink-mode': { value: true }, 'replay-dlq': { value: false } };

const flinkJobs = (ctx: ToolContext): JobSpec[] => ctx.s.world.jobs.filter((j) => j.engine === 'flink');

/** The id Flink gives a bounded backfill: stable for the job and the moment it was submitted. */
export function backfillJobId(jobId: string, startedAt: number): string {
  return flinkJobId(`${jobId}-backfill@${startedAt}`);
}

// Flink's CLI prints submission times as dd.MM.yyyy HH:mm:ss in the job manager's local time.
function cliTime(ctx: ToolContext, t: number): string {
  const [y, m, d] = localDate(ctx.s.clock, t).split('-');
  return `${d}.${m}.${y} ${timeOfDay(ctx.s.clock, t)}`;
}

// When the job's bounded backfill (a re-read of its topic, or a re-aggregation of its windows) started; null when none runs.
const backfillStart = (job: JobState): number | null => job.backfill?.startedAt ?? job.lateWindows?.reprocess?.startedAt ?? null;

const statusName = (job: JobState) => (job.status === 'STOPPED' ? 'CANCELED' : job.status);

const listFlags: FlagSpec = { running: { value: false, short: 'r' }, all: { value: false, short: 'a' }, help: { value: false, short: 'h' } };

function list(ctx: ToolContext, args: readonly string[]): ToolResult {
  const f = parseFlags(args, listFlags);
  if (f.unknown) return failed(`Unrecognized option: ${f.unknown}\n\n${help}`, 1);
  const rows: string[] = [];
  const canceled: string[] = [];
  for (const spec of flinkJobs(ctx)) {
    const job = ctx.state.world.jobs[spec.id] as JobState;
    const line = `${cliTime(ctx, ctx.s.clock.worldStartS)} : ${flinkJobId(spec.id)} : ${spec.id} (${statusName(job)})`;
    (job.status === 'STOPPED' ? canceled : rows).push(line);
    const startedAt = backfillStart(job);
    if (startedAt !== null) rows.push(`${cliTime(ctx, startedAt)} : ${backfillJobId(spec.id, startedAt)} : ${spec.id}-backfill (RUNNING)`);
  }
  const rule = '-'.repeat(62);
  const out = ['Waiting for response...'];
  out.push(rows.length === 0 ? 'No running jobs.' : ['------------------ Running/Restarting Jobs -------------------', ...rows, rule].join('\n'));
  out.push('No scheduled jobs.');
  if (has(f, 'all') && canceled.length > 0) out.push(['---------------------- Terminated Jobs -----------------------', ...canceled, rule].join('\n'));
  return printed(out.join('\n'));
}

function submit(ctx: ToolContext, args: readonly string[]): ToolResult {
  const jarAt = args.findIndex((a) => a.endsWith('.jar'));
  const options = parseFlags(jarAt < 0 ? args : args.slice(0, jarAt), runFlags);
  if (has(options, 'help')) return printed(help);
  if (options.unknown) return failed(`Could not parse command line arguments: Unrecognized option: ${options.unknown}`, 1);
  if (options.missingValue) return failed(`Could not parse command line arguments: Missing argument for option: ${options.missingValue.replace(/^-+/, '')}`, 1);
  if (jarAt < 0) return failed('Could not build the program from JAR file: no JAR file was given (flink run -d <jar> …).', 1);
  const jar = args[jarAt] as string;
  const name = jar.replace(/^.*\//, '').replace(/\.jar$/, '');
  const spec = flinkJobs(ctx).find((j) => j.id === name);
  if (!spec || !(jar === `${name}.jar` || jar === `${jarDir}/${name}.jar`)) return failed(`Could not build the program from JAR file: JAR file does not exist: ${jar} (the jars are ${flinkJobs(ctx).map((j) => `${jarDir}/${j.id}.jar`).join(', ')})`, 1);
  if (!has(options, 'detached')) return failed('This console cannot attach to a job: submit it detached with -d.', 1);
  const parallelismText = opt(options, 'parallelism') ?? '1';
  const parallelism = Number(parallelismText);
  if (!Number.isInteger(parallelism) || parallelism < 1 || parallelism > 64) return failed(`The parallelism must be a whole number from 1 to 64, got "${parallelismText}".`, 1);
  const program = parseFlags(args.slice(jarAt + 1), programFlags);
  if (program.unknown) return failed(`${spec.id}: unknown program argument ${program.unknown} (flink --help lists them)`, 1);
  if (program.missingValue) return failed(`${spec.id}: ${program.missingValue} needs a value`, 1);
  const job = ctx.state.world.jobs[spec.id] as JobState;
  if (has(program, 'replay-dlq')) {
    const id = flinkJobId(`${spec.id}-dlq-replay@${ctx.state.t}`);
    return { ...printed(`Job has been submitted with JobID ${id}`), effects: [{ op: 'job.replay-dlq', job: spec.id }], changed: `DLQ replay of ${spec.id} submitted` };
  }
  const from = opt(program, 'backfill-from');
  if (from === undefined) return failed(`${spec.id}: the live job is already deployed (kubectl rollout restart deployment/${spec.id}-taskmanager restarts it); pass --backfill-from <datetime> for a bounded re-read, or --replay-dlq.`, 1);
  const atS = parseDateTime(ctx.s.clock, from, localDate(ctx.s.clock, ctx.state.t));
  if (atS === null) return failed(`${spec.id}: cannot read --backfill-from "${from}" as a datetime (2024-03-11T06:55:00 or 06:55)`, 1);
  if (atS > ctx.state.t) return failed(`${spec.id}: --backfill-from ${from} is in the future`, 1);
  const mode = opt(program, 'sink-mode') ?? 'append';
  if (mode !== 'append' && mode !== 'overwrite') return failed(`${spec.id}: --sink-mode must be append or overwrite, got "${mode}"`, 1);
  const running = backfillStart(job);
  if (running !== null) return failed(`${spec.id}: a backfill is already running (${backfillJobId(spec.id, running)}); wait for it or flink cancel it first.`, 1);
  // A job with event-time windows re-aggregates its windows from the re-read events; others re-deliver records.
  const effect: Effect = job.lateWindows
    ? { op: 'job.reprocess', job: spec.id, atS, ratePerSec: parallelism * job.ratePerInstance, overwrite: mode === 'overwrite' }
    : { op: 'job.backfill', job: spec.id, atS, parallelism, overwrite: mode === 'overwrite' };
  return {
    ...printed(`Job has been submitted with JobID ${backfillJobId(spec.id, ctx.state.t)}`),
    effects: [effect],
    changed: `Backfill of ${spec.id} from ${timeOfDay(ctx.s.clock, atS).slice(0, 5)} submitted (${mode}, parallelism ${parallelism})`,
  };
}

function cancel(ctx: ToolContext, args: readonly string[]): ToolResult {
  const id = args.find((a) => !a.startsWith('-'));
  if (!id) return failed('Missing JobID. Specify a Job ID to cancel a job (flink list shows them).', 1);
  if (!/^[0-9a-f]{32}$/.test(id)) return failed(`Error: Job ID "${id}" is not a 32-character hexadecimal string.`, 1);
  for (const spec of flinkJobs(ctx)) {
    const job = ctx.state.world.jobs[spec.id] as JobState;
    const startedAt = backfillStart(job);
    if (startedAt !== null && backfillJobId(spec.id, startedAt) === id) {
      return { ...printed(`Cancelling job ${id}.\nCancelled job ${id}.`), effects: [{ op: 'job.cancel-backfill', job: spec.id }], changed: `Backfill of ${spec.id} cancelled` };
    }
    if (flinkJobId(spec.id) === id) {
      if (job.status === 'STOPPED') return failed(`Job ${id} is already in a terminal state (CANCELED).`, 1);
      return { ...printed(`Cancelling job ${id}.\nCancelled job ${id}.`), effects: [{ op: 'job.stop', job: spec.id }], changed: `${spec.id} cancelled` };
    }
  }
  return failed(`Could not cancel job ${id}: no such job (flink list shows them).`, 1);
}

function run(ctx: ToolContext, args: readonly string[]): ToolResult {
  const [action, ...rest] = args;
  if (action === undefined || action === '--help' || action === '-h' || action === 'help') return printed(help);
  if (action === 'list') return list(ctx, rest);
  if (action === 'run') return submit(ctx, rest);
  if (action === 'cancel') return cancel(ctx, rest);
  return failed(`"${action}" is not a valid action.\n\nValid actions are "run", "list", "cancel".\n\n${help}`, 1);
}

function complete(n: ShellNames, before: readonly string[]): readonly string[] {
  if (before.length === 0) return ['cancel', 'list', 'run'];
  if (before[0] !== 'run') return [];
  const jarGiven = before.some((w) => w.endsWith('.jar'));
  if (!jarGiven) return [...flagNames(runFlags), ...n.flinkJobIds.map((j) => `${jarDir}/${j}.jar`)];
  if (before.at(-1) === '--sink-mode') return ['append', 'overwrite'];
  return flagNames(programFlags);
}

/** The Flink CLI: list jobs, submit a bounded backfill or a DLQ replay from a job's jar, cancel. */
export const flink: Tool = {
  name: 'flink',
  summary: 'list Flink jobs, submit a backfill or DLQ replay, cancel a job',
  durationS: (args) => (args[0] === 'run' ? 20 : args[0] === 'cancel' ? 8 : 3),
  run,
  complete,
};
