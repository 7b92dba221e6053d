/** The two kinds of room: a fire drill for a team, or a mock incident round with a candidate. */
export const roomModes = ['drill', 'interview'] as const;
/** A room's kind. */
export type RoomMode = (typeof roomModes)[number];

/**
 * Every role a seat can hold. The host is the facilitator (drill) or the interviewer
 * (interview). `player` and `candidate` are the single responder of a two-person round and may
 * do everything a responder does; the drill roles split that work.
 */
export const roles = ['host', 'player', 'candidate', 'incident-commander', 'operations', 'communications', 'scribe', 'observer'] as const;
/** A seat's role. */
export type Role = (typeof roles)[number];
/** A role someone can join with (the host's seat needs the host token). */
export type ParticipantRole = Exclude<Role, 'host'>;
/** The roles someone can join with. */
export const participantRoles = roles.filter((r): r is ParticipantRole => r !== 'host');

/** Which participant roles each kind of room offers. */
export const rolesByMode: Record<RoomMode, readonly ParticipantRole[]> = {
  drill: ['player', 'incident-commander', 'operations', 'communications', 'scribe', 'observer'],
  interview: ['candidate', 'observer'],
};

/** What a role is called on screen, per kind of room. */
export function roleLabel(role: Role, mode: RoomMode): string {
  if (role === 'host') return mode === 'drill' ? 'Facilitator' : 'Interviewer';
  return {
    player: 'Player',
    candidate: 'Candidate',
    'incident-commander': 'Incident commander',
    operations: 'Operations',
    communications: 'Communications',
    scribe: 'Scribe',
    observer: 'Observer',
  }[role];
}

/** Which projection a role receives: only the host sees hidden truth. */
export function viewKindOf(role: Role): 'facilitator' | 'player' {
  return role === 'host' ? 'facilitator' : 'player';
}
