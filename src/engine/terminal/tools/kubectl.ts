import type { Effect } from '../../../scenarios/schema';
import type { JobState } from '../../state';
import { columns } from '../../reveal/render-reveal';
import { formatLogLines } from '../../reveal/job-output';
import { has, opt, parseFlags, type FlagSpec } from '../flags';
import { deploymentNamed, deployments, stableToken, type Deployment, type ShellNames } from '../platform';
import { failed, printed, type Tool, type ToolContext, type ToolResult } from '../types';
import { jobEnvironment, settingKeys, settingsEffect } from './job-settings';
import { namesScheduler, schedulerDeploymentRow, schedulerKubectl, schedulerPod } from './kubectl-scheduler';

const namespace = 'data-platform';

const help = `kubectl controls the Kubernetes cluster manager (namespace ${namespace}).

Basic Commands:
  get             Display one or many resources (pods, deployments)
  describe        Show details of a specific resource
  logs            Print the logs for a container in a pod (--since, --tail, --previous)
  set env         Update environment variables on a deployment (--list shows them)
  scale           Set a new size for a deployment (--replicas)
  rollout         Manage the rollout of a deployment (restart, status)

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.`;

const common: FlagSpec = { namespace: { value: true, short: 'n' }, help: { value: false, short: 'h' }, output: { value: true, short: 'o' } };

function run(ctx: ToolContext, args: readonly string[]): ToolResult {
  const [verb, ...rest] = args;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') return printed(help);
  switch (verb) {
    case 'get':
      return get(ctx, rest);
    case 'describe':
      return describe(ctx, rest);
    case 'logs':
      return logs(ctx, rest);
    case 'set':
      return rest[0] === 'env' ? setEnv(ctx, rest.slice(1)) : failed(`error: unknown command "${rest[0] ?? ''}" for "kubectl set"\nAvailable Commands:\n  env\n  image\n  resources`);
    case 'scale':
      return scale(ctx, rest);
    case 'rollout':
      return rollout(ctx, rest);
    default:
      return failed(`error: unknown command "${verb}" for "kubectl"\n\nDid you mean this?\n\t${['get', 'describe', 'logs', 'set', 'scale', 'rollout'].find((c) => c[0] === verb[0]) ?? 'get'}\n\nRun 'kubectl --help' for usage.`);
  }
}

// Parses a subcommand's flags; namespaces other than the platform's are forbidden to the on-call role.
function flags(args: readonly string[], extra: FlagSpec): { f: ReturnType<typeof parseFlags> } | { error: ToolResult } {
  const f = parseFlags(args, { ...common, ...extra });
  if (f.unknown) return { error: failed(`error: unknown flag: ${f.unknown}\nSee 'kubectl --help' for usage.`) };
  if (f.missingValue) return { error: failed(`error: flag needs an argument: ${f.missingValue}\nSee 'kubectl --help' for usage.`) };
  const ns = opt(f, 'namespace');
  if (ns !== undefined && ns !== namespace) {
    return { error: failed(`Error from server (Forbidden): pods is forbidden: User "oncall-data" cannot list resource "pods" in API group "" in the namespace "${ns}"`) };
  }
  return { f };
}

// `deploy/x`, `deployment/x`, `deployment.apps/x` or `deployment x`.
function target(ctx: ToolContext, positionals: readonly string[]): Deployment | string {
  const [first, second] = positionals;
  if (first === undefined) return 'error: you must specify the type of resource and a name, e.g. deployment/orders-enricher';
  const slash = first.indexOf('/');
  const kind = slash >= 0 ? first.slice(0, slash) : first;
  const name = slash >= 0 ? first.slice(slash + 1) : second;
  if (!['deploy', 'deployment', 'deployments', 'deployment.apps'].includes(kind)) return `error: the server doesn't have a resource type "${kind}" here; this on-call role works with deployments`;
  if (!name) return 'error: resource name may not be empty';
  return deploymentNamed(ctx.s, name) ?? `Error from server (NotFound): deployments.apps "${name}" not found`;
}

function podCount(d: Deployment, job: JobState): number {
  if (job.status === 'STOPPED') return 0;
  return d.role === 'jobmanager' ? 1 : job.instances;
}

function podStatus(d: Deployment, job: JobState): { status: string; ready: boolean } {
  // A consumer process exits when it gives up; Kubernetes keeps restarting it. Flink's pods stay up while the job fails.
  if (d.role === 'worker' && (job.status === 'FAILED' || job.status === 'RESTARTING')) return { status: job.status === 'FAILED' ? 'CrashLoopBackOff' : 'Error', ready: false };
  return { status: 'Running', ready: true };
}

