import { followChannelName, followerPingMs, isFollowMessage, type FollowMessage } from './follow-channel';
import type { HostSnapshot, SessionHost } from './session-host';

/**
 * Publishes a host's snapshots to follower windows while any is open (none open: nothing is
 * posted, so solo play pays nothing). Returns how to stop. `channel` is injectable for tests.
 */
export function leadFollowers(host: SessionHost, channel: BroadcastChannel = new BroadcastChannel(followChannelName), now: () => number = Date.now): () => void {
  let lastHeard = -Infinity;
  let sentView: HostSnapshot['view'] | undefined;
  const say = (message: FollowMessage) => channel.postMessage(message);
  const sendWhole = (s: HostSnapshot) => {
    sentView = s.view;
    say({ type: 'leader.view', view: s.view, clock: s.clock, paused: s.paused, speed: s.speed });
  };
  channel.onmessage = (event: MessageEvent) => {
    if (!isFollowMessage(event.data) || event.data.type !== 'follower.here') return;
    lastHeard = now();
    if (event.data.fresh) sendWhole(host.store.getState());
  };
  const stopWatching = host.store.subscribe((s, previous) => {
    if (now() - lastHeard > followerPingMs * 2) return;
    if (s.view !== sentView) sendWhole(s);
    else if (s.clock !== previous.clock || s.paused !== previous.paused || s.speed !== previous.speed) say({ type: 'leader.clock', clock: s.clock, paused: s.paused, speed: s.speed });
  });
  const goodbye = () => say({ type: 'leader.gone' });
  window.addEventListener('pagehide', goodbye);
  return () => {
    stopWatching();
    window.removeEventListener('pagehide', goodbye);
    channel.close();
  };
}
