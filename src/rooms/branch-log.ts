import type { ReplayFile } from '../scenarios/schema/replay-file';
import type { CreateRoomOptions } from './client-messages';
import type { Attribution } from './server-messages';

/** The log a "start a drill from here" room begins with, as its create options carry it. */
export type BranchLog = NonNullable<CreateRoomOptions['from']>['log'];

/** A finished room's log up to sim time `at` (the entries of that second included), each entry with its sender. */
export function logUpTo(replay: Pick<ReplayFile, 'log'>, attribution: readonly Attribution[], at: number): BranchLog {
  const senders = new Map(attribution.map((a) => [a.seq, a.by]));
  return replay.log.flatMap((e, seq) => {
    const by = senders.get(seq);
    return e.at <= at && by ? [{ at: e.at, command: e.command, seat: by.seat, name: by.name, role: by.role }] : [];
  });
}