function age(seconds: number): string {
  const s = Math.max(0, seconds);
  if (s >= 86_400) return `${Math.floor(s / 86_400)}d`;
  if (s >= 3600) return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m`;
  return `${s}s`;
}

function pods(ctx: ToolContext, d: Deployment): { name: string; ready: string; status: string; restarts: string; age: string }[] {
  const job = ctx.state.world.jobs[d.job.id];
  if (!job) return [];
  const { status, ready } = podStatus(d, job);
  return Array.from({ length: podCount(d, job) }, (_, i) => ({
    name: `${d.name}-${stableToken(`${d.name}/rs`, 10, 'bcdfghjklmnpqrstvwxz2456789')}-${stableToken(`${d.name}/${i}`)}`,
    ready: ready ? '1/1' : '0/1',
    status,
    restarts: String(d.role === 'jobmanager' ? 0 : job.numRestarts),
    age: age(ctx.state.t - ctx.s.clock.worldStartS + 86_400 * 3),
  }));
}

function get(ctx: ToolContext, args: readonly string[]): ToolResult {
  const parsed = flags(args, { selector: { value: true, short: 'l' }, 'all-namespaces': { value: false, short: 'A' } });
  if ('error' in parsed) return parsed.error;
  const { f } = parsed;
  if (has(f, 'help')) return printed('Display one or many resources.\n\nExamples:\n  kubectl get pods\n  kubectl get deployments\n  kubectl get pods -l app=orders-enricher\n\nUsage:\n  kubectl get [(-o|--output=)wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]');
  if (has(f, 'all-namespaces')) return failed('Error from server (Forbidden): pods is forbidden: User "oncall-data" cannot list resource "pods" in API group "" at the cluster scope');
  const [kindArg, name] = f.positionals;
  if (!kindArg) return failed('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.');
  const [kind, inlineName] = kindArg.split('/') as [string, string | undefined];
  const wantedName = inlineName ?? name;
  const selector = opt(f, 'selector');
  const app = selector?.startsWith('app=') ? selector.slice(4) : undefined;
  if (['deploy', 'deployment', 'deployments', 'deployment.apps'].includes(kind)) {
    const all = deployments(ctx.s).filter((d) => (wantedName ? d.name === wantedName : true) && (app ? d.name === app : true));
    if (wantedName && all.length === 0 && !(ctx.state.world.scheduler && wantedName === 'airflow-scheduler')) return failed(`Error from server (NotFound): deployments.apps "${wantedName}" not found`);
    const rows = [['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']];
    const scheduler = ctx.state.world.scheduler && (!wantedName || wantedName === 'airflow-scheduler') && (!app || app === 'airflow-scheduler');
    if (scheduler) rows.push(schedulerDeploymentRow(age(ctx.state.t - ctx.s.clock.worldStartS + 86_400 * 3)));
    for (const d of all) {
      const job = ctx.state.world.jobs[d.job.id];
      if (!job) continue;
      const list = pods(ctx, d);
      const readyCount = list.filter((p) => p.ready === '1/1').length;
      const desired = d.role === 'jobmanager' ? (job.status === 'STOPPED' ? 0 : 1) : job.status === 'STOPPED' ? 0 : job.instances;
      rows.push([d.name, `${readyCount}/${desired}`, String(desired), String(readyCount), age(ctx.state.t - ctx.s.clock.worldStartS + 86_400 * 3)]);
    }
    return printed(columns(rows));
  }
  if (['po', 'pod', 'pods'].includes(kind)) {
    const scheduler = ctx.state.world.scheduler && (!app || app === 'airflow-scheduler') ? [schedulerPod(ctx, age, ctx.state.t - ctx.s.clock.worldStartS + 86_400 * 3)] : [];
    const list = [
      ...scheduler,
      ...deployments(ctx.s)
        .filter((d) => (app ? d.name === app : true))
        .flatMap((d) => pods(ctx, d))
        .map((p) => [p.name, p.ready, p.status, p.restarts, p.age]),
    ].filter((p) => (wantedName ? p[0] === wantedName : true));
    if (wantedName && list.length === 0) return failed(`Error from server (NotFound): pods "${wantedName}" not found`);
    if (list.length === 0) return printed(`No resources found in ${namespace} namespace.`);
    return printed(columns([['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], ...list]));
  }
  return failed(`error: the server doesn't have a resource type "${kind}"`);
}

