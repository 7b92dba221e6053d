import type { Effect, JobSpec } from '../../../scenarios/schema';
import type { JobState } from '../../state';
import type { TableLayoutState } from '../../world/lake-state';

/** A setting a streaming job reads from its environment, how to read it now and how to change it. */
interface Setting {
  key: string;
  current: (spec: JobSpec, job: JobState, layout: TableLayoutState | undefined) => string;
  /** The `job.set` fields for a new value, or the reason it is refused. */
  apply: (value: string, spec: JobSpec, env: Record<string, string>, layout: TableLayoutState | undefined) => Omit<Extract<Effect, { op: 'job.set' }>, 'op' | 'job'> | string;
}

const oneOf = (key: string, values: readonly string[]) => `${key} must be one of: ${values.join(', ')}`;
const positiveInt = (key: string, value: string, f: (n: number) => object): object | string => (/^\d+$/.test(value) && Number(value) > 0 ? f(Number(value)) : `${key} must be a positive whole number`);

const durationUnits: Record<string, number> = { ms: 0.001, s: 1, sec: 1, m: 60, min: 60, h: 3600, d: 86_400 };

/** Reads a duration as Flink's configuration takes it (`12h`, `10min`, `90s`, `43200000ms`); seconds, or null. */
export function parseFlinkDuration(text: string): number | null {
  const m = /^(\d+)\s*(ms|sec|s|min|m|h|d)$/.exec(text.trim());
  return m ? Math.round(Number(m[1]) * (durationUnits[m[2] as string] as number)) : null;
}

// The shortest way to write a duration in whole units: 12h, 10min, 90s.
const compactDuration = (s: number) => (s > 0 && s % 3600 === 0 ? `${s / 3600}h` : s > 0 && s % 60 === 0 ? `${s / 60}min` : `${s}s`);

/** Longest allowed lateness a windowed job accepts: its state holds every open window that long. */
export const maxAllowedLatenessS = 7 * 86_400;

