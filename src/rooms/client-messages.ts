import { z } from 'zod';
import { commandSchema } from '../scenarios/schema/commands.ts';
import { levelNames } from '../scenarios/schema/level-names.ts';
import { roomLimits } from './limits';
import { tokenPattern } from './links';

/** A host or seat token (see links.ts). */
const tokenSchema = z.string().regex(tokenPattern, 'a token is 43 base64url characters');
import { participantRoles, roles, roomModes } from './roles';
import { replayFileMaxEntries } from '../scenarios/schema/replay-file.ts';

/** A client-generated command id (a UUID or any unique string): a resend with the same id is recognised, never applied twice. */
export const commandIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'a command id is letters, digits and _ . : -');

const name = z.string().trim().min(1).max(roomLimits.maxNameLength);

/** What the host sends to create a room (Colyseus `create` options): a built-in scenario by id, or a scenario file. */
export const createRoomOptionsSchema = z.strictObject({
  mode: z.enum(roomModes),
  name,
  scenario: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('builtin'), id: z.string().min(1).max(200) }),
    z.strictObject({ kind: z.literal('file'), fileName: z.string().min(1).max(200), text: z.string().min(1).max(roomLimits.maxScenarioBytes) }),
  ]),
  seed: z.number().int().min(1).max(2 ** 31 - 1),
  level: z.enum(levelNames),
  /**
   * "Start a drill from here": the room begins at sim time `at` of an earlier run of the same
   * scenario version, seed and level, with that run's log up to there (each entry with its sender).
   * The server replays it before the room exists and refuses a log that does not replay.
   */
  from: z
    .strictObject({
      scenarioVersion: z.number().int().min(0).max(1_000_000),
      at: z.number().int().min(-1_000_000).max(1_000_000),
      log: z.array(z.strictObject({ at: z.number().int().min(-1_000_000).max(1_000_000), command: commandSchema, seat: z.string().min(1).max(64), name, role: z.enum(roles) })).min(1).max(replayFileMaxEntries),
    })
    .optional(),
});
/** Options for creating a room. */
export type CreateRoomOptions = z.infer<typeof createRoomOptionsSchema>;

/**
 * What a participant sends to join a room (Colyseus `joinById(code, options)`): a name and a
 * role; `seatToken` takes back a seat held before (after a server restart, when the Colyseus
 * reconnection token no longer works); the host's seat needs `hostToken` instead of a role.
 */
export const joinRoomOptionsSchema = z.union([
  z.strictObject({ name, role: z.enum(participantRoles), seatToken: tokenSchema.optional() }),
  z.strictObject({ name, role: z.literal('host'), hostToken: tokenSchema, seatToken: tokenSchema.optional() }),
]);
/** Options for joining a room. */
export type JoinRoomOptions = z.infer<typeof joinRoomOptionsSchema>;

/**
 * Every message a client may send, by Colyseus message type. Anything else, or a payload these
 * refuse, is answered with an `error` to that client only.
 */
export const clientMessageSchemas = {
  /** Asks for the whole current state (welcome, lobby, view); send it once listeners are in place, and after reconnecting. */
  sync: z.strictObject({}),
  /** An engine command; `at` is the sim time the sender's view showed (refused when too far in the past or future). */
  command: z.strictObject({ id: commandIdSchema, command: commandSchema, at: z.number().int().optional() }),
  /** Host: starts the incident clock (the engine's `session.start`). */
  'host.start': z.strictObject({ id: commandIdSchema }),
  /** Host: pauses or resumes the clock for everyone. */
  'host.pause': z.strictObject({ paused: z.boolean() }),
  /** Host: sets the clock's speed for everyone. */
  'host.speed': z.strictObject({ speed: z.number().int().min(roomLimits.minSpeed).max(roomLimits.maxSpeed) }),
  /** Host: fires an inject now, or schedules it at a sim time (fires exactly once, at that sim time, pause or not). */
  'host.inject': z.strictObject({ id: commandIdSchema, inject: z.string().min(1).max(200), atS: z.number().int().optional() }),
  /** Host: cancels a scheduled inject that has not fired. */
  'host.unschedule': z.strictObject({ id: commandIdSchema }),
  /** Host: ends the session now (the debrief follows). */
  'host.end': z.strictObject({ id: commandIdSchema }),
  /** Host: moves a participant's seat to another role. */
  'host.assign': z.strictObject({ seat: z.string().min(1).max(64), role: z.enum(participantRoles) }),
  /** Host: a private note, pinned to the room's sim time, optionally about a log entry; nobody else ever receives it. */
  'host.note': z.strictObject({ id: commandIdSchema, text: z.string().trim().min(1).max(roomLimits.maxNoteLength), seq: z.number().int().nonnegative().optional() }),
  /** Host: scores a rubric criterion 1-4 (or clears it) with the log entries and notes that justify the mark; replaces the criterion's previous mark. */
  'host.mark': z.strictObject({
    id: commandIdSchema,
    criterion: z.string().regex(/^(shared:[a-z-]{1,40}|scenario:\d{1,2})$/, 'a criterion is shared:<name> or scenario:<n>'),
    score: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()]),
    evidence: z.array(z.number().int().nonnegative()).max(roomLimits.maxEvidence).default([]),
    notes: z.array(commandIdSchema).max(roomLimits.maxEvidence).default([]),
  }),
} as const;

/** A client message's type. */
export type ClientMessageType = keyof typeof clientMessageSchemas;
/** A client message's payload, by type. */
export type ClientMessage<T extends ClientMessageType> = z.infer<(typeof clientMessageSchemas)[T]>;

/** The client message types only the host may send. */
export const hostMessageTypes = ['host.start', 'host.pause', 'host.speed', 'host.inject', 'host.unschedule', 'host.end', 'host.assign', 'host.note', 'host.mark'] as const satisfies readonly ClientMessageType[];

/** Whether a string names a client message type. */
export function isClientMessageType(type: unknown): type is ClientMessageType {
  return typeof type === 'string' && Object.hasOwn(clientMessageSchemas, type);
}
