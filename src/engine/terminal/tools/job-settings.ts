import type { Effect, JobSpec } from '../../../scenarios/schema';
import type { JobState } from '../../state';

/** A setting a streaming job reads from its environment, how to read it now and how to change it. */
interface Setting {
  key: string;
  current: (spec: JobSpec, job: JobState) => string;
  /** The `job.set` fields for a new value, or the reason it is refused. */
  apply: (value: string, spec: JobSpec, env: Record<string, string>) => Omit<Extract<Effect, { op: 'job.set' }>, 'op' | 'job'> | string;
}

const oneOf = (key: string, values: readonly string[]) => `${key} must be one of: ${values.join(', ')}`;
const positiveInt = (key: string, value: string, f: (n: number) => object): object | string => (/^\d+$/.test(value) && Number(value) > 0 ? f(Number(value)) : `${key} must be a positive whole number`);

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
export function jobEnvironment(spec: JobSpec, job: JobState): [string, string][] {
  return settings.filter((x) => x.key.startsWith('MAX_POLL') || x.key === 'SINK_REQUEST_TIMEOUT_MS' ? job.poll !== undefined : true).map((x) => [x.key, x.current(spec, job)]);
}

/** The names a job's environment knows, for completion and the admission webhook's message. */
export const settingKeys = settings.map((x) => x.key);

/** The `job.set` effect for a batch of `KEY=value` changes, or the webhook's refusal. */
export function settingsEffect(spec: JobSpec, job: JobState, changes: Record<string, string>): Extract<Effect, { op: 'job.set' }> | string {
  const env = Object.fromEntries(jobEnvironment(spec, job));
  Object.assign(env, changes);
  let effect: Extract<Effect, { op: 'job.set' }> = { op: 'job.set', job: spec.id };
  for (const [key, value] of Object.entries(changes)) {
    const setting = settings.find((x) => x.key === key);
    if (!setting) return `unknown setting ${key}; this job reads ${settingKeys.join(', ')}`;
    const fields = setting.apply(value, spec, env);
    if (typeof fields === 'string') return fields;
    effect = { ...effect, ...fields, ...('poll' in fields && effect.poll ? { poll: { ...effect.poll, ...fields.poll } } : {}) };
  }
  return effect;
}
