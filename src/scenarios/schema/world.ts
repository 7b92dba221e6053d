import { z } from 'zod';
import { dashboardKpiSchema, tableLayoutSchema } from './lake.ts';
import { buildModeSchema, dagTimezoneSchema, landingSchema, schedulerSpecSchema } from './orchestration.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "_" or "-"');
const seconds = z.number().int();
const positiveSeconds = z.number().int().positive();

/** A service writing records to a topic. */
export const producerSchema = z.strictObject({
  id,
  topic: id,
  subject: id,
  /** Baseline records per second, before the daily rhythm and noise. */
  ratePerSec: z.number().positive().max(100_000),
  /** Relative size of the per-tick random wobble (0.05 = ±5%). */
  noise: z.number().min(0).max(0.5).default(0.05),
  writerVersion: z.number().int().positive(),
  /** Share of events that reach Kafka late (offline devices flushing later); absent = none. */
  lateShare: z.number().min(0).max(1).optional(),
  /** Late events arrive between 0 and this many seconds after their event time, evenly spread. */
  lateByS: z.number().int().positive().max(30 * 86_400).optional(),
  /** The Kafka Connect source connector that is this producer (a Debezium connector, say): its name and configuration as the Connect REST API returns them. */
  connector: z
    .strictObject({
      name: id,
      config: z.record(z.string().min(1), z.string()).refine((c) => typeof c['connector.class'] === 'string' && c['connector.class'] !== '', { message: 'a connector config names its connector.class' }),
    })
    .optional(),
});

/** A Kafka topic. */
export const topicSchema = z.strictObject({
  id,
  partitions: z.number().int().min(1).max(64),
  retentionS: positiveSeconds,
});

/** One version of a registry subject. */
export const schemaVersionSchema = z.strictObject({
  version: z.number().int().positive(),
  id: z.number().int().positive(),
  /** When it was registered; absent when a fault registers it during the scenario. */
  registeredAtS: seconds.optional(),
  /** The Avro schema, as the registry returns it. What a reader of another version does with it is computed, never declared. */
  schema: z.record(z.string(), z.unknown()),
});

/** A schema-registry subject. */
export const subjectSchema = z.strictObject({
  name: id,
  compatibility: z.enum(['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE']),
  versions: z.array(schemaVersionSchema).min(1),
});

/**
 * A consumer's poll loop: each poll returns up to `maxPollRecords`, each record makes one
 * blocking sink call. A loop longer than `maxPollIntervalS` gets the member evicted, its commit
 * fails and the group rebalances. Absent fields take the Kafka client defaults.
 */
export const pollLoopSchema = z.strictObject({
  maxPollRecords: z.number().int().positive().max(100_000).optional(),
  maxPollIntervalS: z.number().int().positive().max(86_400).optional(),
  /** Typical latency of the per-record sink or enrichment call. */
  sinkCallMs: z.number().nonnegative().max(600_000).optional(),
  /** Share of calls that hang (a degraded downstream) and how long they take when nothing bounds them. */
  sinkSlowShare: z.number().min(0).max(1).optional(),
  sinkSlowMs: z.number().nonnegative().max(600_000).optional(),
  /** The client's timeout on that call; absent = none, a hung call blocks the loop. */
  sinkTimeoutMs: z.number().positive().max(600_000).optional(),
  /** How long an eager rebalance stops the whole group. */
  rebalanceS: z.number().int().positive().max(3600).optional(),
  /** The call as the job's logs name it, e.g. `POST http://fraud-score.internal/v2/score`. */
  sinkCall: z.string().min(1).max(200).optional(),
});

/** A streaming job reading a topic through a consumer group and writing a table. */
export const jobSchema = z.strictObject({
  id,
  engine: z.enum(['flink', 'spark', 'kafka-connect', 'consumer']),
  group: id,
  topic: id,
  subject: id,
  readerMode: z.enum(['pinned', 'registry']),
  pinnedVersion: z.number().int().positive(),
  instances: z.number().int().positive().max(64),
  ratePerInstance: z.number().positive(),
  onError: z.enum(['fail', 'dlq', 'skip']),
  dlqTopic: id,
  restart: z.strictObject({
    strategy: z.enum(['fixed-delay', 'none']),
    attempts: z.number().int().nonnegative().max(1000),
    delayS: positiveSeconds,
  }),
  sink: z.strictObject({ table: id, idempotent: z.boolean() }),
  /** Whether the job's health matters for the incident (others form the healthy background). */
  critical: z.boolean().default(true),
  /** Event-time windows: events behind the watermark by more than this are dropped (absent = no event-time windows). */
  allowedLatenessS: z.number().int().nonnegative().max(30 * 86_400).optional(),
  /** The consumer's poll loop and its per-record sink call; absent = throughput is only `ratePerInstance`. */
  poll: pollLoopSchema.optional(),
});