function describe(ctx: ToolContext, args: readonly string[]): ToolResult {
  const parsed = flags(args, {});
  if ('error' in parsed) return parsed.error;
  if (namesScheduler(ctx, parsed.f.positionals)) return schedulerKubectl(ctx, 'describe', { sinceS: null, tail: -1, list: false });
  const d = target(ctx, parsed.f.positionals);
  if (typeof d === 'string') return failed(d);
  const job = ctx.state.world.jobs[d.job.id];
  if (!job) return failed(`Error from server (NotFound): deployments.apps "${d.name}" not found`);
  const desired = d.role === 'jobmanager' ? 1 : job.status === 'STOPPED' ? 0 : job.instances;
  const ready = pods(ctx, d).filter((p) => p.ready === '1/1').length;
  const env = jobEnvironment(d.job, job, ctx.state.world.tables[d.job.sink.table]?.layout).map(([k, v]) => `      ${k}:${' '.repeat(Math.max(1, 36 - k.length))}${v === '' ? '""' : v}`);
  return printed(
    [
      `Name:                   ${d.name}`,
      `Namespace:              ${namespace}`,
      `Labels:                 app=${d.name}`,
      `                        team=data-platform`,
      `Selector:               app=${d.name}`,
      `Replicas:               ${desired} desired | ${desired} updated | ${desired} total | ${ready} available | ${desired - ready} unavailable`,
      `StrategyType:           RollingUpdate`,
      `Pod Template:`,
      `  Containers:`,
      `   ${d.role === 'worker' ? 'app' : `flink-main-container`}:`,
      `    Image:      registry.internal/data/${d.job.id}:${stableToken(`${d.job.id}/image`, 7, '0123456789abcdef')}`,
      `    Environment:`,
      `      KAFKA_BOOTSTRAP_SERVERS:             kafka:9092`,
      `      KAFKA_GROUP_ID:                      ${d.job.group}`,
      `      SOURCE_TOPIC:                        ${d.job.topic}`,
      `      SCHEMA_REGISTRY_URL:                 http://schema-registry:8081`,
      `      SINK_TABLE:                          ${d.job.sink.table}`,
      ...env,
      `Conditions:`,
      `  Type           Status  Reason`,
      `  ----           ------  ------`,
      `  Available      ${ready >= desired ? 'True ' : 'False'}   ${ready >= desired ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable'}`,
      `  Progressing    True    NewReplicaSetAvailable`,
    ].join('\n'),
  );
}

// `--since=10m`, `1h`, `30s`: how far back, in seconds.
function sinceSeconds(text: string): number | null {
  const m = /^(\d+)(s|m|h)$/.exec(text);
  return m ? Number(m[1]) * (m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1) : null;
}

