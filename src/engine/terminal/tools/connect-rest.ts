import type { Effect, JobSpec, ProducerSpec } from '../../../scenarios/schema';
import type { JobState } from '../../state';
import type { ToolContext } from '../types';
import type { HttpAnswer } from './flink-rest';
import { settingsEffect } from './job-settings';

/** An answer of the Connect REST API, with what it changed in the world. */
type ConnectAnswer = HttpAnswer & { effects?: Effect[] };

const json = (status: number, body: unknown): ConnectAnswer => ({ status, body: JSON.stringify(body) });
const error = (status: number, message: string): ConnectAnswer => json(status, { error_code: status, message });

/** A connector of the Connect cluster: a source that is a producer of the platform, or a sink that is one of its jobs. */
type Connector = { kind: 'source'; name: string; producer: ProducerSpec; config: Record<string, string> } | { kind: 'sink'; name: string; spec: JobSpec };

/** Every connector the Connect cluster runs, sorted by name as `GET /connectors` lists them. */
export function connectorNames(ctx: Pick<ToolContext, 's'>): string[] {
  return connectors(ctx).map((c) => c.name);
}

function connectors(ctx: Pick<ToolContext, 's'>): Connector[] {
  const sources = ctx.s.world.producers.flatMap((p): Connector[] => (p.connector ? [{ kind: 'source', name: p.connector.name, producer: p, config: p.connector.config }] : []));
  const sinks = ctx.s.world.jobs.filter((j) => j.engine === 'kafka-connect').map((spec): Connector => ({ kind: 'sink', name: spec.id, spec }));
  return [...sources, ...sinks].sort((a, b) => a.name.localeCompare(b.name));
}

// A sink connector's configuration, from the job's live settings.
function sinkConfig(spec: JobSpec, job: JobState): Record<string, string> {
  return {
    'connector.class': 'io.confluent.connect.s3.S3SinkConnector',
    'tasks.max': String(job.instances),
    topics: spec.topic,
    'value.converter': 'io.confluent.connect.avro.AvroConverter',
    'value.converter.schema.registry.url': 'http://schema-registry:8081',
    'errors.tolerance': job.onError === 'fail' ? 'none' : 'all',
    ...(job.onError === 'dlq' ? { 'errors.deadletterqueue.topic.name': spec.dlqTopic, 'errors.deadletterqueue.context.headers.enable': 'true' } : {}),
    name: spec.id,
  };
}

const configOf = (ctx: ToolContext, c: Connector) => (c.kind === 'source' ? { ...c.config, name: c.name } : sinkConfig(c.spec, ctx.state.world.jobs[c.spec.id] as JobState));

// Connect's task states for a job: a stopped job is paused, a crash-looped one failed.
const taskState = (job: JobState) => (job.status === 'RUNNING' ? 'RUNNING' : job.status === 'STOPPED' ? 'PAUSED' : 'FAILED');

function status(ctx: ToolContext, c: Connector, restarting = false): object {
  if (c.kind === 'source') {
    const state = restarting ? 'RESTARTING' : 'RUNNING';
    return { name: c.name, connector: { state, worker_id: 'kafka-connect-0:8083' }, tasks: [{ id: 0, state, worker_id: 'kafka-connect-1:8083' }], type: 'source' };
  }
  const job = ctx.state.world.jobs[c.spec.id] as JobState;
  const state = taskState(job);
  const trace = state === 'FAILED' && job.lastFailure ? `org.apache.kafka.connect.errors.ConnectException: Tolerance exceeded in error handler\nCaused by: org.apache.kafka.connect.errors.DataException: Failed to deserialize data for topic ${c.spec.topic} to Avro: \nCaused by: ${job.lastFailure.error}` : undefined;
  return {
    name: c.name,
    connector: { state: job.status === 'STOPPED' ? 'PAUSED' : 'RUNNING', worker_id: 'kafka-connect-0:8083' },
    tasks: Array.from({ length: job.instances }, (_, id) => {
      const shown = restarting && state !== 'PAUSED' ? 'RESTARTING' : state;
      return { id, state: shown, worker_id: `kafka-connect-${id % 3}:8083`, ...(trace && shown === 'FAILED' ? { trace } : {}) };
    }),
    type: 'sink',
  };
}

/** Answers the Kafka Connect REST API (`http://kafka-connect:8083`) for the platform's source and sink connectors. */
export function connectRest(ctx: ToolContext, method: string, path: string, body?: string): ConnectAnswer {
  const [pathname = '', query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] !== 'connectors') return error(404, 'HTTP 404 Not Found');
  if (parts.length === 1) return method === 'GET' ? json(200, connectorNames(ctx)) : error(405, 'HTTP 405 Method Not Allowed');
  const c = connectors(ctx).find((x) => x.name === parts[1]);
  if (!c) return error(404, `Connector ${parts[1]} not found`);
  const sub = parts[2];
  if (parts.length > 3) return error(404, 'HTTP 404 Not Found');
  const tasks = c.kind === 'source' ? 1 : (ctx.state.world.jobs[c.spec.id] as JobState).instances;
  if (sub === undefined && method === 'GET') return json(200, { name: c.name, config: configOf(ctx, c), tasks: Array.from({ length: tasks }, (_, task) => ({ connector: c.name, task })), type: c.kind });
  if (sub === 'status' && method === 'GET') return json(200, status(ctx, c));
  if (sub === 'config' && method === 'GET') return json(200, configOf(ctx, c));
  if (sub === 'tasks' && method === 'GET') return json(200, Array.from({ length: tasks }, (_, task) => ({ id: { connector: c.name, task }, config: configOf(ctx, c) })));
  if (sub === 'config' && method === 'PUT') return putConfig(ctx, c, body);
  if (sub === 'restart' && method === 'POST') return restart(ctx, c, params);
  if (sub === undefined || ['status', 'config', 'tasks', 'restart'].includes(sub)) return error(405, 'HTTP 405 Method Not Allowed');
  return error(404, 'HTTP 404 Not Found');
}

