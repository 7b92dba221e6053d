import { jqTool } from './jq';
import { textFilters } from './text-filters';
import { builtins } from './tools/builtins';
import { kafkaConsumerGroups } from './tools/kafka-consumer-groups';
import { kafkaTopics } from './tools/kafka-topics';
import { kubectl } from './tools/kubectl';
import { curl } from './tools/curl';
import { airflow } from './tools/airflow';
import { dbt } from './tools/dbt';
import { flagctl } from './tools/flagctl';
import { flink } from './tools/flink';
import { lineage } from './tools/lineage';
import { sparkSubmit } from './tools/spark-submit';
import { trino } from './tools/trino';
import type { Tool } from './types';

/** Every program the on-call shell knows, platform tools first. */
export const platformTools: readonly Tool[] = [airflow, curl, dbt, flagctl, flink, kafkaConsumerGroups, kafkaTopics, kubectl, lineage, sparkSubmit, trino];

const all: readonly Tool[] = [...platformTools, ...textFilters, jqTool, ...builtins];
const byName = new Map(all.map((t) => [t.name, t]));

/** The tool a command names, if the shell has it. */
export function toolNamed(name: string): Tool | undefined {
  return byName.get(name);
}

/** Every program name, sorted, for completion and `help`. */
export function toolNames(): string[] {
  return [...byName.keys(), 'diff'].sort();
}

/** Every tool, for `help`. */
export function allTools(): readonly Tool[] {
  return all;
}
