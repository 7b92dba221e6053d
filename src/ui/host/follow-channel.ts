import type { PlayerView } from '../../engine';

/** The BroadcastChannel a follower window listens on, shared by the windows of one browser profile. */
export const followChannelName = 'firedrill-follow';

/** How often a follower says it is still there; the leading window stops publishing after two silent periods. */
export const followerPingMs = 2000;

/** What travels between a leading window and its followers. */
export type FollowMessage =
  /** A follower opened or is still open: the leader answers with a full snapshot. */
  | { type: 'follower.here'; fresh: boolean }
  /** The leader's whole picture: sent when the view changes or a follower arrives. */
  | { type: 'leader.view'; view: PlayerView | null; clock: number; paused: boolean; speed: number }
  /** The clock moved without the engine stepping: small and frequent. */
  | { type: 'leader.clock'; clock: number; paused: boolean; speed: number }
  /** The leading window is closing. */
  | { type: 'leader.gone' };

/** Whether a value received on the channel is one of ours (another app on the origin could post there). */
export function isFollowMessage(data: unknown): data is FollowMessage {
  if (typeof data !== 'object' || data === null || !('type' in data)) return false;
  const type = (data as { type: unknown }).type;
  return type === 'follower.here' || type === 'leader.view' || type === 'leader.clock' || type === 'leader.gone';
}