// POST /connectors/{name}/restart: without includeTasks only the connector instance restarts (204);
// with it the tasks restart too (202 with their states), onlyFailed limiting that to failed tasks.
function restart(ctx: ToolContext, c: Connector, params: URLSearchParams): ConnectAnswer {
  const includeTasks = params.get('includeTasks') === 'true';
  const onlyFailed = params.get('onlyFailed') === 'true';
  if (!includeTasks && !onlyFailed) return { status: 204, body: '' };
  if (c.kind === 'source') return { ...json(202, status(ctx, c, !onlyFailed)) };
  const job = ctx.state.world.jobs[c.spec.id] as JobState;
  // A paused connector's tasks stay paused; onlyFailed leaves running tasks alone.
  const restarts = includeTasks && job.status !== 'STOPPED' && (taskState(job) === 'FAILED' || !onlyFailed);
  return { ...json(202, status(ctx, c, restarts)), ...(restarts ? { effects: [{ op: 'job.restart', job: c.spec.id }] } : {}) };
}

// The keys of a sink connector's configuration that map onto the job's settings.
const sinkSettings: Record<string, string> = { 'errors.tolerance': 'ERRORS_TOLERANCE', 'errors.deadletterqueue.topic.name': 'ERRORS_DEADLETTERQUEUE_TOPIC_NAME' };

// PUT /connectors/{name}/config: the whole configuration. Keys the platform manages elsewhere may not change.
function putConfig(ctx: ToolContext, c: Connector, body: string | undefined): ConnectAnswer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch {
    return error(500, `Unrecognized token in the request body: ${(body ?? '').slice(0, 40) || '(empty)'}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return error(500, 'Cannot deserialize the request body: expected a JSON object of configuration keys');
  const next = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  if (next.name !== undefined && next.name !== c.name) return error(400, `Connector name configuration (${next.name}) doesn't match connector name in the URL (${c.name})`);
  const current = configOf(ctx, c);
  if (next['connector.class'] === undefined) return invalid(['connector.class', 'Missing required configuration "connector.class" which has no default value.']);
  const changed = [...new Set([...Object.keys(current), ...Object.keys(next)])].filter((k) => k !== 'name' && (current[k] ?? '') !== (next[k] ?? ''));
  const answer = () => json(200, { name: c.name, config: { ...next, name: c.name }, tasks: [], type: c.kind });
  if (changed.length === 0) return answer();
  const managed = changed.filter((k) => c.kind === 'source' || !(k in sinkSettings || k === 'tasks.max' || k === 'errors.deadletterqueue.context.headers.enable'));
  if (managed.length > 0) return invalid(...managed.map((k): [string, string] => [k, `Invalid value ${next[k] ?? '(removed)'} for configuration ${k}: managed by the platform's Terraform (connectors/${c.name}.tf); on-call may change tasks.max and the error handling of sink connectors`]));
  if (c.kind !== 'sink') return answer();
  const job = ctx.state.world.jobs[c.spec.id] as JobState;
  const changes = Object.fromEntries(changed.filter((k) => k in sinkSettings).map((k) => [sinkSettings[k] as string, next[k] ?? '']));
  const effects: Effect[] = [];
  if (Object.keys(changes).length > 0) {
    const effect = settingsEffect(c.spec, job, changes);
    if (typeof effect === 'string') return invalid(['errors.tolerance', effect]);
    effects.push(effect);
  }
  if (changed.includes('tasks.max')) {
    const n = Number(next['tasks.max']);
    if (!/^\d+$/.test(next['tasks.max'] ?? '') || n < 1 || n > 64) return invalid(['tasks.max', `Invalid value ${next['tasks.max'] ?? ''} for configuration tasks.max: Value must be at least 1 and at most 64 on this cluster`]);
    effects.push({ op: 'job.set', job: c.spec.id, instances: n });
  }
  // A new configuration restarts the connector's tasks with it.
  if (job.status !== 'STOPPED') effects.push({ op: 'job.restart', job: c.spec.id });
  return { ...answer(), effects };
}

// Connect's answer to a configuration that fails validation.
function invalid(...errors: [string, string][]): ConnectAnswer {
  return error(400, `Connector configuration is invalid and contains the following ${errors.length} error(s):\n${errors.map(([, m]) => m).join('\n')}\nYou can also find the above list of errors at the endpoint \`/connector-plugins/{connectorType}/config/validate\``);
}
