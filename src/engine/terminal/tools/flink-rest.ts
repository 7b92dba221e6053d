import type { JobSpec } from '../../../scenarios/schema';
import type { JobState } from '../../state';
import { stableToken } from '../platform';
import { civilDays } from '../../wall-clock';
import type { ToolContext } from '../types';

/** An HTTP answer of a simulated service: status and body. */
export interface HttpAnswer {
  status: number;
  body: string;
}

// Job ids already worked out (32 rounds of hashing each); bounded, as backfill names carry their start time.
const knownJobIds = new Map<string, string>();

/** The Flink job id (32 hex digits) the job manager gives a job: stable for a job name. */
export function flinkJobId(jobId: string): string {
  let id = knownJobIds.get(jobId);
  if (id === undefined) {
    if (knownJobIds.size >= 512) knownJobIds.clear();
    id = stableToken(`flink/${jobId}`, 32, '0123456789abcdef');
    knownJobIds.set(jobId, id);
  }
  return id;
}

// Unix milliseconds at sim time 0, from the scenario's calendar date and UTC offset.
const epochMsAtZero = (ctx: ToolContext) => {
  const [y, m, d] = ctx.s.clock.dateAtZero.split('-').map(Number) as [number, number, number];
  const days = civilDays(y, m, d) - civilDays(1970, 1, 1);
  return (days * 86_400 + ctx.s.clock.timeOfDayAtZeroS - (ctx.s.clock.utcOffsetS ?? 0)) * 1000;
};

const stateName = (job: JobState) => (job.status === 'STOPPED' ? 'CANCELED' : job.status);

/** Answers a GET to the Flink job manager's REST API (`http://flink-jobmanager:8081`). */
export function flinkRest(ctx: ToolContext, path: string): HttpAnswer {
  const url = new URL(path, 'http://flink-jobmanager:8081');
  const jobs = ctx.s.world.jobs.filter((j) => j.engine === 'flink');
  const nowMs = epochMsAtZero(ctx) + ctx.state.t * 1000;
  const startMs = epochMsAtZero(ctx) + ctx.s.clock.worldStartS * 1000;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'v1') parts.shift();
  if (parts.length === 1 && parts[0] === 'jobs') {
    return ok({ jobs: jobs.map((j) => ({ id: flinkJobId(j.id), status: stateName(ctx.state.world.jobs[j.id] as JobState) })) });
  }
  if (parts.length === 2 && parts[0] === 'jobs' && parts[1] === 'overview') {
    return ok({ jobs: jobs.map((j) => overview(ctx, j, startMs, nowMs)) });
  }
  if (parts[0] === 'jobs' && parts[1]) {
    const spec = jobs.find((j) => flinkJobId(j.id) === parts[1]);
    const job = spec && ctx.state.world.jobs[spec.id];
    if (!/^[0-9a-f]{32}$/.test(parts[1])) return error(400, `Bad request: Cannot parse job id ${parts[1]}: it must be 32 hex characters (GET /jobs lists the ids)`);
    if (!spec || !job) return error(404, `Job ${parts[1]} not found`);
    const sub = parts[2];
    if (sub === undefined) return ok(detail(ctx, spec, job, startMs, nowMs));
    if (sub === 'exceptions') return ok(exceptions(ctx, job, nowMs));
    if (sub === 'checkpoints') return ok(checkpoints(job, nowMs));
    if (sub === 'metrics') {
      const wanted = (url.searchParams.get('get') ?? '').split(',').filter(Boolean);
      const metrics: Record<string, string> = { numRestarts: String(job.numRestarts), uptime: String(job.status === 'RUNNING' ? nowMs - startMs : 0), downtime: String(job.status === 'RUNNING' ? 0 : 60_000) };
      if (wanted.length === 0) return ok(Object.keys(metrics).map((id) => ({ id })));
      return ok(wanted.filter((w) => w in metrics).map((id) => ({ id, value: metrics[id] })));
    }
    if (sub === 'config') return ok({ jid: parts[1], name: spec.id, 'execution-config': { 'execution-mode': 'PIPELINED', 'restart-strategy': restartStrategy(spec), 'job-parallelism': job.instances, ...userConfig(job) } });
    if (sub === 'vertices' && parts[3]) {
      const index = vertexNames(spec, job).findIndex((_, i) => vertexId(spec, i) === parts[3]);
      if (index < 0) return error(404, `Vertex ${parts[3]} not found in job ${parts[1]} (GET /jobs/${parts[1]} lists the vertices)`);
      if (parts[4] === 'subtasks' && parts[5] === 'metrics') return ok(subtaskMetrics(ctx, job, index, url.searchParams.get('get')));
      if (parts[4] === undefined) return ok({ id: parts[3], name: vertexNames(spec, job)[index], parallelism: job.instances, now: nowMs });
    }
  }
  return error(404, `Not found: ${url.pathname}`);
}

function ok(body: unknown): HttpAnswer {
  return { status: 200, body: JSON.stringify(body) };
}

function error(status: number, message: string): HttpAnswer {
  return { status, body: JSON.stringify({ errors: [message] }) };
}

// A job with event-time windows states its watermark and allowed lateness in its configuration.
function userConfig(job: JobState): object {
  const lw = job.lateWindows;
  if (!lw) return {};
  return { 'user-config': { 'pipeline.watermark-strategy': 'bounded-out-of-orderness(event_ts, 1 min)', 'table.exec.emit.allow-lateness': flinkDuration(lw.allowedLatenessS), 'late-data.side-output': 'none' } };
}

