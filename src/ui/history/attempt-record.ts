import { z } from 'zod';
import { gradeOf, maxScore } from '../../engine';
import { levelNames, logEntrySchema } from '../../scenarios/schema';

/** The record version this build writes; older ones are migrated on read, newer ones set aside. */
export const currentRecordVersion = 2;

const id = z.string().min(1).max(200);
const count = z.number().int().nonnegative();
const seconds = z.number().nullable();
const seed = z.number().int().min(0).max(4_294_967_295);
const instant = z.iso.datetime({ offset: true });
const endedReason = z.enum(['completed', 'timed-out', 'ended-early']);

/**
 * A finished attempt as it is saved in this browser: enough to list it, chart it, and replay it
 * into its debrief (`replay(scenario, seed, log)` on the same scenario version).
 */
export const attemptRecordSchema = z.strictObject({
  recordVersion: z.literal(2),
  id,
  scenarioId: id,
  scenarioVersion: z.number().int().positive(),
  /** The title when played; migrated v1 records carry the scenario id here instead. */
  scenarioTitle: z.string().min(1).max(400),
  seed,
  /** The run level; records saved before levels existed were played at normal. */
  level: z.enum(levelNames).default('normal'),
  log: z.array(logEntrySchema).max(100_000),
  score: z.strictObject({
    total: z.number().min(0),
    maxScore: z.number().positive(),
    grade: z.enum(['A', 'B', 'C', 'D', 'F']),
  }),
  /** Incident times in sim seconds; null when the milestone was never reached (or, for v1 records, not kept). */
  times: z.strictObject({ mttdS: seconds, mttaS: seconds, mttmS: seconds, mttrS: seconds }),
  records: z.strictObject({ lost: count, duplicates: count }),
  resolved: z.boolean(),
  endedReason,
  /**
   * The engine's hash of the final state, to check a replay against. Empty for records migrated
   * from v1, which did not keep it: recomputing it needs the exact scenario version and a full
   * replay, which is the debrief's job, not the loader's.
   */
  stateHash: z.string().max(64),
  finishedAt: instant,
  /** Present when the run came from someone's replay file and the player chose to keep it. */
  imported: z.strictObject({ fileName: z.string().min(1).max(400) }).optional(),
});
/** A saved attempt, current version. */
export type AttemptRecord = z.infer<typeof attemptRecordSchema>;

/**
 * Version 1, as the first history build wrote it: the score was a bare number out of 100, and
 * neither the title, the incident times nor the state hash were kept.
 */
export const attemptRecordV1Schema = z.strictObject({
  recordVersion: z.literal(1),
  id,
  scenarioId: id,
  scenarioVersion: z.number().int().positive(),
  seed,
  log: z.array(logEntrySchema).max(100_000),
  score: z.number().min(0).max(100),
  resolved: z.boolean(),
  endedReason,
  recordsLost: count,
  duplicates: count,
  finishedAt: instant,
});
/** A saved attempt, version 1. */
export type AttemptRecordV1 = z.infer<typeof attemptRecordV1Schema>;

/** Brings a v1 record up to date; what v1 never kept becomes null (times) or empty (state hash). */
export function migrateV1(old: AttemptRecordV1): AttemptRecord {
  const total = Math.round(old.score);
  return {
    recordVersion: 2,
    id: old.id,
    scenarioId: old.scenarioId,
    scenarioVersion: old.scenarioVersion,
    scenarioTitle: old.scenarioId,
    level: 'normal',
    seed: old.seed,
    log: old.log,
    score: { total, maxScore, grade: gradeOf(total) },
    times: { mttdS: null, mttaS: null, mttmS: null, mttrS: null },
    records: { lost: old.recordsLost, duplicates: old.duplicates },
    resolved: old.resolved,
    endedReason: old.endedReason,
    stateHash: '',
    finishedAt: old.finishedAt,
  };
}

/** Whether a record came from v1, which kept no incident times or state hash (its hash is empty). */
export function isMigratedFromV1(record: AttemptRecord): boolean {
  return record.stateHash === '';
}

/** Oldest first; the id breaks ties so the order never depends on how the database returns them. */
export function byFinishTime(a: AttemptRecord, b: AttemptRecord): number {
  return Date.parse(a.finishedAt) - Date.parse(b.finishedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** What reading one stored value gave: a current record (perhaps migrated), or why it is unusable. */
export type ReadResult = { ok: true; record: AttemptRecord; migratedFrom: number | null } | { ok: false; reason: string };

const maxIssues = 3;
const maxMessage = 120;

// Zod lists every allowed value for a bad discriminator; the start is enough to say what is wrong.
function clip(message: string): string {
  return message.length > maxMessage ? `${message.slice(0, maxMessage - 1)}…` : message;
}

/** Names what is wrong, zod path first: `score.total: Invalid input: expected number, received string`. */
export function describeIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, maxIssues).map((issue) => `${formatPath(issue.path) || '(the record)'}: ${clip(issue.message)}`);
  const more = error.issues.length - maxIssues;
  return more > 0 ? `${lines.join('; ')}; and ${more} more problem${more === 1 ? '' : 's'}` : lines.join('; ');
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '');
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Validates (and, for older versions, migrates) one stored value. Never throws. */
export function readAttemptRecord(raw: unknown): ReadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: `it is ${kindOf(raw)}, not an attempt record` };
  const version = (raw as { recordVersion?: unknown }).recordVersion;
  if (version === currentRecordVersion) {
    const parsed = attemptRecordSchema.safeParse(raw);
    return parsed.success ? { ok: true, record: parsed.data, migratedFrom: null } : { ok: false, reason: `version 2 record is invalid: ${describeIssues(parsed.error)}` };
  }
  if (version === 1) {
    const parsed = attemptRecordV1Schema.safeParse(raw);
    return parsed.success ? { ok: true, record: migrateV1(parsed.data), migratedFrom: 1 } : { ok: false, reason: `version 1 record cannot be migrated: ${describeIssues(parsed.error)}` };
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > currentRecordVersion) {
    return { ok: false, reason: `it was saved by a newer Firedrill (record version ${version}); this one reads versions 1 to ${currentRecordVersion}` };
  }
  if (version === undefined) return { ok: false, reason: 'recordVersion: missing, so its format is unknown' };
  return { ok: false, reason: `recordVersion: ${JSON.stringify(version) ?? String(version)} is not a known record version` };
}
