import type { DagSpec, Effect } from '../../../scenarios/schema';
import type { DagState } from '../../state';
import { buildSettings } from '../../world/dag-windows';
import { sensorModeOf } from '../../world/step-dags';
import { failed, printed, type ToolContext, type ToolResult } from '../types';

/**
 * The settings each DAG file of this platform reads from Airflow Variables at parse time
 * (`Variable.get("revenue_mart.sensor_mode", default_var="poke")`), so on-call can change a
 * DAG's sensor mode, schedule timezone or write mode without a code deploy. A change applies
 * to the next task that starts.
 */
const dagSettings = {
  sensor_mode: { values: ['poke', 'reschedule'], read: (spec: DagSpec, dag: DagState) => sensorModeOf(spec, dag) },
  schedule_timezone: { values: ['UTC', 'local'], read: (spec: DagSpec, dag: DagState) => buildSettings(spec, dag).timezone },
  write_mode: { values: ['append', 'overwrite'], read: (spec: DagSpec, dag: DagState) => buildSettings(spec, dag).mode },
} as const;

type SettingName = keyof typeof dagSettings;

/** Every variable key the DAGs read, sorted: `<dag_id>.<setting>`. */
export function variableKeys(dags: readonly string[]): string[] {
  return dags.flatMap((d) => Object.keys(dagSettings).map((k) => `${d}.${k}`)).sort();
}

function keyOf(ctx: ToolContext, key: string): { spec: DagSpec; dag: DagState; setting: SettingName } | null {
  const dot = key.lastIndexOf('.');
  const setting = key.slice(dot + 1);
  const spec = ctx.s.world.dags.find((d) => d.id === key.slice(0, dot));
  const dag = spec && ctx.state.world.dags[spec.id];
  if (dot <= 0 || !spec || !dag || !Object.hasOwn(dagSettings, setting)) return null;
  return { spec, dag, setting: setting as SettingName };
}

function table(rows: string[]): string {
  const width = Math.max(...rows.map((r) => r.length));
  return [rows[0] as string, '='.repeat(width), ...rows.slice(1)].join('\n');
}

function usage(message: string): ToolResult {
  return failed(`usage: airflow variables [-h] COMMAND ...\nairflow variables: error: ${message}`, 2);
}

/** `airflow variables list | get KEY | set KEY VALUE`, over the settings the platform's DAGs read. */
export function variables(ctx: ToolContext, command: string | undefined, args: readonly string[]): ToolResult {
  const positionals = args.filter((a) => !a.startsWith('-'));
  if (args.includes('-h') || args.includes('--help') || command === undefined) {
    return printed(`usage: airflow variables [-h] COMMAND ...\n\nManage variables\n\npositional arguments:\n  COMMAND\n    get       Get variable\n    list      List variables\n    set       Set variable\n\nThe DAGs read <dag_id>.sensor_mode (poke, reschedule), <dag_id>.schedule_timezone (UTC, local)\nand <dag_id>.write_mode (append, overwrite); a change applies to the next task that starts.`);
  }
  if (command === 'list') return printed(table(['key', ...variableKeys(ctx.s.world.dags.map((d) => d.id))]));
  if (command === 'get') {
    const [key] = positionals;
    if (!key) return usage('the following arguments are required: key');
    const found = keyOf(ctx, key);
    return found ? printed(dagSettings[found.setting].read(found.spec, found.dag)) : failed(`Variable ${key} does not exist`);
  }
  if (command === 'set') {
    const [key, value] = positionals;
    if (!key || value === undefined) return usage('the following arguments are required: key, VALUE');
    const found = keyOf(ctx, key);
    if (!found) return failed(`Variable ${key} was not set: no DAG reads it. The DAGs read <dag_id>.sensor_mode, <dag_id>.schedule_timezone and <dag_id>.write_mode (airflow variables list).`);
    const allowed: readonly string[] = dagSettings[found.setting].values;
    if (!allowed.includes(value)) return failed(`Variable ${key} was not set: ${found.spec.id} accepts ${allowed.join(' or ')} there, not "${value}" (its DAG file would fail to parse).`);
    const effect: Effect =
      found.setting === 'sensor_mode'
        ? { op: 'dag.set', dag: found.spec.id, sensorMode: value as 'poke' | 'reschedule' }
        : found.setting === 'schedule_timezone'
          ? { op: 'dag.set', dag: found.spec.id, timezone: value as 'UTC' | 'local' }
          : { op: 'dag.set', dag: found.spec.id, mode: value as 'append' | 'overwrite' };
    return { ...printed(`Variable ${key} created`), effects: [effect], changed: `${key} = ${value}` };
  }
  return usage(`argument COMMAND: invalid choice: '${command}' (choose from 'get', 'list', 'set')`);
}

/** `airflow pools set default_pool SLOTS DESCRIPTION`: resizes the one worker pool every DAG shares. */
export function poolsSet(ctx: ToolContext, args: readonly string[]): ToolResult {
  const [pool, slotsText, description] = args;
  if (!pool || slotsText === undefined || description === undefined) return failed('usage: airflow pools set [-h] NAME slots description\nairflow pools set: error: the following arguments are required: NAME, slots, description', 2);
  if (!/^\d+$/.test(slotsText)) return failed(`usage: airflow pools set [-h] NAME slots description\nairflow pools set: error: argument slots: invalid int value: '${slotsText}'`, 2);
  if (pool !== 'default_pool') return failed(`Pool ${pool} was not created: every DAG on this platform runs in default_pool, so a new pool would hold no tasks. Resize default_pool instead.`);
  const slots = Number(slotsText);
  if (slots < 1 || slots > 256) return failed(`Pool default_pool was not changed: slots must be between 1 and 256 (the workers' capacity), not ${slots}.`);
  const now = ctx.state.world.scheduler?.slots ?? ctx.s.world.workerSlots;
  return { ...printed(`Pool default_pool created`), effects: [{ op: 'scheduler.set', slots }], changed: `default_pool resized from ${now} to ${slots} slots` };
}