function logs(ctx: ToolContext, args: readonly string[]): ToolResult {
  const parsed = flags(args, { since: { value: true }, tail: { value: true }, previous: { value: false, short: 'p' }, follow: { value: false, short: 'f' }, timestamps: { value: false }, container: { value: true, short: 'c' } });
  if ('error' in parsed) return parsed.error;
  const { f } = parsed;
  if (has(f, 'help')) return printed('Print the logs for a container in a pod or specified resource.\n\nExamples:\n  kubectl logs deploy/orders-enricher --since=10m\n  kubectl logs deploy/orders-enricher --tail=100 | grep ERROR\n\nOptions:\n    --since=0s: Only return logs newer than a relative duration like 5s, 2m, or 3h.\n    --tail=-1: Lines of recent log file to display.\n    -p, --previous=false: the previously terminated container.');
  if (has(f, 'follow')) return failed('error: --follow streams without end; use --since or --tail on this console, and run it again to see newer lines');
  const [first] = f.positionals;
  if (namesScheduler(ctx, f.positionals)) {
    const since = opt(f, 'since');
    const sinceS = since === undefined ? null : sinceSeconds(since);
    if (since !== undefined && sinceS === null) return failed(`error: invalid argument "${since}" for "--since" flag: time: invalid duration "${since}"`);
    const tailText = opt(f, 'tail');
    if (tailText !== undefined && !/^-?\d+$/.test(tailText)) return failed(`error: invalid argument "${tailText}" for "--tail" flag: strconv.ParseInt: parsing "${tailText}": invalid syntax`);
    return schedulerKubectl(ctx, 'logs', { sinceS, tail: tailText === undefined ? -1 : Number(tailText), list: false });
  }
  const d = first && !first.includes('/') ? deployments(ctx.s).find((x) => pods(ctx, x).some((p) => p.name === first)) ?? first : target(ctx, f.positionals);
  if (typeof d === 'string') return failed(first && !first.includes('/') ? `Error from server (NotFound): pods "${first}" not found` : d);
  const job = ctx.state.world.jobs[d.job.id];
  if (!job) return failed(`Error from server (NotFound): deployments.apps "${d.name}" not found`);
  const since = opt(f, 'since');
  const sinceS = since === undefined ? null : sinceSeconds(since);
  if (since !== undefined && sinceS === null) return failed(`error: invalid argument "${since}" for "--since" flag: time: invalid duration "${since}"`);
  const tailText = opt(f, 'tail');
  if (tailText !== undefined && !/^-?\d+$/.test(tailText)) return failed(`error: invalid argument "${tailText}" for "--tail" flag: strconv.ParseInt: parsing "${tailText}": invalid syntax`);
  // A job manager logs the job's lifecycle; task managers and consumers log the records they process.
  const jobManager = d.role === 'jobmanager';
  const cutoff = sinceS === null ? -Infinity : ctx.state.t - sinceS;
  let lines = formatLogLines(ctx.s, job.logs, (l) => l.t >= cutoff && (!jobManager || /^(Job |Submitting job)/.test(l.text)));
  const tail = tailText === undefined ? -1 : Number(tailText);
  if (tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
  if (podCount(d, job) === 0) return failed(`error: timed out waiting for the condition: deployment ${d.name} has no pods (0 replicas)`);
  return printed(lines.join('\n'));
}

function setEnv(ctx: ToolContext, args: readonly string[]): ToolResult {
  const parsed = flags(args, { list: { value: false } });
  if ('error' in parsed) return parsed.error;
  const { f } = parsed;
  if (has(f, 'help')) return printed(`Update environment variables on a pod template.\n\nExamples:\n  kubectl set env deployment/orders-enricher --list\n  kubectl set env deployment/orders-enricher ERRORS_TOLERANCE=all\n\nSettings the data-platform jobs read: ${settingKeys.join(', ')}.`);
  const resource = f.positionals.filter((p) => !p.includes('='));
  if (namesScheduler(ctx, resource)) return schedulerKubectl(ctx, 'set', { sinceS: null, tail: -1, list: has(f, 'list') });
  const d = target(ctx, resource);
  if (typeof d === 'string') return failed(d);
  const job = ctx.state.world.jobs[d.job.id];
  if (!job) return failed(`Error from server (NotFound): deployments.apps "${d.name}" not found`);
  if (has(f, 'list')) return printed([`# Deployment ${d.name}, container app`, ...jobEnvironment(d.job, job, ctx.state.world.tables[d.job.sink.table]?.layout).map(([k, v]) => `${k}=${v}`)].join('\n'));
  const pairs = f.positionals.filter((p) => p.includes('='));
  if (pairs.length === 0) return failed('error: at least one environment variable must be provided');
  const changes = Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  const effect = settingsEffect(d.job, job, changes, ctx.state.world.tables[d.job.sink.table]?.layout);
  if (typeof effect === 'string') return failed(`error: failed to patch env update to pod template: admission webhook "config-validator.data-platform.internal" denied the request: ${effect}`);
  const effects: Effect[] = [effect];
  // Changing the pod template rolls the pods: the job starts again from its committed offsets with the new settings.
  if (job.status !== 'STOPPED') effects.push({ op: 'job.restart', job: d.job.id });
  return { ...printed(`deployment.apps/${d.name} env updated`), effects, changed: `${d.name}: ${pairs.join(' ')} (pods rolled)` };
}

function scale(ctx: ToolContext, args: readonly string[]): ToolResult {
  const parsed = flags(args, { replicas: { value: true } });
  if ('error' in parsed) return parsed.error;
  const { f } = parsed;
  const replicasText = opt(f, 'replicas');
  if (has(f, 'help') || replicasText === undefined) return replicasText === undefined && !has(f, 'help') ? failed('error: required flag(s) "replicas" not set') : printed('Set a new size for a deployment.\n\nExamples:\n  kubectl scale deployment/orders-enricher --replicas=0');
  if (!/^\d+$/.test(replicasText)) return failed(`error: invalid argument "${replicasText}" for "--replicas" flag: strconv.ParseInt: parsing "${replicasText}": invalid syntax`);
  if (namesScheduler(ctx, f.positionals)) return schedulerKubectl(ctx, 'scale', { sinceS: null, tail: -1, list: false });
  const d = target(ctx, f.positionals);
  if (typeof d === 'string') return failed(d);
  const job = ctx.state.world.jobs[d.job.id];
  if (!job) return failed(`Error from server (NotFound): deployments.apps "${d.name}" not found`);
  const replicas = Number(replicasText);
  if (d.role === 'jobmanager' && replicas > 1) return failed(`error: admission webhook "config-validator.data-platform.internal" denied the request: ${d.name} runs a single job manager; scale ${d.job.id}-taskmanager instead`);
  if (replicas > 64) return failed('error: admission webhook "config-validator.data-platform.internal" denied the request: replicas above 64 exceed the namespace quota');
  const effects: Effect[] =
    replicas === 0
      ? [{ op: 'job.stop', job: d.job.id }]
      : [...(d.role === 'jobmanager' ? [] : [{ op: 'job.set' as const, job: d.job.id, instances: replicas }]), ...(job.status === 'STOPPED' || job.status === 'FAILED' ? [{ op: 'job.restart' as const, job: d.job.id }] : [])];
  return { ...printed(`deployment.apps/${d.name} scaled`), effects, changed: `${d.name} scaled to ${replicas} replica${replicas === 1 ? '' : 's'}` };
}

function rollout(ctx: ToolContext, args: readonly string[]): ToolResult {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help') return printed('Manage the rollout of one or many resources.\n\nAvailable Commands:\n  restart     Restart a resource\n  status      Show the status of the rollout');
  const parsed = flags(rest, {});
  if ('error' in parsed) return parsed.error;
  if (namesScheduler(ctx, parsed.f.positionals)) return schedulerKubectl(ctx, 'rollout', { sinceS: null, tail: -1, list: false, sub });
  const d = target(ctx, parsed.f.positionals);
  if (typeof d === 'string') return failed(d);
  const job = ctx.state.world.jobs[d.job.id];
  if (!job) return failed(`Error from server (NotFound): deployments.apps "${d.name}" not found`);
  if (sub === 'restart') {
    return { ...printed(`deployment.apps/${d.name} restarted`), effects: job.status === 'STOPPED' ? [] : [{ op: 'job.restart', job: d.job.id }], changed: `${d.name} restarted` };
  }
  if (sub === 'status') {
    const list = pods(ctx, d);
    const ready = list.filter((p) => p.ready === '1/1').length;
    return ready === list.length ? printed(`deployment "${d.name}" successfully rolled out`) : failed(`Waiting for deployment "${d.name}" rollout to finish: ${ready} of ${list.length} updated replicas are available...\nerror: timed out waiting for the condition`);
  }
  return failed(`error: unknown command "${sub}" for "kubectl rollout"\nAvailable Commands: restart, status`);
}

function complete(n: ShellNames, before: readonly string[]): readonly string[] {
  const verbs = ['describe', 'get', 'logs', 'rollout', 'scale', 'set'];
  if (before.length === 0) return verbs;
  const [verb] = before;
  const names = n.deployments.map((d) => `deployment/${d}`);
  if (verb === 'get' && before.length === 1) return ['deployments', 'pods'];
  if (verb === 'set' && before.length === 1) return ['env'];
  if (verb === 'rollout' && before.length === 1) return ['restart', 'status'];
  if (verb === 'logs') return [...n.deployments.map((d) => `deploy/${d}`), '--since=10m', '--since=1h', '--tail=100'];
  if (verb === 'set') return [...names, '--list', ...settingKeys.map((k) => `${k}=`)];
  if (verb === 'scale') return [...names, '--replicas='];
  return names;
}

/** `kubectl`, scoped to the data platform's namespace: pods, deployments, logs, env, scaling and rollouts. */
export const kubectl: Tool = {
  name: 'kubectl',
  summary: 'pods, deployments, logs, env settings, scaling and restarts of the streaming jobs',
  durationS: (args) => {
    const verb = args[0];
    if (verb === 'logs') return 4;
    if ((verb === 'set' && !args.includes('--list')) || verb === 'scale' || (verb === 'rollout' && args[1] === 'restart')) return 45;
    return 2;
  },
  run,
  complete,
};
