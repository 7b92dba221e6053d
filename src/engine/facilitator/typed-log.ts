import type { CommandType, Scenario } from '../../scenarios/schema';
import { commandLabel } from '../debrief/command-label';
import type { SimState } from '../state';

/** One entry of the session's log as the facilitator reads it: what was sent, in words or as typed. */
export interface TypedEntry {
  /** The log entry's index (a room's `seq`). */
  seq: number;
  at: number;
  type: CommandType;
  /** A typed line or query exactly as typed; anything else in words. */
  text: string;
}

/** Every log entry, as typed (shell lines and queries) or in words (everything else); it only grows. */
export function typedLog(s: Scenario, state: SimState): TypedEntry[] {
  return state.log.map((e, seq) => ({
    seq,
    at: e.at,
    type: e.command.type,
    text: e.command.type === 'terminal.run' ? e.command.line : e.command.type === 'sql.run' ? e.command.query : commandLabel(s, e.command),
  }));
}
