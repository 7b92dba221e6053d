import { stageOf } from '../src/engine';
import type { CreateRoomOptions } from '../src/rooms';
import type { Scenario } from '../src/scenarios/schema';
import { RoomSession } from './room-session';
import type { EntryRecord } from './store/room-store';

/** Where a branched room starts: its entries, ready to persist, and its session at that moment. */
export type Branch = { ok: true; entries: EntryRecord[]; session: RoomSession } | { ok: false; message: string };

/**
 * Checks the log prefix of "start a drill from here" and replays it: the same scenario version,
 * entries in time order and none after the moment, a replay that runs, and an incident still in
 * play at the moment. The room's session comes back paused there, its state what the original
 * run's was at that second.
 */
export function branchFrom(scenario: Scenario, seed: number, from: NonNullable<CreateRoomOptions['from']>): Branch {
  if (from.scenarioVersion !== scenario.version) return { ok: false, message: `the log is from version ${from.scenarioVersion} of ${scenario.id}; this server has version ${scenario.version}, which may play it differently` };
  if (from.at < scenario.clock.playerStartS || from.at > scenario.clock.endS) return { ok: false, message: `the moment ${from.at}s is outside the session (${scenario.clock.playerStartS}s to ${scenario.clock.endS}s)` };
  for (const [i, e] of from.log.entries()) {
    if (e.at > from.at) return { ok: false, message: `log entry ${i} is stamped ${e.at}s, after the moment ${from.at}s the room starts from` };
    const before = from.log[i - 1];
    if (before && e.at < before.at) return { ok: false, message: `log entry ${i} is stamped ${e.at}s, before entry ${i - 1} (${before.at}s): the log is out of order` };
  }
  const entries: EntryRecord[] = from.log.map((e, seq) => ({ seq, at: e.at, command: e.command, seat: e.seat, name: e.name, role: e.role, clientId: `from-${seq}` }));
  let session: RoomSession;
  try {
    session = new RoomSession(scenario, seed, entries, [], { t: from.at, speed: 5, paused: true });
  } catch (error) {
    return { ok: false, message: `the log does not replay: ${error instanceof Error ? error.message : String(error)}` };
  }
  const stage = stageOf(session.state.flow);
  if (stage !== 'running') return { ok: false, message: `at ${from.at}s this log's incident is not in play (${stage === 'briefing' ? 'it has not started' : 'it is over'}): pick a moment while it runs` };
  return { ok: true, entries, session };
}
