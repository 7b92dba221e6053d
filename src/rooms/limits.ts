/**
 * Every limit a room server enforces, in one place. The server refuses what exceeds them with an
 * error to the sender only; the client may read them to disable what would be refused.
 */
export const roomLimits = {
  /** Largest WebSocket message a client may send, in bytes (a command is well under 1 KB). */
  maxMessageBytes: 16 * 1024,
  /** Largest scenario file a host may send when creating a room from an imported scenario. */
  maxScenarioBytes: 512 * 1024,
  /** Messages per second one connection may send (a sliding one-second window). */
  maxMessagesPerSecond: 10,
  /** Open rooms one server process holds at once. */
  maxRoomsPerServer: 200,
  /** Seats in one room, the host included. */
  maxParticipantsPerRoom: 12,
  /** Longest display name. */
  maxNameLength: 40,
  /** How long a dropped connection keeps its seat for a Colyseus reconnection, in seconds. */
  reconnectGraceS: 120,
  /** A command's `at` may trail the server's sim time by at most this much (a view in flight). */
  maxCommandLagS: 120,
  /** A command's `at` may lead the server's sim time by at most this much (rounding). */
  maxCommandLeadS: 2,
  /** Slowest and fastest clock speeds the host may set. */
  minSpeed: 1,
  maxSpeed: 20,
  /** Least wall time between two view broadcasts to one participant, in milliseconds. */
  viewIntervalMs: 250,
  /** Scheduled injects one room may hold at once. */
  maxScheduledInjects: 50,
  /** Private notes the host may keep in one room, and the longest note. */
  maxHostNotes: 500,
  maxNoteLength: 2000,
  /** Log entries and notes one rubric mark may cite as evidence. */
  maxEvidence: 30,
} as const;
