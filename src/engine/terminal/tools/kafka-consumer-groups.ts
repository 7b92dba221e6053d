import type { JobSpec } from '../../../scenarios/schema';
import { consumerGroupOutput } from '../../reveal/kafka-output';
import { columns } from '../../reveal/render-reveal';
import { offsetAt } from '../../world/offset-index';
import { localDate, timeOfDay } from '../../wall-clock';
import { flagNames, has, parseFlags, type FlagSpec } from '../flags';
import { bootstrapServer, jobOfGroup, type ShellNames, parseDateTime, parseIsoDuration } from '../platform';
import { memberId } from '../../world/member-id';
import { kafkaCliProblem } from './kafka-cli';
import { failed, printed, type Tool, type ToolContext, type ToolResult } from '../types';

const spec: FlagSpec = {
  'bootstrap-server': { value: true },
  list: { value: false },
  describe: { value: false },
  group: { value: true },
  'all-groups': { value: false },
  members: { value: false },
  offsets: { value: false },
  state: { value: false },
  verbose: { value: false },
  'reset-offsets': { value: false },
  topic: { value: true },
  'all-topics': { value: false },
  'to-earliest': { value: false },
  'to-latest': { value: false },
  'to-current': { value: false },
  'to-offset': { value: true },
  'shift-by': { value: true },
  'to-datetime': { value: true },
  'by-duration': { value: true },
  'dry-run': { value: false },
  execute: { value: false },
  help: { value: false },
};

const help = `This tool helps to list all consumer groups, describe a consumer group, delete consumer group info, or reset consumer group offsets.
Option                                  Description
------                                  -----------
--all-groups                            Apply to all consumer groups.
--all-topics                            Consider all topics assigned to a group in the \`reset-offsets\` process.
--bootstrap-server <String: server to   REQUIRED: The server(s) to connect to.
  connect to>
--by-duration <String: duration>        Reset offsets to offset by duration from current timestamp. Format: 'PnDTnHnMnS'
--describe                              Describe consumer group and list offset lag (number of messages not yet processed) related to given group.
--dry-run                               Only show results without executing changes on Consumer Groups. Supported operations: reset-offsets.
--execute                               Execute operation. Supported operations: reset-offsets.
--group <String: consumer group>        The consumer group we wish to act on.
--help                                  Print usage information.
--list                                  List all consumer groups.
--members                               Describe members of the group. This option may be used with '--describe' and '--bootstrap-server' options only.
--offsets                               Describe the group and list all topic partitions in the group along with their offset lag. This is the default sub-action.
--reset-offsets                         Reset offsets of consumer group. Supports one consumer group at the time, and instances should be inactive.
                                        You must choose one of the following reset specifications: --to-datetime, --by-duration, --to-earliest, --to-latest, --shift-by, --to-current, --to-offset.
                                        To define the scope use --all-topics or --topic. One scope must be specified unless you use '--from-file'.
--shift-by <Long: number-of-offsets>    Reset offsets shifting current offset by 'n', where 'n' can be positive or negative.
--state                                 When specified with '--describe', includes the state of the group.
--to-current                            Reset offsets to current offset.
--to-datetime <String: datetime>        Reset offsets to offset from datetime. Format: 'YYYY-MM-DDTHH:mm:SS.sss'
--to-earliest                           Reset offsets to earliest offset.
--to-latest                             Reset offsets to latest offset.
--to-offset <Long: offset>              Reset offsets to a specific offset.
--topic <String: topic>                 The topic whose consumer group information should be deleted or topic whose should be included in the reset offset process. In \`reset-offsets\` case, partitions can be specified using this format: \`topic1:0,1,2\`, where 0,1,2 are the partition to be included in the process.
--verbose                               Provide additional information, if any, when describing the group.`;

const resetSpecs = ['to-datetime', 'by-duration', 'to-earliest', 'to-latest', 'shift-by', 'to-current', 'to-offset'] as const;

