import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "_" or "-"');
const ref = z.string().min(1);
const positiveSeconds = z.number().int().positive();

/** An upstream extract: an external system delivers the data through the end of each period, `delayS` after it. */
export const landingSchema = z.strictObject({
  everyS: positiveSeconds,
  delayS: z.number().int().nonnegative(),
  /** Rows each period adds to the table (for row counts and dbt output). */
  rowsPerPeriod: z.number().int().nonnegative().default(0),
  /** Who delivers it, as the player knows them (`billing DB export`, `Fivetran sync`). */
  source: z.string().default('upstream export'),
});

/** The orchestrator's scheduler, with its worker pool as runtime state (metrics `scheduler.<id>.*`). */
export const schedulerSpecSchema = z.strictObject({
  id: id.default('main'),
  /** How often a healthy scheduler heartbeats. */
  heartbeatS: positiveSeconds.default(5),
});

/** A daylight-saving change: from `atS` on, the local wall clock reads `shiftS` seconds differently (−3600 when clocks go back). */
export const dstShiftSchema = z.strictObject({
  atS: z.number().int(),
  shiftS: z.number().int().min(-7200).max(7200),
});

/** How a DAG's build writes its target: appending rows, or overwriting the run's partition. */
export const buildModeSchema = z.enum(['append', 'overwrite']);
/** The clock a DAG schedules and keys its partitions on. */
export const dagTimezoneSchema = z.enum(['UTC', 'local']);

/** Effects on extracts, the scheduler and DAG runs (spread into the effect vocabulary). */
export const orchestrationEffects = [
  /** Change how late an upstream extract lands (a stuck export: a large delay). */
  z.strictObject({ op: z.literal('table.set-landing'), table: ref, delayS: z.number().int().nonnegative() }),
  /** Upstream re-runs their export: data lands through the latest complete period now, and the usual delay returns. */
  z.strictObject({ op: z.literal('table.land'), table: ref }),
  /** Stop or restart the scheduler, or resize its worker pool. */
  z.strictObject({
    op: z.literal('scheduler.set'),
    running: z.boolean().optional(),
    slots: z.number().int().min(1).max(256).optional(),
  }),
  /** Change a DAG's sensor mode, schedule timezone or build mode; it applies to the next task that starts. */
  z.strictObject({
    op: z.literal('dag.set'),
    dag: ref,
    sensorMode: z.enum(['poke', 'reschedule']).optional(),
    timezone: dagTimezoneSchema.optional(),
    mode: buildModeSchema.optional(),
  }),
  /** Trigger a DAG run now (`airflow dags trigger`). */
  z.strictObject({ op: z.literal('dag.trigger'), dag: ref }),
  /** Clear a DAG's failed runs so they run again (`airflow tasks clear --only-failed`). */
  z.strictObject({ op: z.literal('dag.clear'), dag: ref }),
  /**
   * Rebuild the target's partitions for the windows in [fromS, toS) with the DAG's current
   * timezone and mode; `replace` first deletes what those windows hold (delete the day, rebuild).
   */
  z.strictObject({ op: z.literal('dag.rerun'), dag: ref, fromS: z.number().int(), toS: z.number().int(), replace: z.boolean().optional() }),
  /** Start a backfill (`airflow dags backfill`): one run per period in [fromS, toS), queued now. */
  z.strictObject({ op: z.literal('dag.backfill'), dag: ref, fromS: z.number().int(), toS: z.number().int() }),
] as const;

/** Tool outputs for dbt and the scheduler (spread into the reveal vocabulary). */
export const orchestrationReveals = [
  /** `dbt source freshness` for these tables: PASS, WARN or ERROR STALE against warn_after / error_after. */
  z.strictObject({ kind: z.literal('dbt-source-freshness'), tables: z.array(ref).min(1) }),
  /** `dbt test --select <table>`: not_null per column and unique on the key, from the table's live state (a stale table passes). */
  z.strictObject({ kind: z.literal('dbt-test'), table: ref }),
  /** `airflow jobs check` and `airflow pools list`: scheduler heartbeat and worker slots. */
  z.strictObject({ kind: z.literal('scheduler-status') }),
] as const;
