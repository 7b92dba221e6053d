import { z } from 'zod';
import { verifyReplayFile } from '../engine/debrief/replay-file';
import type { ScoreReport } from '../engine/scoring/score-run';
import type { SimState } from '../engine/state';
import { replayFileMaxEntries, type ReplayFile, type Scenario } from '../scenarios/schema';
import { roomLimits } from './limits';
import { roles, roomModes } from './roles';
import type { Attribution, HostNote, RubricMark } from './server-messages';

const name = z.string().min(1).max(roomLimits.maxNameLength);
const seatSchema = z.strictObject({ seat: z.string().min(1).max(64), name, role: z.enum(roles) });
const score = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()]);

/** One rubric mark as a round file (or a saved review) holds it. */
export const rubricMarkSchema = z.strictObject({ criterion: z.string().min(1).max(64), score, evidence: z.array(z.number().int().nonnegative()).max(roomLimits.maxEvidence), notes: z.array(z.string().min(1).max(64)).max(roomLimits.maxEvidence), at: z.number().int() });

/**
 * A finished mock round for a second interviewer: its replay (the verified replay file), who sent
 * each command, and the first interviewer's marks and notes, which the review screen keeps sealed
 * until the second has scored the replay on their own.
 */
export const roundFileSchema = z.strictObject({
  format: z.literal('firedrill-round'),
  formatVersion: z.literal(1),
  title: z.string().min(1).max(200),
  code: z.string().min(1).max(16),
  mode: z.enum(roomModes),
  host: name.nullable(),
  participants: z.array(name).max(roomLimits.maxParticipantsPerRoom * 3),
  /** Who sent each log entry, by its seq, and for a hint released to one participant whom it went to. */
  senders: z.array(z.strictObject({ seq: z.number().int().nonnegative(), seat: z.string().min(1).max(64), name, role: z.enum(roles), to: seatSchema.optional() })).max(replayFileMaxEntries),
  /** Checked on reading by the replay file's own verification (log, score, state hash). */
  replay: z.unknown(),
  first: z.strictObject({
    marks: z.array(rubricMarkSchema).max(64),
    notes: z.array(z.strictObject({ id: z.string().min(1).max(64), at: z.number().int(), text: z.string().min(1).max(roomLimits.maxNoteLength), seq: z.number().int().nonnegative().nullable() })).max(roomLimits.maxHostNotes),
  }),
});
/** A round file's contents. */
export type RoundFile = z.infer<typeof roundFileSchema>;

/** What the host's browser holds at the end of a round, to write its round file from. */
export interface RoundFileInput {
  title: string;
  code: string;
  mode: RoundFile['mode'];
  host: string | null;
  participants: readonly string[];
  attribution: readonly Attribution[];
  replay: ReplayFile;
  marks: readonly RubricMark[];
  notes: readonly HostNote[];
}

/** The round file of a finished round. */
export function makeRoundFile(r: RoundFileInput): RoundFile {
  return {
    format: 'firedrill-round',
    formatVersion: 1,
    title: r.title,
    code: r.code,
    mode: r.mode,
    host: r.host,
    participants: [...r.participants],
    senders: r.attribution.map((a) => ({ seq: a.seq, seat: a.by.seat, name: a.by.name, role: a.by.role, ...(a.to && { to: { seat: a.to.seat, name: a.to.name, role: a.to.role } }) })),
    replay: r.replay,
    first: { marks: r.marks.map((m) => ({ ...m, evidence: [...m.evidence], notes: [...m.notes] })), notes: r.notes.map((n) => ({ ...n })) },
  };
}

/** A round read back: the file, its replayed run, and each entry's attribution rebuilt from the replayed log. */
export type RoundRead = { ok: true; round: RoundFile; file: ReplayFile; scenario: Scenario; state: SimState; report: ScoreReport; attribution: Attribution[] } | { ok: false; error: string };

/**
 * Reads a round file: JSON, the right format, every field in range, and a replay that reproduces
 * its score and state hash (the replay file's own checks, with their messages). Never throws.
 */
export function readRoundFile(text: string, findScenario: (id: string) => Scenario | undefined): RoundRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `This file is not a Firedrill round: it is not valid JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== 'firedrill-round') return { ok: false, error: 'This is not a Firedrill round file: its "format" field should be "firedrill-round". (A replay file opens in the debrief instead.)' };
  const parsed = roundFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `This round file is malformed: the field "${issue?.path.join('.') || '(top level)'}" is invalid (${issue?.message ?? 'unknown problem'}).` };
  }
  const replayed = verifyReplayFile(JSON.stringify(parsed.data.replay ?? null), findScenario);
  if (!replayed.ok) return { ok: false, error: `The round's replay was refused: ${replayed.error}` };
  const senders = new Map(parsed.data.senders.map((s) => [s.seq, s]));
  const attribution = replayed.state.log.flatMap((e, seq): Attribution[] => {
    const s = senders.get(seq);
    return s ? [{ seq, at: e.at, type: e.command.type, by: { seat: s.seat, name: s.name, role: s.role }, ...(s.to && { to: s.to }) }] : [];
  });
  return { ok: true, round: parsed.data, file: replayed.file, scenario: replayed.scenario, state: replayed.state, report: replayed.report, attribution };
}