function run(ctx: ToolContext, args: readonly string[]): ToolResult {
  const f = parseFlags(args, spec);
  if (has(f, 'help')) return printed(help);
  const problem = kafkaCliProblem(f, help);
  if (problem) return problem;
  const actions = ['list', 'describe', 'reset-offsets'].filter((a) => has(f, a));
  if (actions.length !== 1) return failed(`Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets\n${help.split('\n')[0]}`);
  const groups = [...new Set(ctx.s.world.jobs.map((j) => j.group))].sort();
  if (has(f, 'list')) return printed(groups.join('\n'));
  const wanted = has(f, 'all-groups') ? groups : (f.opts.group ?? []);
  if (wanted.length === 0) return failed(`Option [${has(f, 'describe') ? 'describe' : 'reset-offsets'}] takes one of these options: [all-groups, group]`);
  if (has(f, 'describe')) return printed(wanted.map((g) => describe(ctx, g, has(f, 'state') ? 'state' : has(f, 'members') ? 'members' : 'offsets')).join('\n'));
  return reset(ctx, f.opts, wanted[0] as string);
}

function describe(ctx: ToolContext, group: string, what: 'offsets' | 'state' | 'members'): string {
  const job = jobOfGroup(ctx.s, group);
  if (!job) return `\nError: Consumer group '${group}' does not exist.`;
  const state = ctx.state.world.jobs[job.id];
  const partitions = ctx.s.world.topics.find((t) => t.id === job.topic)?.partitions ?? 0;
  const active = state?.status === 'RUNNING';
  const rebalancing = active && state?.poll?.rebalanceUntil != null && ctx.state.t < state.poll.rebalanceUntil;
  const members = active ? (state?.instances ?? 0) : 0;
  if (what === 'offsets') return consumerGroupOutput(ctx.s, ctx.state, job.id).body;
  if (what === 'state') {
    const groupState = !active ? 'Empty' : rebalancing ? 'PreparingRebalance' : 'Stable';
    return `\n${columns([
      ['GROUP', 'COORDINATOR (ID)', 'ASSIGNMENT-STRATEGY', 'STATE', '#MEMBERS'],
      [group, 'kafka-2:9092 (2)', active ? 'range' : '', groupState, String(members)],
    ])}`;
  }
  if (!active) return `\nConsumer group '${group}' has no active members.`;
  const rows = [['GROUP', 'CONSUMER-ID', 'HOST', 'CLIENT-ID', '#PARTITIONS']];
  for (let m = 0; m < members; m++) {
    // The range assignor gives each member a contiguous block; members past the partition count get none.
    const share = Math.floor(partitions / members) + (m < partitions % members ? 1 : 0);
    rows.push([group, memberId(job.id, m), `/10.4.2.${20 + m}`, `${job.id}-${m}`, String(share)]);
  }
  return `\n${columns(rows)}`;
}