/** A lake table. */
export const tableSchema = z.strictObject({
  id,
  description: z.string().default(''),
  columns: z.array(id).min(1),
  /** Share of nulls per column in healthy data. */
  nullBaseline: z.record(z.string(), z.number().min(0).max(1)).default({}),
  freshnessSlaS: positiveSeconds,
  /** Physical layout (partitioning, commit interval, file size) for file-count, latency and cost metrics. */
  layout: tableLayoutSchema.optional(),
  /** Delivered by an upstream extract on a schedule (no job or DAG writes it). */
  landing: landingSchema.optional(),
  /** dbt `warn_after` for source freshness (default: the freshness SLA). */
  freshnessWarnS: positiveSeconds.optional(),
  /** dbt `error_after` for source freshness (default: twice `warn_after`). */
  freshnessErrorS: positiveSeconds.optional(),
});

/** An orchestrated DAG: a sensor waiting for fresh upstream data, then a build task. */
export const dagSchema = z.strictObject({
  id,
  everyS: positiveSeconds,
  critical: z.boolean(),
  maxActiveRuns: z.number().int().min(1).max(16).default(1),
  sensor: z.strictObject({
    task: id,
    table: id,
    mode: z.enum(['poke', 'reschedule']),
    pokeS: positiveSeconds,
    timeoutS: positiveSeconds,
  }),
  build: z.strictObject({
    task: id,
    durationS: positiveSeconds,
    writes: id,
    /** Track the target per window: `append` adds the window's rows, `overwrite` replaces its partition (absent: the target mirrors the source). */
    mode: buildModeSchema.optional(),
    /** `test`: the task runs data tests on the sensor table and fails when it holds duplicates or missing rows. */
    kind: z.enum(['build', 'test']).optional(),
  }),
  /** The clock the schedule and the partition keys follow (absent: UTC). */
  timezone: dagTimezoneSchema.optional(),
  /** The DAG starts paused (a backfill-only DAG, say). */
  startPaused: z.boolean().optional(),
});

/** A BI dashboard fed by a table. */
export const dashboardSchema = z.strictObject({
  id,
  title: z.string().min(1),
  table: id,
  /** Freshness past which the dashboard shows nothing for today. */
  blankAfterS: positiveSeconds,
  audience: z.string().default(''),
  /** The tiles it shows, named as the audience knows them. */
  tiles: z.array(z.string().min(1)).default([]),
  /** The headline figure, scaled by the table's completeness (late data dropped makes it wrong). */
  kpi: dashboardKpiSchema.optional(),
});

/** A feature flag. */
export const flagSchema = z.strictObject({
  id,
  description: z.string().min(1),
  initial: z.boolean(),
  /** A job whose reader the flag switches, within seconds: on reads each record with its writer schema from the registry, off with the pinned reader. */
  readerOf: id.optional(),
});

/** The simulated platform's topology and starting parameters. */
export const worldSchema = z.strictObject({
  producers: z.array(producerSchema).min(1),
  topics: z.array(topicSchema).min(1),
  subjects: z.array(subjectSchema).default([]),
  jobs: z.array(jobSchema).default([]),
  tables: z.array(tableSchema).default([]),
  dags: z.array(dagSchema).default([]),
  workerSlots: z.number().int().min(1).max(256).default(8),
  dashboards: z.array(dashboardSchema).default([]),
  flags: z.array(flagSchema).default([]),
  /** The orchestrator's scheduler as runtime state (heartbeat, pool size, stalls); absent: always healthy, `workerSlots` fixed. */
  scheduler: schedulerSpecSchema.optional(),
});

/** The world section of a scenario file. */
export type WorldSpec = z.infer<typeof worldSchema>;
/** A producer as the scenario declares it. */
export type ProducerSpec = z.infer<typeof producerSchema>;
/** A job as the scenario declares it. */
export type JobSpec = z.infer<typeof jobSchema>;
/** A job's poll-loop settings as the scenario declares them. */
export type PollLoopSpec = z.infer<typeof pollLoopSchema>;
/** A DAG as the scenario declares it. */
export type DagSpec = z.infer<typeof dagSchema>;
/** A schema version as the scenario declares it. */
export type SchemaVersionSpec = z.infer<typeof schemaVersionSchema>;
/** A registry subject as the scenario declares it. */
export type SubjectSpec = z.infer<typeof subjectSchema>;
