import { flagNames, has, parseFlags, type FlagSpec } from '../flags';
import { bootstrapServer, stableToken, topicNames, type ShellNames } from '../platform';
import { failed, printed, type Tool, type ToolContext, type ToolResult } from '../types';
import { kafkaCliProblem } from './kafka-cli';

const spec: FlagSpec = {
  'bootstrap-server': { value: true },
  list: { value: false },
  describe: { value: false },
  topic: { value: true },
  'under-replicated-partitions': { value: false },
  help: { value: false },
};

const help = `This tool helps to create, delete, describe, or change a topic.
Option                                   Description
------                                   -----------
--bootstrap-server <String: server to    REQUIRED: The Kafka server to connect to.
  connect to>
--describe                               List details for the given topics.
--help                                   Print usage information.
--list                                   List all available topics.
--topic <String: topic>                  The topic to describe. (Creating, altering and deleting topics is done by the platform team's Terraform, not from the on-call host.)
--under-replicated-partitions            if set when describing topics, only show under replicated partitions`;

const brokers = 3;

function run(ctx: ToolContext, args: readonly string[]): ToolResult {
  const f = parseFlags(args, spec);
  if (has(f, 'help')) return printed(help);
  const problem = kafkaCliProblem(f, help);
  if (problem) return problem;
  const names = topicNames(ctx.s);
  if (has(f, 'list')) return printed(['__consumer_offsets', ...names].join('\n'));
  if (!has(f, 'describe')) return failed(`Command must include exactly one action: --list, --describe, --create, --alter or --delete\n${help.split('\n')[0]}`);
  const wanted = f.opts.topic ?? names;
  const unknown = wanted.find((t) => !names.includes(t));
  if (unknown) return failed(`Error while executing topic command : Topic '${unknown}' does not exist as expected\n[main] ERROR org.apache.kafka.tools.TopicCommand - java.lang.IllegalArgumentException: Topic '${unknown}' does not exist as expected`);
  if (has(f, 'under-replicated-partitions')) return printed('');
  return printed(wanted.map((t) => describe(ctx, t)).join('\n'));
}

function describe(ctx: ToolContext, topic: string): string {
  const declared = ctx.s.world.topics.find((t) => t.id === topic);
  const partitions = declared?.partitions ?? 3;
  const retentionMs = (declared?.retentionS ?? 1_209_600) * 1000;
  const id = stableToken(topic, 22, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
  const lines = [`Topic: ${topic}\tTopicId: ${id}\tPartitionCount: ${partitions}\tReplicationFactor: 3\tConfigs: min.insync.replicas=2,cleanup.policy=delete,retention.ms=${retentionMs}`];
  for (let p = 0; p < partitions; p++) {
    const replicas = [0, 1, 2].map((k) => ((p + k) % brokers) + 1);
    lines.push(`\tTopic: ${topic}\tPartition: ${p}\tLeader: ${replicas[0]}\tReplicas: ${replicas.join(',')}\tIsr: ${replicas.join(',')}\tElr: \tLastKnownElr: `);
  }
  return lines.join('\n');
}

function complete(n: ShellNames, before: readonly string[]): readonly string[] {
  const last = before.at(-1);
  if (last === '--topic') return n.topics;
  if (last === '--bootstrap-server') return [bootstrapServer];
  return flagNames(spec);
}

/** `kafka-topics`: list and describe topics, as Apache Kafka's tool prints them. */
export const kafkaTopics: Tool = { name: 'kafka-topics', summary: 'list and describe topics (partitions, replicas, retention)', durationS: () => 3, run, complete };