const settings: Setting[] = [
  {
    key: 'READER_SCHEMA_MODE',
    current: (_spec, job) => job.readerMode,
    apply: (v) => (v === 'pinned' || v === 'registry' ? { readerMode: v } : oneOf('READER_SCHEMA_MODE', ['pinned', 'registry'])),
  },
  { key: 'READER_SCHEMA_VERSION', current: (spec) => String(spec.pinnedVersion), apply: () => 'READER_SCHEMA_VERSION is baked into the image at build time; change READER_SCHEMA_MODE instead' },
  {
    key: 'ERRORS_TOLERANCE',
    current: (_spec, job) => (job.onError === 'fail' ? 'none' : 'all'),
    apply: (v, spec, env) => {
      if (v === 'none') return { onError: 'fail' };
      if (v !== 'all') return oneOf('ERRORS_TOLERANCE', ['none', 'all']);
      return { onError: (env.ERRORS_DEADLETTERQUEUE_TOPIC_NAME ?? '') === '' ? 'skip' : 'dlq' };
    },
  },
  {
    key: 'ERRORS_DEADLETTERQUEUE_TOPIC_NAME',
    current: (spec, job) => (job.onError === 'dlq' ? spec.dlqTopic : ''),
    apply: (v, spec, env) => {
      if (v !== '' && v !== spec.dlqTopic) return `ERRORS_DEADLETTERQUEUE_TOPIC_NAME must be '' or ${spec.dlqTopic} (the job's provisioned dead-letter topic)`;
      if ((env.ERRORS_TOLERANCE ?? 'none') !== 'all') return {};
      return { onError: v === '' ? 'skip' : 'dlq' };
    },
  },
  {
    key: 'SINK_WRITE_MODE',
    current: (spec, job) => ((job.idempotentSink ?? spec.sink.idempotent) ? 'merge' : 'append'),
    apply: (v) => (v === 'merge' || v === 'append' ? { idempotentSink: v === 'merge' } : oneOf('SINK_WRITE_MODE', ['append', 'merge'])),
  },
  {
    key: 'ALLOWED_LATENESS',
    current: (_spec, job) => compactDuration(job.lateWindows?.allowedLatenessS ?? 0),
    apply: (v, spec) => {
      if (spec.allowedLatenessS === undefined) return 'ALLOWED_LATENESS applies to jobs with event-time windows; this job has none';
      const seconds = parseFlinkDuration(v);
      if (seconds === null) return `ALLOWED_LATENESS must be a duration such as 30min, 2h or 600s, got "${v}"`;
      if (seconds > maxAllowedLatenessS) return `ALLOWED_LATENESS above 7d would keep every window's state open for longer than the state backend is sized for`;
      return { allowedLatenessS: seconds };
    },
  },
  {
    key: 'CHECKPOINT_INTERVAL',
    current: (_spec, _job, layout) => compactDuration(layout?.commitIntervalS ?? 0),
    apply: (v, _spec, _env, layout) => {
      if (!layout) return 'CHECKPOINT_INTERVAL applies to jobs whose sink commits files at each checkpoint; this job has none';
      const seconds = parseFlinkDuration(v);
      if (seconds === null || seconds < 1) return `CHECKPOINT_INTERVAL must be a duration such as 30s, 5min or 10min, got "${v}"`;
      if (seconds > 86_400) return 'CHECKPOINT_INTERVAL above 1d would hold a day of data uncommitted';
      return { commitIntervalS: seconds };
    },
  },
  {
    key: 'MAX_POLL_RECORDS',
    current: (_spec, job) => String(job.poll?.maxPollRecords ?? 500),
    apply: (v) => positiveInt('MAX_POLL_RECORDS', v, (n) => ({ poll: { maxPollRecords: n } })) as ReturnType<Setting['apply']>,
  },
  {
    key: 'MAX_POLL_INTERVAL_MS',
    current: (_spec, job) => String((job.poll?.maxPollIntervalS ?? 300) * 1000),
    apply: (v) => positiveInt('MAX_POLL_INTERVAL_MS', v, (n) => ({ poll: { maxPollIntervalS: Math.max(1, Math.round(n / 1000)) } })) as ReturnType<Setting['apply']>,
  },
  {
    key: 'SINK_REQUEST_TIMEOUT_MS',
    current: (_spec, job) => (job.poll?.sinkTimeoutMs == null ? '' : String(job.poll.sinkTimeoutMs)),
    apply: (v) => positiveInt('SINK_REQUEST_TIMEOUT_MS', v, (n) => ({ poll: { sinkTimeoutMs: n } })) as ReturnType<Setting['apply']>,
  },
];

/** The job's environment as `kubectl set env --list` shows it, in a fixed order. */
export function jobEnvironment(spec: JobSpec, job: JobState, layout?: TableLayoutState): [string, string][] {
  const listed = (key: string) => {
    if (key.startsWith('MAX_POLL') || key === 'SINK_REQUEST_TIMEOUT_MS') return job.poll !== undefined;
    if (key === 'ALLOWED_LATENESS') return job.lateWindows !== undefined;
    if (key === 'CHECKPOINT_INTERVAL') return layout !== undefined;
    return true;
  };
  return settings.filter((x) => listed(x.key)).map((x) => [x.key, x.current(spec, job, layout)]);
}

/** The names a job's environment knows, for completion and the admission webhook's message. */
export const settingKeys = settings.map((x) => x.key);

/** The `job.set` effect for a batch of `KEY=value` changes, or the webhook's refusal. */
export function settingsEffect(spec: JobSpec, job: JobState, changes: Record<string, string>, layout?: TableLayoutState): Extract<Effect, { op: 'job.set' }> | string {
  const env = Object.fromEntries(jobEnvironment(spec, job, layout));
  Object.assign(env, changes);
  let effect: Extract<Effect, { op: 'job.set' }> = { op: 'job.set', job: spec.id };
  for (const [key, value] of Object.entries(changes)) {
    const setting = settings.find((x) => x.key === key);
    if (!setting) return `unknown setting ${key}; this job reads ${settingKeys.join(', ')}`;
    const fields = setting.apply(value, spec, env, layout);
    if (typeof fields === 'string') return fields;
    effect = { ...effect, ...fields, ...('poll' in fields && effect.poll ? { poll: { ...effect.poll, ...fields.poll } } : {}) };
  }
  return effect;
}
