import { z } from 'zod';
import { orchestrationReveals } from './orchestration.ts';

const id = z.string().min(1);

/**
 * What an investigation shows. The engine renders each kind from the world's state at the
 * moment the action completes, in the format the real tool prints (see REALISM.md).
 */
export const revealSchema = z.discriminatedUnion('kind', [
  /** `kafka-consumer-groups --describe --group <group>` for the job's consumer group. */
  z.strictObject({ kind: z.literal('consumer-groups'), job: id }),
  /** The job's recent log lines, errors included. */
  z.strictObject({ kind: z.literal('job-logs'), job: id }),
  /** The streaming job's status, restarts and checkpoints, as its REST API reports them. */
  z.strictObject({ kind: z.literal('job-status'), job: id }),
  /** The DAG's recent runs as a grid of task states. */
  z.strictObject({ kind: z.literal('dag-runs'), dag: id }),
  /** `GET /subjects` from the schema registry. */
  z.strictObject({ kind: z.literal('registry-subjects') }),
  /** `GET /subjects/<subject>/versions` plus the latest version's metadata. */
  z.strictObject({ kind: z.literal('registry-versions'), subject: id }),
  /** `GET /config/<subject>`. */
  z.strictObject({ kind: z.literal('registry-config'), subject: id }),
  /** A diff of two registered versions of a subject. */
  z.strictObject({ kind: z.literal('schema-diff'), subject: id, from: z.number().int(), to: z.number().int() }),
  /** The head of the record the job is stuck on (`kcat ... | xxd`), showing its schema id. */
  z.strictObject({ kind: z.literal('record-dump'), job: id }),
  /** The lineage of a dashboard back to its sources, with each node's health. */
  z.strictObject({ kind: z.literal('lineage'), dashboard: id }),
  /** Freshness, row count and null ratios of a table, as a SQL check would return them. */
  z.strictObject({ kind: z.literal('table-check'), table: id }),
  /** What a dashboard is showing right now. */
  z.strictObject({ kind: z.literal('dashboard'), dashboard: id }),
  ...orchestrationReveals,
  /** A table's data files (`aws s3 ls --recursive --summarize` / Iceberg `files` metadata): counts and sizes. */
  z.strictObject({ kind: z.literal('table-files'), table: id }),
  /** The typical dashboard query's profile (splits, files scanned, planning time) against a table. */
  z.strictObject({ kind: z.literal('query-profile'), table: id }),
  /** Event time vs ingest time of a job's input, with what the watermark dropped. */
  z.strictObject({ kind: z.literal('late-events'), job: id }),
  /** The verification query: events the job read from its topic vs rows, distinct ids, duplicates and amounts in its table. */
  z.strictObject({ kind: z.literal('reconciliation'), job: id }),
  /** Scenario-written text: a runbook page, a Slack thread, a deploy log. */
  z.strictObject({
    kind: z.literal('text'),
    title: z.string().min(1),
    command: z.string().optional(),
    body: z.string().min(1),
    /** What the text says once a fault has happened (the first matching case wins; otherwise `body`): a deploy log that shows this run's deploy. */
    cases: z.array(z.strictObject({ afterFault: id, body: z.string().min(1) })).max(20).optional(),
  }),
]);
/** One investigation output request. */
export type Reveal = z.infer<typeof revealSchema>;
/** The kinds of tool output. */
export type RevealKind = Reveal['kind'];
