import { z } from 'zod';
import { pollLoopSchema } from './world.ts';
import { orchestrationEffects } from './orchestration.ts';

const id = z.string().min(1);

/**
 * The engine's vocabulary of changes to the world. Faults, actions and injects all use it,
 * so a scenario needs no code: a new behaviour is a new effect, for every scenario.
 */
export const effectSchema = z.discriminatedUnion('op', [
  /** Change what a producer writes: schema version, records carrying values only its schema knows, moved fields, nulls, rate. */
  z.strictObject({
    op: z.literal('producer.set'),
    producer: id,
    writerVersion: z.number().int().positive().optional(),
    /**
     * One record in `poisonEvery` carries a value only the writer's schema knows (a new enum
     * symbol, a new union branch); 0 stops them. Whether a reader fails on it, and with what
     * error, is computed from the reader's and writer's schemas.
     */
    poisonEvery: z.number().int().nonnegative().optional(),
    /** `pinned-reader`: the records above are Avro, resolved as the schemas decide; `any-reader`: not Avro at all (unknown magic byte), every reader fails. */
    poisonKind: z.enum(['pinned-reader', 'any-reader']).optional(),
    ratePerSec: z.number().nonnegative().optional(),
    /** Share of events that arrive late (offline devices flushing later). */
    lateShare: z.number().min(0).max(1).optional(),
    /** Late events arrive up to this many seconds after their event time. */
    lateByS: z.number().int().positive().optional(),
    /** Columns the producer itself writes as null, and for what share of records (an upstream bug every reader sees); [] stops it. */
    nullColumns: z.array(z.strictObject({ column: id, fraction: z.number().min(0).max(1) })).optional(),
    /**
     * Fields the producer moved: in `fraction` of records it writes the top-level `field` as null
     * and the value in the nested field `to` (`context.channel`). A reader whose resolved schema
     * lacks `to` reads null; [] stops it.
     */
    movedFields: z
      .array(
        z.strictObject({
          field: id,
          to: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/, 'must be a nested field path such as "context.channel"'),
          fraction: z.number().min(0).max(1),
        }),
      )
      .optional(),
  }),
  /** Register a schema version (it must be declared in the subject's versions). */
  z.strictObject({ op: z.literal('registry.register'), subject: id, version: z.number().int().positive() }),
  /** Change a subject's compatibility mode. */
  z.strictObject({
    op: z.literal('registry.set-compatibility'),
    subject: id,
    compatibility: z.enum(['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE']),
  }),
  /** Restart a streaming job from its committed offsets, with a fresh restart budget. */
  z.strictObject({ op: z.literal('job.restart'), job: id }),
  /** Stop a streaming job (its consumer group becomes inactive). */
  z.strictObject({ op: z.literal('job.stop'), job: id }),
  /** Change a streaming job's configuration; it takes effect immediately. */
  z.strictObject({
    op: z.literal('job.set'),
    job: id,
    readerMode: z.enum(['pinned', 'registry']).optional(),
    onError: z.enum(['fail', 'dlq', 'skip']).optional(),
    instances: z.number().int().positive().optional(),
    ratePerInstance: z.number().positive().optional(),
    /** Allowed lateness of the job's event-time windows. */
    allowedLatenessS: z.number().int().nonnegative().optional(),
    /** Seconds between the job's commits to its sink table (checkpoint / trigger interval). */
    commitIntervalS: z.number().int().positive().optional(),
    /** Poll-loop settings to change (merged over the current ones; starts the poll-loop model if it was off). */
    poll: pollLoopSchema.optional(),
    /** `true`: the sink MERGEs on the event id, so re-deliveries no longer add rows. */
    idempotentSink: z.boolean().optional(),
  }),
  /**
   * Move a job's committed offsets: to the log end (skipping the backlog), to the earliest
   * retained offset, to where the log was `agoS` seconds ago, or to where it was at `atS`. `overwrite` replays into the
   * sink with partition overwrite, so re-delivered records are not duplicated.
   */
  z.strictObject({
    op: z.literal('job.reset-offsets'),
    job: id,
    to: z.enum(['latest', 'earliest', 'ago', 'time', 'offsets']),
    agoS: z.number().int().positive().optional(),
    /** With `to: offsets`: the new offset of each partition, in partition order (what `--to-offset`, `--shift-by` or a partial `--topic t:0,1` planned). */
    offsets: z.array(z.number().int().nonnegative()).max(64).optional(),
    /** How the reset was asked for, for the job's log (`--shift-by -5000`); absent: derived from `to`. */
    how: z.string().max(200).optional(),
    /** With `to: time`: the sim time to rewind to (`--to-datetime`). */
    atS: z.number().int().optional(),
    overwrite: z.boolean().optional(),
  }),
  /**
   * Start a bounded backfill job beside the live one: it re-reads from where the log was at
   * `atS` up to the live job's current offsets, with the live job's reader settings, at
   * `parallelism` times the per-instance rate. `overwrite` replaces sink partitions instead
   * of appending, so re-delivered records are not duplicated.
   */
  z.strictObject({
    op: z.literal('job.backfill'),
    job: id,
    atS: z.number().int(),
    parallelism: z.number().int().positive().max(64),
    overwrite: z.boolean(),
  }),
  /**
   * Re-aggregate a job's event-time windows from the raw events, from sim time `atS` on, at
   * `ratePerSec` raw events per second: late events the watermark dropped are counted again.
   * Without `overwrite` the re-aggregated windows are appended, double-counting the on-time events.
   */
  z.strictObject({
    op: z.literal('job.reprocess'),
    job: id,
    atS: z.number().int(),
    ratePerSec: z.number().positive(),
    overwrite: z.boolean(),
  }),
  /** Mark a table's most recent `windowS` of partitions provisional (0 marks everything final). */
  z.strictObject({ op: z.literal('table.set-provisional'), table: id, windowS: z.number().int().nonnegative() }),
  /** Change how new data is laid out in a table; files already written keep their layout. */
  z.strictObject({
    op: z.literal('table.set-layout'),
    table: id,
    partitionBy: z.enum(['day', 'hour', 'hour-and-key']).optional(),
    keyCardinality: z.number().int().positive().optional(),
    targetFileMb: z.number().positive().optional(),
  }),
  /** Start a compaction job (OPTIMIZE / rewrite_data_files) that merges small files toward the target size at `mbPerS`. */
  z.strictObject({ op: z.literal('table.compact'), table: id, mbPerS: z.number().positive(), targetFileMb: z.number().positive().optional() }),
  /** Resize the warehouse serving a table's queries. */
  z.strictObject({
    op: z.literal('table.set-query'),
    table: id,
    parallelism: z.number().int().positive().optional(),
    usdPerComputeS: z.number().positive().optional(),
  }),
  /** Delete the oldest `share` of a table's files and data (dropping partitions): the rows are gone. */
  z.strictObject({ op: z.literal('table.drop-partitions'), table: id, share: z.number().min(0).max(1) }),
  /** Cancel a job's bounded backfill where it is: what it re-read stays, the rest is not re-read. */
  z.strictObject({ op: z.literal('job.cancel-backfill'), job: id }),
  /** Re-deliver the records parked in a job's dead-letter queue that the job can now decode. */
  z.strictObject({ op: z.literal('job.replay-dlq'), job: id }),
  /** A dedupe/MERGE job rewrites a table, keeping one row per event id: every duplicate row is removed. */
  z.strictObject({ op: z.literal('table.dedupe'), table: id }),
  /** Turn a feature flag on or off. */
  z.strictObject({ op: z.literal('flag.set'), flag: id, value: z.boolean() }),
  /** Pause a DAG; `failRunning` also marks its running and queued tasks failed, freeing worker slots. */
  z.strictObject({ op: z.literal('dag.pause'), dag: id, failRunning: z.boolean().optional() }),
  /** Unpause a DAG. */
  z.strictObject({ op: z.literal('dag.unpause'), dag: id }),
  /**
   * Clear a DAG's running and queued task instances (`airflow tasks clear --only-running`): their
   * worker slots are freed; a paused DAG's runs end failed, an active DAG's runs queue again.
   */
  z.strictObject({ op: z.literal('dag.clear-running'), dag: id }),
  /** Deliver one of the scenario's stakeholder messages now. */
  z.strictObject({ op: z.literal('message.send'), message: id }),
  ...orchestrationEffects,
  /**
   * The upstream team corrects the rows its producer wrote with nulls (an UPDATE the CDC stream
   * carries as change events; a sink keyed on the row id folds them in). Records written after
   * this moment keep whatever the producer writes then.
   */
  z.strictObject({ op: z.literal('producer.repair-nulls'), producer: id }),
]);
/** One change to the world. */
export type Effect = z.infer<typeof effectSchema>;
