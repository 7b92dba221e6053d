import { z } from 'zod';
import { componentPattern, mechanismIds } from './cause-taxonomy.ts';

const id = z.string().min(1).max(200);
const text = z.string().max(4000);

/** Severity levels an incident commander can declare. */
export const severitySchema = z.enum(['SEV1', 'SEV2', 'SEV3', 'SEV4']);

/** A postmortem's impact section: minutes and counts the responder states, checked against the run within a tolerance. */
export const postmortemImpactSchema = z.strictObject({
  /** Minutes from the impact's start until it stopped. */
  durationMin: z.number().nonnegative().max(100_000).optional(),
  /** Minutes from the impact's start until the first page. */
  detectedAfterMin: z.number().nonnegative().max(100_000).optional(),
  /** Records or rows lost, and written twice, when the run ended. */
  lost: z.number().int().nonnegative().max(1e12).optional(),
  duplicated: z.number().int().nonnegative().max(1e12).optional(),
  /** Who was affected and how, in words (kept and exported, not scored). */
  summary: text.optional(),
});

/**
 * Everything a player (or a bot, or a facilitator) can do. A session's log is a list of these,
 * each stamped with the sim time it was issued at; the game state is a pure function of that log.
 */
export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('session.start') }),
  z.strictObject({ type: z.literal('alert.acknowledge'), alert: id }),
  z.strictObject({ type: z.literal('action.start'), action: id }),
  z.strictObject({ type: z.literal('incident.set-severity'), severity: severitySchema }),
  /** Names the failing component, the mechanism from the shared taxonomy, and evidence: lines copied from outputs the responder saw. */
  z.strictObject({
    type: z.literal('incident.declare-cause'),
    component: z.string().regex(componentPattern, 'must be a component such as job:orders-enricher, scheduler or none'),
    mechanism: z.enum(mechanismIds),
    evidence: z.array(z.string().min(1).max(500)).min(1).max(10),
  }),
  z.strictObject({ type: z.literal('incident.declare-mitigated') }),
  z.strictObject({ type: z.literal('incident.resolve') }),
  z.strictObject({
    type: z.literal('comms.post'),
    text: text.min(1),
    /** Structured parts of a status update, when the composer filled them. */
    impact: text.optional(),
    etaS: z.number().int().nonnegative().max(604800).optional(),
    nextUpdateS: z.number().int().positive().max(86400).optional(),
  }),
  z.strictObject({ type: z.literal('note.add'), text: text.min(1) }),
  /** A decision drill's plan, sent to the people it is for: each section's lines as written. */
  z.strictObject({
    type: z.literal('plan.send'),
    sections: z.array(z.strictObject({ section: id, lines: z.array(z.string().min(1).max(500)).max(40) })).max(10),
  }),
  z.strictObject({
    type: z.literal('hint.reveal'),
    /** A room's seat the hint is released to: only that person sees it (everyone when absent); it costs the same. */
    to: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'a seat id is 1-64 letters, digits and _ . : -').optional(),
  }),
  z.strictObject({
    type: z.literal('postmortem.submit'),
    /** The root-cause statement as written: kept and exported, never scored. */
    rootCause: text,
    followUps: z.array(id).max(50),
    /** The impact as the responder measured it; the numbers are checked against the run. */
    impact: postmortemImpactSchema.optional(),
    /** The root cause in the shared taxonomy. */
    cause: z.strictObject({ component: z.string().regex(componentPattern, 'must be a component such as job:orders-enricher, scheduler or none'), mechanism: z.enum(mechanismIds) }).optional(),
    /** The timeline as written (free text, kept and exported). */
    timeline: text.optional(),
    /** What made it worse or let it happen: one factor a line. */
    contributing: z.array(z.string().min(1).max(500)).max(10).optional(),
    /** Who owns each chosen follow-up (a team or a person), by follow-up id. */
    owners: z.record(z.string().min(1).max(200), z.string().min(1).max(120)).optional(),
  }),
  z.strictObject({ type: z.literal('facilitator.inject'), inject: id }),
  /** A command line typed at the on-call shell (parsed by the engine, so a replay holds exactly what was typed). */
  z.strictObject({ type: z.literal('terminal.run'), line: z.string().min(1).max(2000) }),
  /** A query typed at the SQL prompt over the lake tables. */
  z.strictObject({ type: z.literal('sql.run'), query: z.string().min(1).max(4000) }),
  /** Ends the session now (the player gives up, or the facilitator calls time); the debrief follows. */
  z.strictObject({ type: z.literal('session.end') }),
]);
/** A command to the engine. */
export type Command = z.infer<typeof commandSchema>;
/** The discriminant of a command. */
export type CommandType = Command['type'];

/** A command stamped with the sim time (seconds) it was issued at. */
export const logEntrySchema = z.strictObject({
  at: z.number().int().min(-1_000_000).max(1_000_000),
  command: commandSchema,
  /** Who sent it, in a room (their seat): each participant has their own hands. Absent in solo play. */
  by: z.string().min(1).max(200).optional(),
});
/** One entry of a session's log. */
export type LogEntry = z.infer<typeof logEntrySchema>;
