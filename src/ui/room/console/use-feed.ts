import { useMemo } from 'react';
import { commandFeed, type FeedItem } from '../../../rooms';
import type { RoomSession } from '../room-session';
import { useRoomPicture } from '../use-room-session';

/** The host's live feed: every command with its sender and output, newest last (empty for anyone but the host). */
export function useFeed(session: RoomSession): FeedItem[] {
  const facilitator = useRoomPicture(session, (p) => p.facilitator);
  const log = useRoomPicture(session, (p) => p.log);
  const mode = useRoomPicture(session, (p) => p.info?.mode ?? 'drill');
  return useMemo(() => (facilitator ? commandFeed(facilitator, log, mode) : []), [facilitator, log, mode]);
}