function reset(ctx: ToolContext, opts: Record<string, string[]>, group: string): ToolResult {
  const job = jobOfGroup(ctx.s, group);
  const chosen = resetSpecs.filter((k) => opts[k]);
  if (chosen.length !== 1) return failed('Option [reset-offsets] takes exactly one of these options: [to-datetime, by-duration, to-earliest, to-latest, shift-by, to-current, to-offset]');
  const topics = opts.topic ?? [];
  if (topics.length === 0 && !opts['all-topics']) return failed('Option [reset-offsets] takes one of these options: [all-topics, topic]');
  if (opts['dry-run'] && opts.execute) return failed('Option [reset-offsets] takes at most one of these options: [dry-run, execute]');
  if (!job) return failed(`Error: Executing consumer group command failed due to org.apache.kafka.common.errors.GroupIdNotFoundException: The group id does not exist: ${group}`);
  const state = ctx.state.world.jobs[job.id];
  const topic = ctx.state.world.topics[job.topic];
  if (!state || !topic) return failed(`Error: Consumer group '${group}' does not exist.`);
  if (state.status === 'RUNNING') return failed(`\nError: Assignments can only be reset if the group '${group}' is inactive, but the current state is ${state.poll?.rebalanceUntil != null && ctx.state.t < state.poll.rebalanceUntil ? 'PreparingRebalance' : 'Stable'}.`);
  const scope = partitionScope(job, topics, topic.partitions.length);
  if (typeof scope === 'string') return failed(scope);
  const kind = chosen[0] as (typeof resetSpecs)[number];
  const value = opts[kind]?.at(-1) ?? '';
  const targets = topic.partitions.map((p, i) => state.committed[i] as number);
  const { s } = ctx;
  const today = localDate(s.clock, ctx.state.t);
  for (const i of scope) {
    const p = topic.partitions[i];
    if (!p) continue;
    const current = state.committed[i] as number;
    let target: number;
    if (kind === 'to-earliest') target = p.logStart;
    else if (kind === 'to-latest') target = p.logEnd;
    else if (kind === 'to-current') target = current;
    else if (kind === 'to-offset' || kind === 'shift-by') {
      if (!/^-?\d+$/.test(value)) return failed(`Exception in thread "main" joptsimple.OptionArgumentConversionException: Cannot parse argument '${value}' of option ${kind}`);
      target = kind === 'to-offset' ? Number(value) : current + Number(value);
    } else {
      const at = kind === 'to-datetime' ? parseDateTime(s.clock, value, today) : parseIsoDuration(value);
      if (at === null) {
        return failed(
          kind === 'to-datetime'
            ? `Error: Executing consumer group command failed due to java.time.format.DateTimeParseException: Text '${value}' could not be parsed at index 0`
            : `Error: Executing consumer group command failed due to java.time.format.DateTimeParseException: Text cannot be parsed to a Duration`,
        );
      }
      target = offsetAt(p, s.clock.worldStartS, ctx.state.t, kind === 'to-datetime' ? at : ctx.state.t - at);
    }
    // Kafka clamps a target outside the log to its start or end, with a warning for each.
    targets[i] = Math.min(p.logEnd, Math.max(p.logStart, target));
  }
  const rows = [['GROUP', 'TOPIC', 'PARTITION', 'NEW-OFFSET']];
  for (const i of scope) rows.push([group, job.topic, String(i), String(targets[i])]);
  const plan = `\n${columns(rows)}`;
  if (!opts.execute) {
    const warn = opts['dry-run'] ? '' : 'WARN: No action will be performed as the --execute option is missing. In a future major release, the default behavior of this command will be to prompt the user before executing the reset rather than doing a dry run. You should add the --dry-run option explicitly if you are scripting this command and want to keep the current default behavior without prompting.\n';
    return printed(`${warn}${plan}`);
  }
  const how = kind === 'to-datetime' ? `--to-datetime ${value}` : kind === 'to-earliest' || kind === 'to-latest' || kind === 'to-current' ? `--${kind}` : `--${kind} ${value}`;
  return {
    ...printed(plan),
    effects: [{ op: 'job.reset-offsets', job: job.id, to: 'offsets', offsets: targets, how }],
    changed: `Offsets of ${group} reset (${how}) on ${scope.length === topic.partitions.length ? 'every partition' : `partitions ${scope.join(',')}`} of ${job.topic}, as of ${timeOfDay(s.clock, ctx.state.t)}.`,
  };
}

// `--topic orders` means every partition; `--topic orders:0,3` only those.
function partitionScope(job: JobSpec, topics: readonly string[], count: number): number[] | string {
  if (topics.length === 0) return [...Array(count).keys()];
  const picked = new Set<number>();
  for (const t of topics) {
    const [name, list] = t.split(':') as [string, string | undefined];
    if (name !== job.topic) return `Error: Executing consumer group command failed due to org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition. (topic ${name} is not consumed by group ${job.group})`;
    if (list === undefined) for (let i = 0; i < count; i++) picked.add(i);
    else {
      for (const part of list.split(',')) {
        const n = Number(part);
        if (!Number.isInteger(n) || n < 0 || n >= count) return `Error: Executing consumer group command failed due to org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition. (${name}-${part})`;
        picked.add(n);
      }
    }
  }
  return [...picked].sort((a, b) => a - b);
}

function complete(n: ShellNames, before: readonly string[]): readonly string[] {
  const last = before.at(-1);
  if (last === '--group') return n.groups;
  if (last === '--topic') return n.consumedTopics;
  if (last === '--bootstrap-server') return [bootstrapServer];
  return flagNames(spec);
}

/** `kafka-consumer-groups`: list, describe and reset consumer groups, as Apache Kafka's tool prints them. */
export const kafkaConsumerGroups: Tool = {
  name: 'kafka-consumer-groups',
  summary: 'list, describe (--members, --state) and reset (--reset-offsets) consumer groups',
  durationS: (args) => (args.includes('--execute') ? 8 : args.includes('--help') ? 1 : 4),
  run,
  complete,
};
