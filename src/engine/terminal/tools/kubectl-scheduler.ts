import { formatOffset, isoLocal, utcOffsetAt } from '../../wall-clock';
import { stableToken } from '../platform';
import { failed, printed, type ToolContext, type ToolResult } from '../types';

/** The Airflow scheduler's deployment, beside the streaming jobs' in the platform's namespace. */
export const schedulerDeployment = 'airflow-scheduler';

/** Whether a kubectl resource argument (`deployment/airflow-scheduler`, `deploy/…`) names the scheduler's deployment. */
export function namesScheduler(ctx: ToolContext, positionals: readonly string[]): boolean {
  if (!ctx.state.world.scheduler) return false;
  const [first, second] = positionals;
  if (first === undefined) return false;
  const slash = first.indexOf('/');
  const kind = slash >= 0 ? first.slice(0, slash) : first;
  const name = slash >= 0 ? first.slice(slash + 1) : second;
  return ['deploy', 'deployment', 'deployments', 'deployment.apps'].includes(kind) && name === schedulerDeployment;
}

/** When a rollout restart typed at this console last replaced the scheduler's pod, if ever. */
function restartedAt(ctx: ToolContext): number | null {
  let at: number | null = null;
  for (const e of ctx.state.terminal ?? []) if (e.output !== null && e.changed?.includes(`${schedulerDeployment} restarted`)) at = e.endsAt;
  return at;
}

/**
 * The scheduler's one pod: its liveness probe checks the web port only, so a hung scheduler still
 * shows Running. A rollout restart replaces it: a new name, and its age counts from then.
 */
export function schedulerPod(ctx: ToolContext, ageOf: (seconds: number) => string, platformAgeS: number): string[] {
  const since = restartedAt(ctx);
  const rs = since === null ? `${schedulerDeployment}/rs` : `${schedulerDeployment}/rs/${since}`;
  return [`${schedulerDeployment}-${stableToken(rs, 10)}-${stableToken(`${rs}/0`)}`, '1/1', 'Running', '0', ageOf(since === null ? platformAgeS : ctx.state.t - since)];
}

/** The scheduler's row in `kubectl get deployments`. */
export function schedulerDeploymentRow(age: string): string[] {
  return [schedulerDeployment, '1/1', '1', '1', age];
}

// Airflow 2's scheduler adopts or resets orphaned tasks every orphaned_tasks_check_interval (300 s); a hung loop stops logging.
const orphanCheckS = 300;

function logs(ctx: ToolContext, sinceS: number | null, tail: number): ToolResult {
  const scheduler = ctx.state.world.scheduler;
  if (!scheduler) return failed(`Error from server (NotFound): deployments.apps "${schedulerDeployment}" not found`);
  const last = scheduler.running ? ctx.state.t : scheduler.lastHeartbeatAt;
  // A restarted deployment's logs are the new pod's: they begin at the restart.
  const from = Math.max(ctx.s.clock.worldStartS, restartedAt(ctx) ?? -Infinity, sinceS === null ? -Infinity : ctx.state.t - sinceS);
  const lines: string[] = [];
  for (let at = Math.ceil(from / orphanCheckS) * orphanCheckS; at <= last; at += orphanCheckS) {
    const millis = Number.parseInt(stableToken(`scheduler/${at}`, 3, '0123456789'), 10);
    // Airflow logs `2024-10-01T08:10:00.553+0000`: the local time with its offset, no colon.
    const zone = formatOffset(utcOffsetAt(ctx.s.clock, at) ?? 0).replace(':', '');
    const stamp = `${isoLocal(ctx.s.clock, at).slice(0, 19)}.${String(millis).padStart(3, '0')}${zone}`;
    lines.push(`[${stamp}] {scheduler_job_runner.py:1593} INFO - Adopting or resetting orphaned tasks for active dag runs`);
  }
  return printed((tail >= 0 ? lines.slice(Math.max(0, lines.length - tail)) : lines).join('\n'));
}

/** kubectl verbs on the scheduler's deployment: describe, logs, env (read-only), rollout restart and status. */
export function schedulerKubectl(ctx: ToolContext, verb: string, opts: { sinceS: number | null; tail: number; list: boolean; sub?: string }): ToolResult {
  const scheduler = ctx.state.world.scheduler;
  if (!scheduler) return failed(`Error from server (NotFound): deployments.apps "${schedulerDeployment}" not found`);
  switch (verb) {
    case 'logs':
      return logs(ctx, opts.sinceS, opts.tail);
    case 'describe':
      return printed(
        [
          `Name:                   ${schedulerDeployment}`,
          'Namespace:              data-platform',
          `Labels:                 app=${schedulerDeployment}`,
          `Replicas:               1 desired | 1 updated | 1 total | 1 available | 0 unavailable`,
          'Pod Template:',
          '  Containers:',
          '   scheduler:',
          '    Image:      apache/airflow:2.9.3',
          '    Args:       scheduler',
          '    Liveness:   http-get http://:8974/health delay=10s timeout=5s period=30s #success=1 #failure=5',
          'Conditions:',
          '  Type           Status  Reason',
          '  ----           ------  ------',
          '  Available      True    MinimumReplicasAvailable',
          '  Progressing    True    NewReplicaSetAvailable',
        ].join('\n'),
      );
    case 'set':
      if (opts.list) return printed([`# Deployment ${schedulerDeployment}, container scheduler`, 'AIRFLOW__CORE__EXECUTOR=CeleryExecutor', 'AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC=5', 'AIRFLOW__SCHEDULER__ORPHANED_TASKS_CHECK_INTERVAL=300'].join('\n'));
      return failed(`error: failed to patch env update to pod template: admission webhook "config-validator.data-platform.internal" denied the request: ${schedulerDeployment} is configured in airflow.cfg by the platform team; pools and variables are set with the airflow CLI`);
    case 'scale':
      return failed(`error: admission webhook "config-validator.data-platform.internal" denied the request: ${schedulerDeployment} runs a single replica; use kubectl rollout restart deployment/${schedulerDeployment}`);
    case 'rollout':
      if (opts.sub === 'restart') {
        return { ...printed(`deployment.apps/${schedulerDeployment} restarted`), effects: [{ op: 'scheduler.set', running: true }], changed: `${schedulerDeployment} restarted` };
      }
      if (opts.sub === 'status') return printed(`deployment "${schedulerDeployment}" successfully rolled out`);
      return failed(`error: unknown command "${opts.sub ?? ''}" for "kubectl rollout"\nAvailable Commands: restart, status`);
    default:
      return failed(`error: unknown command "${verb}" for "kubectl"`);
  }
}
