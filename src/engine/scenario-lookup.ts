import type {
  ActionSpec,
  AlertSpec,
  DagSpec,
  JobSpec,
  ProducerSpec,
  Scenario,
  SchemaVersionSpec,
} from '../scenarios/schema';

/** Fast lookups into a scenario, built once per scenario object. */
export interface ScenarioLookup {
  producer: Map<string, ProducerSpec>;
  producerOfTopic: Map<string, ProducerSpec>;
  topic: Map<string, Scenario['world']['topics'][number]>;
  job: Map<string, JobSpec>;
  jobOfTable: Map<string, JobSpec>;
  dag: Map<string, DagSpec>;
  dagOfTable: Map<string, DagSpec>;
  action: Map<string, ActionSpec>;
  alert: Map<string, AlertSpec>;
  schemaVersion: (subject: string, version: number) => SchemaVersionSpec | undefined;
}

const cache = new WeakMap<Scenario, ScenarioLookup>();

/** Returns the lookup tables for a scenario (memoised; the scenario is never changed). */
export function lookup(s: Scenario): ScenarioLookup {
  const hit = cache.get(s);
  if (hit) return hit;
  const w = s.world;
  const versions = new Map<string, SchemaVersionSpec>();
  for (const subject of w.subjects) for (const v of subject.versions) versions.set(`${subject.name}@${v.version}`, v);
  const built: ScenarioLookup = {
    producer: new Map(w.producers.map((p) => [p.id, p])),
    producerOfTopic: new Map(w.producers.map((p) => [p.topic, p])),
    topic: new Map(w.topics.map((t) => [t.id, t])),
    job: new Map(w.jobs.map((j) => [j.id, j])),
    jobOfTable: new Map(w.jobs.map((j) => [j.sink.table, j])),
    dag: new Map(w.dags.map((d) => [d.id, d])),
    dagOfTable: new Map(w.dags.map((d) => [d.build.writes, d])),
    action: new Map(s.actions.map((a) => [a.id, a])),
    alert: new Map(s.alerts.map((a) => [a.id, a])),
    schemaVersion: (subject, version) => versions.get(`${subject}@${version}`),
  };
  cache.set(s, built);
  return built;
}
