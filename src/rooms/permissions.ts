import type { CommandType } from '../scenarios/schema';
import type { Role } from './roles';

const responder: readonly Role[] = ['player', 'candidate'];

/**
 * Which roles may send each engine command through the `command` message. The session's
 * start, injects and its end are the host's, through the `host.*` messages; observers send nothing.
 */
export const commandRoles: Record<CommandType, readonly Role[]> = {
  'session.start': ['host'],
  'alert.acknowledge': [...responder, 'incident-commander', 'operations'],
  'action.start': [...responder, 'incident-commander', 'operations'],
  'incident.set-severity': [...responder, 'incident-commander'],
  'incident.declare-cause': [...responder, 'incident-commander'],
  'incident.declare-mitigated': [...responder, 'incident-commander'],
  'incident.resolve': [...responder, 'incident-commander'],
  'comms.post': [...responder, 'communications'],
  'plan.send': [...responder, 'incident-commander'],
  'note.add': ['host', ...responder, 'incident-commander', 'operations', 'communications', 'scribe'],
  'hint.reveal': [...responder, 'incident-commander'],
  'postmortem.submit': [...responder, 'incident-commander', 'scribe'],
  'facilitator.inject': ['host'],
  'session.end': ['host'],
  'terminal.run': [...responder, 'incident-commander', 'operations'],
  // Queries change nothing, so everyone working the incident may look at the data.
  'sql.run': [...responder, 'incident-commander', 'operations', 'communications', 'scribe'],
};

/** Whether a role may send an engine command. */
export function mayCommand(role: Role, type: CommandType): boolean {
  return commandRoles[type].includes(role);
}

/** Whether a role may send the host's messages (start, pause, speed, injects, end, seats). */
export function mayHost(role: Role): boolean {
  return role === 'host';
}
