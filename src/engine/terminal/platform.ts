import type { JobSpec, Scenario } from '../../scenarios/schema';
import { visibleFlags } from '../plan/plan-flags';
import { hashString } from '../state-hash';
import { simTimeAtLocal, type ClockAnchor } from '../wall-clock';

/** The broker address every Kafka tool on this platform is pointed at. */
export const bootstrapServer = 'kafka:9092';

/** A Kubernetes deployment of the data platform and the streaming job it runs. */
export interface Deployment {
  name: string;
  job: JobSpec;
  /** Flink runs a job manager and task managers; the others run one kind of pod. */
  role: 'jobmanager' | 'taskmanager' | 'worker';
}

/** The platform's deployments, by name: one per consumer or connector, two per Flink job. */
export function deployments(s: Scenario): Deployment[] {
  return s.world.jobs
    .flatMap((job): Deployment[] =>
      job.engine === 'flink'
        ? [
            { name: `${job.id}-jobmanager`, job, role: 'jobmanager' },
            { name: `${job.id}-taskmanager`, job, role: 'taskmanager' },
          ]
        : [{ name: job.id, job, role: 'worker' }],
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Finds a deployment by name, accepting the job's own id for a Flink job (its task managers). */
export function deploymentNamed(s: Scenario, name: string): Deployment | undefined {
  const all = deployments(s);
  return all.find((d) => d.name === name) ?? all.find((d) => d.job.id === name && d.role === 'taskmanager');
}

/** The job reading through a consumer group. */
export function jobOfGroup(s: Scenario, group: string): JobSpec | undefined {
  return s.world.jobs.find((j) => j.group === group);
}

/** Every topic on the cluster: the scenario's and the jobs' dead-letter topics, sorted. */
export function topicNames(s: Scenario): string[] {
  return [...new Set([...s.world.topics.map((t) => t.id), ...s.world.jobs.map((j) => j.dlqTopic)])].sort();
}

/** A stable pseudo-random token for an entity (pod suffixes, topic ids): the same name gives the same token. */
export function stableToken(name: string, length = 5, alphabet = 'bcdfghjklmnpqrstvwxz2456789'): string {
  let h = hashString(name);
  let out = '';
  while (out.length < length) {
    const n = Number.parseInt(h.slice(0, 6), 16);
    out += alphabet[n % alphabet.length];
    h = hashString(h);
  }
  return out;
}

/**
 * Reads a datetime as the tools accept it (`2024-03-11T06:55:00.000`, `2024-03-11 06:55`,
 * `06:55` for today) in the platform's local clock; null when it is not one.
 */
export function parseDateTime(anchor: ClockAnchor, text: string, today: string): number | null {
  const m = /^(?:(\d{4}-\d{2}-\d{2})[T ])?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  const dateOnly = /^(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  if (dateOnly) return simTimeAtLocal(anchor, dateOnly[1] as string, 0);
  if (!m) return null;
  const [hh, mm, ss] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hh > 23 || mm > 59 || ss > 59) return null;
  return simTimeAtLocal(anchor, m[1] ?? today, hh * 3600 + mm * 60 + ss);
}

/** Parses an ISO-8601 duration as `--by-duration` takes it (`PT1H30M`, `P1DT2H`), in seconds. */
export function parseIsoDuration(text: string): number | null {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  return Number(m[1] ?? 0) * 86_400 + Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Math.floor(Number(m[4] ?? 0));
}

/** The names the shell completes: everything the platform's own list commands show, sorted. */
export interface ShellNames {
  groups: string[];
  topics: string[];
  consumedTopics: string[];
  deployments: string[];
  flinkJobIds: string[];
  connectors: string[];
  subjects: string[];
  dags: string[];
  tables: string[];
  /** The lake tables with a file layout: the Iceberg tables Trino's catalog holds. */
  icebergTables: string[];
  flags: string[];
  dashboards: string[];
}

const namesCache = new WeakMap<Scenario, ShellNames>();

/** The shell's completion names for a scenario's platform (memoised: the scenario never changes). */
export function shellNames(s: Scenario): ShellNames {
  const hit = namesCache.get(s);
  if (hit) return hit;
  const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
  const names: ShellNames = {
    groups: sorted(s.world.jobs.map((j) => j.group)),
    topics: topicNames(s),
    consumedTopics: sorted(s.world.jobs.map((j) => j.topic)),
    // The Airflow scheduler runs as a deployment beside the jobs' when the platform has one.
    deployments: sorted([...deployments(s).map((d) => d.name), ...(s.world.scheduler ? ['airflow-scheduler'] : [])]),
    flinkJobIds: sorted(s.world.jobs.filter((j) => j.engine === 'flink').map((j) => j.id)),
    connectors: sorted([...s.world.producers.flatMap((p) => (p.connector ? [p.connector.name] : [])), ...s.world.jobs.filter((j) => j.engine === 'kafka-connect').map((j) => j.id)]),
    subjects: sorted(s.world.subjects.map((x) => x.name)),
    dags: sorted(s.world.dags.map((d) => d.id)),
    tables: sorted(s.world.tables.map((t) => t.id)),
    icebergTables: sorted(s.world.tables.filter((t) => t.layout).map((t) => t.id)),
    flags: sorted(visibleFlags(s).map((f) => f.id)),
    dashboards: sorted(s.world.dashboards.map((d) => d.id)),
  };
  namesCache.set(s, names);
  return names;
}