/** A duration as Flink's configuration prints it: `10 min`, `12 h`, `90 s`. */
export function flinkDuration(seconds: number): string {
  if (seconds > 0 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds > 0 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

// The job graph: source, the job's operator chain (an event-time window for a windowed job), sink.
function vertexNames(spec: JobSpec, job: JobState): string[] {
  const middle = job.lateWindows ? 'GroupWindowAggregate(window=[TUMBLE(event_ts, 1 h)]) -> Calc' : 'enrich -> validate';
  return [`Source: ${spec.topic}-kafka-source`, middle, `Sink: ${spec.sink.table}`];
}

const vertexId = (spec: JobSpec, i: number) => stableToken(`${spec.id}/v${i}`, 32, '0123456789abcdef');

// Aggregated subtask metrics (`/vertices/<vid>/subtasks/metrics?get=…`): min, max, avg and sum over the subtasks.
function subtaskMetrics(ctx: ToolContext, job: JobState, vertex: number, get: string | null): unknown {
  const metrics: Record<string, number> = { numRecordsInPerSecond: job.status === 'RUNNING' ? job.consumedLastTick / ctx.s.clock.tickS : 0 };
  const lw = job.lateWindows;
  if (lw && vertex === 1) {
    metrics.numRecordsIn = lw.buckets.reduce((n, b) => n + b.events, 0);
    metrics.numLateRecordsDropped = lw.droppedTotal;
  }
  const wanted = (get ?? '').split(',').filter(Boolean);
  if (wanted.length === 0) return Object.keys(metrics).sort().map((id) => ({ id }));
  const n = Math.max(1, job.instances);
  return wanted.filter((w) => w in metrics).map((id) => {
    const sum = metrics[id] as number;
    const avg = sum / n;
    return { id, min: Math.floor(avg * 0.9), max: Math.ceil(avg * 1.1), avg: Math.round(avg * 10) / 10, sum };
  });
}

function restartStrategy(spec: JobSpec): string {
  return spec.restart.strategy === 'none' ? 'Restart deactivated.' : `Restart with fixed delay (${spec.restart.delayS * 1000} ms). #${spec.restart.attempts} restart attempts.`;
}

function overview(ctx: ToolContext, spec: JobSpec, startMs: number, nowMs: number) {
  const job = ctx.state.world.jobs[spec.id] as JobState;
  return { jid: flinkJobId(spec.id), name: spec.id, state: stateName(job), 'start-time': startMs, 'end-time': job.status === 'RUNNING' ? -1 : nowMs, duration: nowMs - startMs, 'last-modification': nowMs, tasks: { total: 3, running: job.status === 'RUNNING' ? 3 : 0, failed: job.status === 'FAILED' ? 1 : 0 } };
}

function detail(ctx: ToolContext, spec: JobSpec, job: JobState, startMs: number, nowMs: number) {
  const running = job.status === 'RUNNING';
  const vertex = (name: string, i: number) => ({ id: vertexId(spec, i), name, parallelism: job.instances, status: running ? 'RUNNING' : job.status === 'STOPPED' ? 'CANCELED' : job.status === 'FAILED' ? 'FAILED' : 'CREATED' });
  return {
    jid: flinkJobId(spec.id),
    name: spec.id,
    isStoppable: false,
    state: stateName(job),
    'start-time': startMs,
    'end-time': running ? -1 : nowMs,
    duration: nowMs - startMs,
    now: nowMs,
    vertices: vertexNames(spec, job).map(vertex),
    'status-counts': { RUNNING: running ? 3 : 0, FAILED: job.status === 'FAILED' ? 1 : 0, CANCELED: job.status === 'STOPPED' ? 3 : 0, CREATED: job.status === 'RESTARTING' ? 3 : 0 },
    timestamps: { RUNNING: startMs, ...(job.status === 'FAILED' ? { FAILED: nowMs } : {}), ...(job.status === 'RESTARTING' ? { RESTARTING: nowMs } : {}) },
  };
}

function exceptions(ctx: ToolContext, job: JobState, nowMs: number) {
  const failure = job.lastFailure;
  if (!failure) return { 'root-exception': null, timestamp: null, 'all-exceptions': [], truncated: false, exceptionHistory: { entries: [], truncated: false } };
  const trace = `org.apache.kafka.common.errors.SerializationException: Error deserializing key/value for partition ${failure.partition >= 0 ? `${ctx.s.world.jobs.find((j) => ctx.state.world.jobs[j.id] === job)?.topic ?? 'topic'}-${failure.partition}` : ''} at offset ${failure.offset}. If needed, please seek past the record to continue consumption.\nCaused by: ${failure.error}`;
  const entry = { exceptionName: 'org.apache.kafka.common.errors.SerializationException', stacktrace: trace, timestamp: nowMs, taskName: 'Source: kafka-source (1/1)', location: 'taskmanager-0:6122' };
  return { 'root-exception': trace, timestamp: nowMs, 'all-exceptions': [], truncated: false, exceptionHistory: { entries: [entry], truncated: false } };
}

function checkpoints(job: JobState, nowMs: number) {
  const id = job.checkpointId;
  return {
    counts: { restored: job.numRestarts, total: id, in_progress: 0, completed: id, failed: 0 },
    latest: { completed: id > 0 ? { id, status: 'COMPLETED', is_savepoint: false, trigger_timestamp: nowMs - 60_000, latest_ack_timestamp: nowMs - 59_400, state_size: 48_211_968, end_to_end_duration: 600, external_path: `s3://lake-checkpoints/flink/${id}` } : null, savepoint: null, failed: null, restored: null },
  };
}
